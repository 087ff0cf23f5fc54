import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATASTROPHIC_PATTERN, CATASTROPHIC_VALUE, HOSTILE_TOOLS, startHostileMcpServer, type HostileServer } from '../../test-support/hostileMcpServer';
import { callTool, checkToolArguments } from './callTool';
import { spawnNodeSchemaWorker } from './nodeSchemaWorker.test-helper';
import { timeLimitedSchemaChecker } from './schemaChecker';
import { workerRunner } from './timeLimitedWorker';

// A server-supplied pattern runs in a worker that is stopped after a time limit: the panel's thread never runs it.
describe('checking against server schemas with a time limit', () => {
  const check = timeLimitedSchemaChecker(workerRunner(spawnNodeSchemaWorker), 250);
  const catastrophic = HOSTILE_TOOLS.find((t) => t.name === 'catastrophic_pattern') as Tool;
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileMcpServer();
    await check('warm', { type: 'string' }); // the first worker start loads TypeScript; not part of any limit
  });
  afterAll(() => server.close());

  it('stops a catastrophic pattern, says the pattern was not checked, and still reports the other problems', async () => {
    const started = performance.now();
    const result = await check(
      { name: CATASTROPHIC_VALUE, count: 'x' },
      {
        properties: { name: { pattern: CATASTROPHIC_PATTERN }, count: { type: 'integer' } },
      },
      'arguments',
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.unchecked).toMatch(/pattern not checked: took too long/i);
    expect(result.errors).toEqual(['arguments.count should be integer, not a string']);
  });

  it('checks ordinary patterns fully, and keeps working after a stopped check', async () => {
    expect(await check('abc', { pattern: '^a' })).toEqual({ errors: [] });
    expect((await check('xbc', { pattern: '^a' })).errors).toHaveLength(1);
  });

  it("tool defaults that trigger the pattern are checked off the panel's thread", async () => {
    const result = await checkToolArguments(catastrophic, { name: CATASTROPHIC_VALUE }, check);
    expect(result).toMatchObject({ errors: [], unchecked: expect.stringMatching(/pattern not checked/i) });
  });

  it('a structuredContent that triggers the outputSchema pattern: the call report comes back, saying so', async () => {
    const started = performance.now();
    const report = await callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 5000, checkSchema: check }, catastrophic, {});
    expect(performance.now() - started).toBeLessThan(4000);
    expect(report.outcome).toBe('pass');
    expect(report.outputCheck).toMatchObject({ errors: [], unchecked: expect.stringMatching(/pattern not checked/i) });
  });

  it('without a time-limited checker, callTool skips patterns instead of running them on its own thread', async () => {
    const started = performance.now();
    const report = await callTool({ url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 5000 }, catastrophic, {});
    expect(performance.now() - started).toBeLessThan(4000);
    expect(report.outputCheck?.unchecked).toMatch(/pattern not checked/i);
  });
});
