import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ElicitResultSchema, type ServerCapabilities, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_RESOURCES } from '../../demo/mcpContent';
import type { DemoServer } from '../../demo/portal';
import { startFullDemo } from '../../test-support/demoServer';
import { callTool } from './callTool';
import { getPrompt } from './getPrompt';
import { listAgain } from './operation';
import { readResource } from './readResource';
import { runToolsTest } from './runToolsTest';
import type { SessionEvent } from './sessionActivity';

// The real SDK client against real SDK servers over HTTP on 127.0.0.1: the demo's content server,
// and small servers made here to watch what arrives on the server side.
describe('resources, prompts and server messages against the demo content server', () => {
  let demo: DemoServer;
  let tools: Tool[];
  const options = (o: object = {}) => ({ url: `${demo.url}/content/mcp`, auth: {}, transport: 'auto' as const, timeoutMs: 5000, ...o });
  const tool = (name: string) => tools.find((t) => t.name === name)!;

  beforeAll(async () => {
    demo = await startFullDemo();
    tools = (await runToolsTest(options())).tools;
  });
  afterAll(() => demo.close());

  it('lists tools, resources, resource templates and prompts — each only because the server advertises it', async () => {
    const report = await runToolsTest(options());
    expect(report.outcome).toBe('pass');
    expect(report.resources?.map((r) => r.uri)).toEqual(CONTENT_RESOURCES);
    expect(report.resourceTemplates?.map((t) => t.uriTemplate)).toEqual(['demo://sections/{id}', 'demo://search{?q,limit}']);
    expect(report.prompts?.map((p) => p.name)).toEqual(['summarize_section']);
    expect(report.prompts?.[0].arguments).toEqual([
      { name: 'section', description: 'Section number (1–5)', required: true },
      { name: 'style', description: 'e.g. "bullet points"', required: false },
    ]);
    expect(report.steps.map((s) => s.name)).toEqual(['connect', 'initialize', 'tools/list', 'resources/list', 'prompts/list']);
    const sent = report.messages.filter((m) => m.direction === 'sent').map((m) => (m.message as { method?: string }).method);
    expect(sent).toEqual(['initialize', 'notifications/initialized', 'tools/list', 'resources/list', 'resources/templates/list', 'prompts/list']);
  });

  it('asks a tools-only server for nothing but tools: the four requests of a test stay four', async () => {
    const { access_token } = await demo.issuer.issue('jwt', 'demo');
    const report = await runToolsTest({ ...options(), url: `${demo.url}/tools-only/mcp`, auth: { token: { value: access_token, fingerprint: 'f' } } });
    expect(report).toMatchObject({ outcome: 'pass', listNotes: [] });
    expect(report.resources).toBeUndefined();
    expect(report.prompts).toBeUndefined();
    expect(report.exchanges.map((e) => e.method).sort()).toEqual(['DELETE', 'POST', 'POST', 'POST']);
  });

  it('reads a Markdown, a JSON and a PNG resource, and a template expanded by the panel', async () => {
    const md = await readResource(options(), 'demo://sections/readme');
    expect(md.value?.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: expect.stringContaining('# Presentation') });
    const json = await readResource(options(), 'demo://sections/index.json');
    expect(JSON.parse((json.value?.contents[0] as { text: string }).text).sections).toHaveLength(5);
    const png = await readResource(options(), 'demo://logo.png');
    expect(png.value?.contents[0]).toMatchObject({ mimeType: 'image/png', blob: expect.stringMatching(/^iVBORw0KGgo/) });
    const section = await readResource(options(), 'demo://sections/3');
    expect(section.value?.contents[0]).toMatchObject({ text: 'Section 3: Pricing' });
    const missing = await readResource(options(), 'demo://sections/9');
    expect(missing).toMatchObject({ outcome: 'fail', failure: { kind: 'protocol', detail: expect.stringMatching(/No section 9/) } });
  });

  it('gets a prompt with its arguments', async () => {
    const report = await getPrompt(options(), 'summarize_section', { section: '2', style: 'bullet points' });
    expect(report.outcome).toBe('pass');
    expect(report.value?.messages.map((m) => m.role)).toEqual(['user', 'user']);
    expect(report.value?.messages[0].content).toEqual({ type: 'text', text: 'Summarize section 2 as bullet points.' });
    expect(report.value?.messages[1].content).toMatchObject({ type: 'resource', resource: { text: 'Section 2: Products' } });
  });

  it('sends a progressToken with a call and passes on progress and log lines as they arrive, before the result', async () => {
    const events: SessionEvent[] = [];
    let resultAt = -1;
    const report = await callTool(options({ onEvent: (e: SessionEvent) => events.push(e) }), tool('prepare_report'), { steps: 3, stepMs: 50 }).then(
      (r) => ((resultAt = events.length), r),
    );
    expect(report.result?.content).toEqual([{ type: 'text', text: 'Report ready: 3 sections.' }]);
    const sent = report.messages.find((m) => (m.message as { method?: string }).method === 'tools/call')!.message as {
      params: { _meta?: { progressToken?: unknown } };
    };
    expect(sent.params._meta?.progressToken).toBeDefined();
    expect(events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && [e.view.progress, e.view.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(report.progress).toMatchObject({ progress: 3, total: 3, percent: 100, message: 'Section 3 of 3' });
    expect(report.activity.serverLog.map((l) => l.text)).toEqual([
      'Preparing a report in 3 steps',
      'Step 1 of 3: Company overview done',
      'Step 2 of 3: Products done',
      'Step 3 of 3: Pricing done',
    ]);
    // Everything arrived before the call returned.
    expect(resultAt).toBe(events.length);
  });

  it('sends logging/setLevel first when a level is chosen: the server then leaves out the debug lines', async () => {
    const report = await callTool(options({ logLevel: 'info' }), tool('prepare_report'), { steps: 3, stepMs: 0 });
    expect(
      (report.messages.find((m) => m.direction === 'sent' && (m.message as { method?: string }).method !== 'initialize')?.message as { method: string }).method,
    ).toBe('notifications/initialized');
    const methods = report.messages.filter((m) => m.direction === 'sent').map((m) => (m.message as { method?: string }).method);
    expect(methods.indexOf('logging/setLevel')).toBeLessThan(methods.indexOf('tools/call'));
    expect(report.activity.serverLog.map((l) => l.level)).toEqual(['info', 'notice']);
  });

  it('answers an elicitation request with -32601 at once: the call ends and the report says what the server asked for', async () => {
    const report = await callTool(options(), tool('publish_with_confirmation'), {});
    expect(report.outcome).toBe('pass');
    expect(report.activity.serverRequests).toEqual([
      {
        method: 'elicitation/create',
        text: 'The server asked for elicitation (elicitation/create), which this tester does not provide: answered with JSON-RPC error -32601.',
      },
    ]);
    expect(report.result).toMatchObject({ isError: true });
    expect((report.result?.content[0] as { text: string }).text).toMatch(/-32601.*does not provide elicitation/);
    const answer = report.messages.find((m) => m.direction === 'sent' && 'error' in m.message)?.message as { error: { code: number } };
    expect(answer.error.code).toBe(-32601);
  });

  it('re-lists in the same session a list the server says changed during the call', async () => {
    // A notice related to the call comes on the call's own stream, before its answer.
    const server = await startServer((mcp) => {
      const later = mcp.registerTool('later', { description: 'appears once add_tool ran' }, async () => ({ content: [] }));
      later.disable();
      mcp.registerTool('add_tool', { description: 'enables "later"' }, async (extra) => {
        later.enable();
        await extra.sendNotification({ method: 'notifications/tools/list_changed' });
        return { content: [{ type: 'text', text: 'added' }] };
      });
    });
    try {
      const options = { url: server.url, auth: {}, transport: 'streamable-http' as const, timeoutMs: 5000 };
      const listed = await runToolsTest(options);
      expect(listed.tools.map((t) => t.name)).toEqual(['add_tool']);
      const report = await callTool(options, listed.tools[0], {});
      expect(report.activity.listChanged[0]).toBe('tools');
      expect(report.relisted?.tools?.map((t) => t.name)).toEqual(['later', 'add_tool']);
    } finally {
      await server.close();
    }
  });

  it('says which lists changed too late for the session, and lists them again in a new one', async () => {
    // McpServer announces an enabled tool outside any request: on the GET stream, possibly after the answer.
    let enabled = false;
    const server = await startServer((mcp) => {
      const later = mcp.registerTool('later', { description: 'appears once add_tool ran' }, async () => ({ content: [] }));
      if (!enabled) later.disable();
      mcp.registerTool('add_tool', { description: 'enables "later"' }, async () => {
        setTimeout(() => ((enabled = true), later.enable()), 0);
        return { content: [{ type: 'text', text: 'added' }] };
      });
    });
    try {
      const options = { url: server.url, auth: {}, transport: 'streamable-http' as const, timeoutMs: 5000 };
      const report = await callTool(options, { ...slowTool, name: 'add_tool' }, {});
      const seen = [...(Object.keys(report.relisted ?? {}) as string[]), ...(report.changedLate ?? [])];
      expect(seen).toContain('tools');
      expect((await listAgain(options, ['tools']))?.tools?.map((t) => t.name)).toEqual(['later', 'add_tool']);
    } finally {
      await server.close();
    }
  });
});

describe('Cancel on a running call', () => {
  it('sends notifications/cancelled before the session closes: the server sees the cancellation and the report says so', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let serverSawAbort = false;
    const server = await startServer((mcp) =>
      mcp.registerTool('slow', { description: 'waits until cancelled' }, async (extra) => {
        started();
        await new Promise<void>((resolve) => extra.signal.addEventListener('abort', () => resolve()));
        serverSawAbort = true;
        return { content: [] };
      }),
    );
    try {
      const cancel = new AbortController();
      const pending = callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 10_000, signal: cancel.signal }, slowTool, {});
      await running;
      cancel.abort();
      const report = await pending;
      expect(report.outcome).toBe('cancelled');
      expect(serverSawAbort).toBe(true);
      expect(server.cancelled).toHaveLength(1);
      const callId = (report.messages.find((m) => (m.message as { method?: string }).method === 'tools/call')!.message as { id: number }).id;
      expect(server.cancelled[0]).toBe(callId);
      expect(report.cancellation).toBe(`Cancelled: the panel sent notifications/cancelled for request ${callId}.`);
      // The session still ended politely.
      expect(report.exchanges.at(-1)?.method).toBe('DELETE');
    } finally {
      await server.close();
    }
  });

  it('ends a call that never answers when cancelled, even when the server takes no notifications either', async () => {
    const server = await startServer((mcp) => mcp.registerTool('slow', { description: 'never ends' }, () => new Promise(() => {})), {
      refuseNotifications: true,
    });
    try {
      const cancel = new AbortController();
      const pending = callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 10_000, signal: cancel.signal }, slowTool, {});
      await server.called;
      const cancelledAt = performance.now();
      cancel.abort();
      const report = await pending;
      expect(report.outcome).toBe('cancelled');
      expect(performance.now() - cancelledAt).toBeLessThan(4000);
      expect(report.cancellation).toMatch(/^Cancelled(, but|: the panel was sending) notifications\/cancelled for request \d+/);
    } finally {
      await server.close();
    }
  });

  it('keeps a call alive past the timeout while the server reports progress', async () => {
    const server = await startServer((mcp) =>
      mcp.registerTool('steady', { description: 'progress every 150 ms for 1.2 s' }, async (extra) => {
        for (let i = 1; i <= 8; i++) {
          await new Promise((r) => setTimeout(r, 150));
          await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: extra._meta!.progressToken!, progress: i } });
        }
        return { content: [{ type: 'text', text: 'done' }] };
      }),
    );
    try {
      const report = await callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 500 }, { ...slowTool, name: 'steady' }, {});
      expect(report.failure).toBeUndefined();
      expect(report.result?.content).toEqual([{ type: 'text', text: 'done' }]);
      expect(report.progress).toMatchObject({ progress: 8, count: 8 });
    } finally {
      await server.close();
    }
  });
});

describe('log messages a server sends outside the request', () => {
  it('arrive on the GET stream, which a call opens before it sends the request', async () => {
    const server = await startServer(
      (mcp) =>
        mcp.registerTool('log_aside', { description: 'logs without a related request, as server.sendLoggingMessage does' }, async (extra) => {
          await mcp.sendLoggingMessage({ level: 'warning', data: 'sent outside the request' }, extra.sessionId);
          return { content: [{ type: 'text', text: 'logged' }] };
        }),
      // A GET stream slow to open, as over a real network: a log sent before it is open is lost.
      { capabilities: { tools: {}, logging: {} }, delayStreamMs: 300 },
    );
    try {
      const report = await callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 5000 }, { ...slowTool, name: 'log_aside' }, {});
      expect(report.result?.content).toEqual([{ type: 'text', text: 'logged' }]);
      expect(report.activity.serverLog).toEqual([{ level: 'warning', text: 'sent outside the request' }]);
    } finally {
      await server.close();
    }
  });
});

describe('a log line the server sends just after its answer', () => {
  it('is in before the session closes: a server that logs gets a moment after its answer', async () => {
    const server = await startServer(
      (mcp) =>
        mcp.registerTool('answer_then_log', { description: 'logs just after answering' }, async (extra) => {
          setTimeout(() => void mcp.sendLoggingMessage({ level: 'info', data: 'after the answer' }, extra.sessionId), 40);
          return { content: [{ type: 'text', text: 'answered' }] };
        }),
      { capabilities: { tools: {}, logging: {} } },
    );
    try {
      const report = await callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 5000 }, { ...slowTool, name: 'answer_then_log' }, {});
      expect(report.result?.content).toEqual([{ type: 'text', text: 'answered' }]);
      expect(report.activity.serverLog.map((l) => l.text)).toEqual(['after the answer']);
    } finally {
      await server.close();
    }
  });
});

describe('a server request answered while the server waits on it', () => {
  it('sampling from inside a tool gets -32601 with the reason, and the tool goes on', async () => {
    let answer = '';
    const server = await startServer((mcp) =>
      mcp.registerTool('ask', { description: 'asks for sampling' }, async (extra) => {
        try {
          await extra.sendRequest({ method: 'sampling/createMessage', params: { messages: [], maxTokens: 1 } }, ElicitResultSchema);
        } catch (error) {
          answer = `${(error as { code?: number }).code} ${(error as Error).message}`;
        }
        return { content: [{ type: 'text', text: 'went on' }] };
      }),
    );
    try {
      const report = await callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 5000 }, { ...slowTool, name: 'ask' }, {});
      expect(report.result?.content).toEqual([{ type: 'text', text: 'went on' }]);
      expect(answer).toBe('-32601 MCP error -32601: MCP Token Inspector does not provide sampling (an LLM completion): it is a tester, not an MCP host.');
      expect(report.activity.serverRequests.map((r) => r.method)).toEqual(['sampling/createMessage']);
    } finally {
      await server.close();
    }
  });
});

const slowTool: Tool = { name: 'slow', inputSchema: { type: 'object' } };

interface TestServer {
  url: string;
  /** Request ids the server got notifications/cancelled for. */
  cancelled: unknown[];
  /** Resolves once a tools/call arrived. */
  called: Promise<void>;
  close(): Promise<void>;
}

/** A session-keeping SDK server on 127.0.0.1 with the tools `register` adds. */
async function startServer(
  register: (server: McpServer) => void,
  opts: { refuseNotifications?: boolean; capabilities?: ServerCapabilities; delayStreamMs?: number } = {},
): Promise<TestServer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const cancelled: unknown[] = [];
  let called!: () => void;
  const calledPromise = new Promise<void>((resolve) => (called = resolve));
  const http: HttpServer = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { method?: string; params?: { requestId?: unknown } }) : undefined;
    if (body?.method === 'tools/call') called();
    if (body?.method === 'notifications/cancelled') {
      // Never answered: the panel must not wait for it forever.
      if (opts.refuseNotifications) return;
      cancelled.push(body.params?.requestId);
    }
    if (req.method === 'GET' && opts.delayStreamMs) await new Promise((r) => setTimeout(r, opts.delayStreamMs));
    const id = req.headers['mcp-session-id'];
    const existing = typeof id === 'string' ? sessions.get(id) : undefined;
    if (existing) return existing.handleRequest(req, res, body);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, transport),
    });
    const mcp = new McpServer({ name: 'test', version: '1' }, { capabilities: opts.capabilities ?? { tools: { listChanged: true } } });
    register(mcp);
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    cancelled,
    called: calledPromise,
    close: () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))),
  };
}
