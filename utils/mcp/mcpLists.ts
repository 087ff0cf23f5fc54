import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { McpError, type Prompt, type Resource, type ResourceTemplate, type ServerCapabilities, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { JsonRpcLogEntry } from './loggingTransport';
import { listAllPages, stoppedText, type Listed, type Page } from './listPages';
import { getOwn, isPlainObject } from './ownProps';
import { answerTo, rawResult } from './rawResult';
import type { ListName } from './sessionActivity';

/**
 * What a server lists. A list the server does not advertise is absent: it was not asked for. So is
 * an optional list the server answered with a JSON-RPC error (then a note says so).
 */
export interface McpLists {
  tools: Tool[];
  resources?: Resource[];
  resourceTemplates?: ResourceTemplate[];
  prompts?: Prompt[];
  /** Lists cut short (page or item caps, a repeating cursor) or refused by the server, in words. */
  notes: string[];
}

type Request = Pick<RequestOptions, 'signal' | 'timeout'>;

const note = (notes: string[], listed: Listed<unknown>, what: string) => {
  const text = stoppedText(listed, what);
  if (text) notes.push(text);
};

/** Every page of tools/list, with each tool's schemas as the server sent them. */
export async function listTools(client: Client, messages: JsonRpcLogEntry[], options: Request, notes: string[]): Promise<Tool[]> {
  const listed = await listAllPages(async (cursor) => {
    const page = await client.listTools(cursor ? { cursor } : undefined, options);
    return { items: withRawSchemas(page.tools, rawResult(messages, 'tools/list')), nextCursor: page.nextCursor };
  });
  note(notes, listed, 'tools');
  return listed.items;
}

/**
 * resources/list and resources/templates/list, every page of each. A server may advertise resources
 * without templates (the SDK's low-level Server answers -32601 for a method it has no handler for):
 * either list refused with a JSON-RPC error is left out, with a note, and the other still listed.
 */
export async function listResources(
  client: Client,
  messages: JsonRpcLogEntry[],
  options: Request,
  notes: string[],
): Promise<Pick<McpLists, 'resources' | 'resourceTemplates'>> {
  const resources = await optionalList(messages, notes, 'resources', 'resources/list', 'resources', async (cursor) => {
    const page = await client.listResources(cursor ? { cursor } : undefined, options);
    return { items: page.resources, nextCursor: page.nextCursor };
  });
  const templates = await optionalList(messages, notes, 'resources', 'resources/templates/list', 'resource templates', async (cursor) => {
    const page = await client.listResourceTemplates(cursor ? { cursor } : undefined, options);
    return { items: page.resourceTemplates, nextCursor: page.nextCursor };
  });
  return { ...(resources ? { resources } : {}), ...(templates ? { resourceTemplates: templates } : {}) };
}

/** prompts/list, every page; undefined (with a note) when the server answered it with a JSON-RPC error. */
export async function listPrompts(client: Client, messages: JsonRpcLogEntry[], options: Request, notes: string[]): Promise<Prompt[] | undefined> {
  return optionalList(messages, notes, 'prompts', 'prompts/list', 'prompts', async (cursor) => {
    const page = await client.listPrompts(cursor ? { cursor } : undefined, options);
    return { items: page.prompts, nextCursor: page.nextCursor };
  });
}

/**
 * Every page of a list the test can do without. A JSON-RPC error the server answered gives no list
 * and a note; anything else (network, timeout, cancel, a malformed answer) still fails the test.
 */
async function optionalList<T>(
  messages: JsonRpcLogEntry[],
  notes: string[],
  capability: string,
  method: string,
  what: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<T[] | undefined> {
  try {
    const listed = await listAllPages(fetchPage);
    note(notes, listed, what);
    return listed.items;
  } catch (error) {
    // The SDK also makes McpErrors of its own (its request timeout, a closed connection): only an
    // error response in the log is the server's answer.
    const answer = error instanceof McpError ? errorAnswer(messages, method) : undefined;
    if (!answer) throw error;
    notes.push(`The server advertises ${capability} but answered ${method} with ${answer}: no ${what} listed.`);
    return undefined;
  }
}

/** Untrusted server text in a note: one line, capped. */
const MAX_ERROR_MESSAGE = 200;

/** "-32601 Method not found": the JSON-RPC error the server answered to the latest `method` request, if it answered with one. */
function errorAnswer(messages: JsonRpcLogEntry[], method: string): string | undefined {
  const error = getOwn(answerTo(messages, method), 'error');
  if (!isPlainObject(error)) return undefined;
  const code = getOwn(error, 'code');
  const text = getOwn(error, 'message');
  let words = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  // The SDK's servers repeat the code in the message ("MCP error -32603: …").
  const repeated = `MCP error ${String(code)}: `;
  if (words.startsWith(repeated)) words = words.slice(repeated.length);
  if (words.length > MAX_ERROR_MESSAGE) words = `${words.slice(0, MAX_ERROR_MESSAGE)}…`;
  return [typeof code === 'number' ? String(code) : 'an error', words].filter(Boolean).join(' ');
}

/** The lists this server advertises (tools always: Test tools now is about them). */
export function advertisedLists(capabilities: ServerCapabilities | undefined): ListName[] {
  return ['tools', ...(capabilities?.resources ? (['resources'] as const) : []), ...(capabilities?.prompts ? (['prompts'] as const) : [])];
}

/** Lists `which` (those advertised) again, for a server that said they changed. */
export async function relist(
  client: Client,
  which: ListName[],
  messages: JsonRpcLogEntry[],
  options: Request,
  notes: string[],
): Promise<Partial<Omit<McpLists, 'notes'>>> {
  const lists: Partial<Omit<McpLists, 'notes'>> = {};
  const wanted = advertisedLists(client.getServerCapabilities()).filter((l) => which.includes(l));
  if (wanted.includes('tools')) lists.tools = await listTools(client, messages, options, notes);
  if (wanted.includes('resources')) Object.assign(lists, await listResources(client, messages, options, notes));
  if (wanted.includes('prompts')) {
    const prompts = await listPrompts(client, messages, options, notes);
    // A refused list is left out rather than set empty: the lists shown before stay.
    if (prompts) lists.prompts = prompts;
  }
  return lists;
}

/**
 * Each tool's schemas exactly as the server sent them: the SDK's parsing rebuilt them and dropped
 * properties named `__proto__`. The parse already checked the shape, so the raw schemas fit it.
 */
function withRawSchemas(parsed: Tool[], raw: Record<string, unknown> | undefined): Tool[] {
  const rawTools = getOwn(raw, 'tools');
  if (!Array.isArray(rawTools) || rawTools.length !== parsed.length) return parsed;
  return parsed.map((tool, i) => {
    const r: unknown = rawTools[i];
    if (!isPlainObject(r) || getOwn(r, 'name') !== tool.name) return tool;
    const inputSchema = getOwn(r, 'inputSchema');
    const outputSchema = getOwn(r, 'outputSchema');
    return {
      ...tool,
      ...(isPlainObject(inputSchema) ? { inputSchema: inputSchema as Tool['inputSchema'] } : {}),
      ...(isPlainObject(outputSchema) ? { outputSchema: outputSchema as Tool['outputSchema'] } : {}),
    };
  });
}
