import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileMcpServer, type HostileServer } from '../../test-support/hostileMcpServer';
import { callTool } from './callTool';
import { runToolsTest } from './runToolsTest';

// The SDK's result parsing rebuilds objects and loses keys named __proto__; the panel shows what the server sent.
describe('tools and results with __proto__ keys, from a real SDK server', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileMcpServer();
  });
  afterAll(() => server.close());
  const options = () => ({ url: server.url, auth: {}, transport: 'streamable-http' as const, timeoutMs: 5000 });

  it('lists the tools with __proto__ kept as an ordinary property name', async () => {
    const report = await runToolsTest(options());
    expect(report.outcome).toBe('pass');
    const tool = report.tools.find((t) => t.name === 'proto_keys')!;
    expect(Object.keys(tool.inputSchema.properties ?? {})).toEqual(['__proto__', 'toString', 'constructor']);
    expect(Object.keys(tool.outputSchema?.properties ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows structuredContent with its __proto__ key and checks it against the outputSchema as data', async () => {
    const tool = (await runToolsTest(options())).tools.find((t) => t.name === 'proto_keys')!;
    const report = await callTool(options(), tool, JSON.parse('{"__proto__":"x"}'));
    expect(Object.keys(report.result?.structuredContent ?? {})).toEqual(['__proto__', 'toString']);
    expect(report.outputCheck?.errors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sends an argument named __proto__ as an ordinary argument', async () => {
    const tool = (await runToolsTest(options())).tools.find((t) => t.name === 'proto_keys')!;
    const report = await callTool(options(), tool, JSON.parse('{"__proto__":"x"}'));
    const sent = report.messages.find((m) => m.direction === 'sent' && (m.message as { method?: string }).method === 'tools/call')!;
    expect(JSON.stringify(sent.message)).toContain('"arguments":{"__proto__":"x"}');
  });
});
