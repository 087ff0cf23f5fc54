import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ElicitResultSchema, SetLevelRequestSchema, type LoggingLevel, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { logoPng, registerPortalTools, SECTIONS } from './mcpTools';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const LEVELS: LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

export const CONTENT_RESOURCES = ['demo://sections/readme', 'demo://sections/index.json', 'demo://logo.png'];

/**
 * The demo's "everything but sampling" MCP server: the portal's tools, plus resources (Markdown,
 * JSON, a PNG), resource templates, a prompt with a required and an optional argument, a tool that
 * reports progress and logs while it works, and one that asks the client for input (elicitation).
 * Every capability it uses is declared.
 */
export function createContentMcpServer(name = 'demo-content-mcp', version = '1.0.0'): McpServer {
  const server = new McpServer(
    { name, version },
    { capabilities: { tools: { listChanged: true }, resources: { listChanged: true }, prompts: { listChanged: true }, logging: {} } },
  );
  registerPortalTools(server);
  registerResources(server);
  registerPrompts(server);

  // The level the client asked for (logging/setLevel): messages below it are not sent.
  let minLevel: LoggingLevel = 'debug';
  server.server.setRequestHandler(SetLevelRequestSchema, (request) => {
    minLevel = request.params.level;
    return {};
  });
  // On the call's own stream (related to the request), so a client without the GET stream sees it too.
  const log = (extra: Extra, level: LoggingLevel, data: string) =>
    LEVELS.indexOf(level) < LEVELS.indexOf(minLevel)
      ? Promise.resolve()
      : extra.sendNotification({ method: 'notifications/message', params: { level, logger: 'prepare_report', data } });

  server.registerTool(
    'prepare_report',
    {
      title: 'Prepare report',
      description: 'Works for a few seconds, reporting progress (when asked with a progressToken) and logging each step. Stops when cancelled.',
      inputSchema: { steps: z.number().int().min(1).max(20).default(5), stepMs: z.number().int().min(0).max(5000).default(600) },
      annotations: { readOnlyHint: true },
    },
    async ({ steps, stepMs }, extra) => {
      const progressToken = extra._meta?.progressToken;
      await log(extra, 'info', `Preparing a report in ${steps} steps`);
      for (let step = 1; step <= steps; step++) {
        if (!(await sleep(stepMs, extra.signal))) return { content: [{ type: 'text', text: `Cancelled at step ${step}.` }] };
        await log(extra, step === steps ? 'notice' : 'debug', `Step ${step} of ${steps}: ${SECTIONS[(step - 1) % SECTIONS.length]} done`);
        if (progressToken !== undefined) {
          await extra.sendNotification({
            method: 'notifications/progress',
            params: { progressToken, progress: step, total: steps, message: `Section ${step} of ${steps}` },
          });
        }
      }
      return { content: [{ type: 'text', text: `Report ready: ${steps} sections.` }] };
    },
  );

  server.registerTool(
    'publish_with_confirmation',
    {
      title: 'Publish (asks first)',
      description: 'Asks the user to confirm through elicitation before pretending to publish, and says what the client answered.',
      annotations: { destructiveHint: false },
    },
    async (extra) => {
      // Asked even of a client that declares no elicitation support, so that its answer shows.
      try {
        const answer = await extra.sendRequest(
          {
            method: 'elicitation/create',
            params: {
              mode: 'form',
              message: 'Publish the presentation now?',
              requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean', title: 'Publish' } }, required: ['confirm'] },
            },
          },
          ElicitResultSchema,
          { timeout: 10_000 },
        );
        const text =
          answer.action === 'accept'
            ? `The user answered ${JSON.stringify(answer.content ?? {})}: published.`
            : `The user chose ${answer.action}: nothing published.`;
        return { content: [{ type: 'text' as const, text }] };
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { isError: true, content: [{ type: 'text' as const, text: `The client did not take the elicitation (${why}): nothing published.` }] };
      }
    },
  );

  return server;
}

function registerResources(server: McpServer): void {
  server.registerResource(
    'readme',
    CONTENT_RESOURCES[0],
    { title: 'Presentation README', description: 'What the presentation covers.', mimeType: 'text/markdown' },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: 'text/markdown',
          text: `# Presentation\n\n${SECTIONS.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n\n<script>alert("shown as text")</script>\n`,
        },
      ],
    }),
  );
  server.registerResource('index', CONTENT_RESOURCES[1], { title: 'Section index', mimeType: 'application/json' }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ sections: SECTIONS.map((title, i) => ({ id: i + 1, title })) }) }],
  }));
  server.registerResource('logo', CONTENT_RESOURCES[2], { title: 'Portal logo', mimeType: 'image/png' }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: 'image/png', blob: logoPng().toString('base64') }],
  }));
  server.registerResource(
    'section',
    new ResourceTemplate('demo://sections/{id}', { list: undefined }),
    { title: 'One section', description: 'A section by its number (1–5).', mimeType: 'text/plain' },
    async (uri, { id }) => {
      const title = SECTIONS[Number(id) - 1];
      if (!title) throw new Error(`No section ${String(id)}: there are ${SECTIONS.length}.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: `Section ${String(id)}: ${title}` }] };
    },
  );
  server.registerResource(
    'search',
    new ResourceTemplate('demo://search{?q,limit}', { list: undefined }),
    { title: 'Search sections', description: 'Sections whose title contains q.', mimeType: 'application/json' },
    async (uri, { q, limit }) => {
      const hits = SECTIONS.filter((s) => s.toLowerCase().includes(String(q ?? '').toLowerCase())).slice(0, Number(limit) || SECTIONS.length);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ q: q ?? '', hits }) }] };
    },
  );
}

function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'summarize_section',
    {
      title: 'Summarize a section',
      description: 'Asks for a summary of one section, in a style.',
      argsSchema: { section: z.string().describe('Section number (1–5)'), style: z.string().optional().describe('e.g. "bullet points"') },
    },
    ({ section, style }) => ({
      description: `Summary of section ${section}`,
      messages: [
        { role: 'user', content: { type: 'text', text: `Summarize section ${section}${style ? ` as ${style}` : ''}.` } },
        {
          role: 'user',
          content: {
            type: 'resource',
            resource: { uri: `demo://sections/${section}`, mimeType: 'text/plain', text: `Section ${section}: ${SECTIONS[Number(section) - 1] ?? 'unknown'}` },
          },
        },
      ],
    }),
  );
}

/** Waits `ms`; false when cancelled first. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
