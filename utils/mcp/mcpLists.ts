import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Prompt, Resource, ResourceTemplate, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { JsonRpcLogEntry } from './loggingTransport';
import { listAllPages, stoppedText, type Listed } from './listPages';
import { getOwn, isPlainObject } from './ownProps';
import { rawResult } from './rawResult';
import type { ListName } from './sessionActivity';

/** What a server lists. A list the server does not advertise is absent: it was not asked for. */
export interface McpLists {
  tools: Tool[];
  resources?: Resource[];
  resourceTemplates?: ResourceTemplate[];
  prompts?: Prompt[];
  /** Lists cut short (page or item caps, a repeating cursor), in words. */
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

/** resources/list and resources/templates/list, every page of each. */
export async function listResources(client: Client, options: Request, notes: string[]): Promise<Pick<McpLists, 'resources' | 'resourceTemplates'>> {
  const resources = await listAllPages(async (cursor) => {
    const page = await client.listResources(cursor ? { cursor } : undefined, options);
    return { items: page.resources, nextCursor: page.nextCursor };
  });
  note(notes, resources, 'resources');
  const templates = await listAllPages(async (cursor) => {
    const page = await client.listResourceTemplates(cursor ? { cursor } : undefined, options);
    return { items: page.resourceTemplates, nextCursor: page.nextCursor };
  });
  note(notes, templates, 'resource templates');
  return { resources: resources.items, resourceTemplates: templates.items };
}

export async function listPrompts(client: Client, options: Request, notes: string[]): Promise<Prompt[]> {
  const listed = await listAllPages(async (cursor) => {
    const page = await client.listPrompts(cursor ? { cursor } : undefined, options);
    return { items: page.prompts, nextCursor: page.nextCursor };
  });
  note(notes, listed, 'prompts');
  return listed.items;
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
  if (wanted.includes('resources')) Object.assign(lists, await listResources(client, options, notes));
  if (wanted.includes('prompts')) lists.prompts = await listPrompts(client, options, notes);
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
