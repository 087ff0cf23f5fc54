import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../demo/portal';
import { startFullDemo } from '../../test-support/demoServer';
import { callTool, checkToolArguments } from './callTool';
import { runToolsTest } from './runToolsTest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

describe('callTool against the demo worker and portal', () => {
  let demo: DemoServer;
  let tools: Tool[];
  let auth: { token: { value: string; fingerprint: string } };
  const tool = (name: string) => tools.find((t) => t.name === name)!;
  const options = () => ({ url: `${demo.url}/mcp`, auth, transport: 'auto' as const, timeoutMs: 5000 });

  beforeAll(async () => {
    demo = await startFullDemo();
    auth = { token: { value: (await demo.issuer.issue('jwt', 'demo')).access_token, fingerprint: 'f' } };
    tools = (await runToolsTest(options())).tools;
  });
  afterAll(() => demo.close());

  it('calls add and returns its text', async () => {
    const report = await callTool(options(), tool('add'), { a: 2, b: 3 });
    expect(report.outcome).toBe('pass');
    expect(report.result?.content).toEqual([{ type: 'text', text: '5' }]);
  });

  it('returns structuredContent and checks it against the outputSchema', async () => {
    const report = await callTool(options(), tool('get_weather'), { city: 'Amsterdam', units: 'metric' });
    expect(report.result?.structuredContent).toMatchObject({ city: 'Amsterdam', temperature: 18 });
    expect(report.outputCheck).toEqual({ errors: [] });
  });

  it('keeps isError results as results, not failures', async () => {
    const report = await callTool(options(), tool('always_fails'), {});
    expect(report.outcome).toBe('pass');
    expect(report.result?.isError).toBe(true);
  });

  it('returns images, resource links and embedded resources intact', async () => {
    expect((await callTool(options(), tool('get_logo'), {})).result?.content[0]).toMatchObject({ type: 'image', mimeType: 'image/png' });
    const docs = (await callTool(options(), tool('get_docs'), {})).result?.content.map((c) => c.type);
    expect(docs).toEqual(['resource_link', 'resource']);
  });

  it('checks arguments against the input schema before anything is sent', async () => {
    expect(await checkToolArguments(tool('add'), { a: 2, b: 3 })).toEqual({ errors: [] });
    expect((await checkToolArguments(tool('add'), { a: '2' })).errors).toEqual(['arguments.b is required', 'arguments.a should be number, not a string']);
    expect((await checkToolArguments(tool('get_weather'), { city: 'x', units: 'kelvin' })).errors).toEqual([
      expect.stringMatching(/units should be one of "metric", "imperial"/),
    ]);
  });
});
