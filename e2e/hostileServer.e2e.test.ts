import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATASTROPHIC_VALUE, startHostileMcpServer, type HostileServer } from '../test-support/hostileMcpServer';
import { clickInPanel, fillInPanel, openPanelOn, testToolsNow, type PanelSession } from './harness/devtoolsPanel';

const panelErrors = (panel: Frame) => panel.$$eval('[data-testid="panel-error"]', (els) => els.map((e) => e.textContent));

/** The page stays responsive: a round trip through the panel's event loop answers at once. */
async function responsiveWithin(panel: Frame, ms: number): Promise<number> {
  const started = Date.now();
  await panel.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const took = Date.now() - started;
  expect(took).toBeLessThan(ms);
  return took;
}

// A real SDK server offering tools with __proto__ keys, a catastrophic pattern with a default that
// triggers it, and a 5,000-level input schema: the MCP section must stay usable throughout.
describe('the MCP section against a hostile MCP server, in the real panel', () => {
  let server: HostileServer;
  let s: PanelSession;
  beforeAll(async () => {
    server = await startHostileMcpServer();
    s = await openPanelOn(server.url.replace(/\/mcp$/, '/'));
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('lists the hostile tools, with the first one selected, and nothing breaks', async () => {
    await fillInPanel(s.panel, '[data-testid="target-url"]', server.url);
    await clickInPanel(s.panel, '[data-testid="preset-worker"]');
    expect(await testToolsNow(s.panel)).toMatchObject({ outcome: 'pass' });
    const names = await s.panel.$$eval('[data-testid="tool-row"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.toolName));
    expect(names).toEqual(['proto_keys', 'catastrophic_pattern', 'deep_schema']);
    // proto_keys is selected automatically: its enum {"toString":1} is an option like any other, __proto__ an ordinary field.
    await s.panel.waitForSelector('[data-testid="tool-caller"] [data-arg="__proto__"]');
    const options = await s.panel.$$eval('[data-arg="toString"] option', (os) => os.map((o) => o.textContent));
    expect(options).toContain('{"toString":1}');
    expect(await s.panel.$eval('[data-testid="tool-args"]', (t) => (t as HTMLTextAreaElement).value)).toContain('"__proto__": "plain data"');
    expect(await panelErrors(s.panel)).toEqual([]);
  });

  it('calls the __proto__ tool and shows its structuredContent with the __proto__ key', async () => {
    await clickInPanel(s.panel, '[data-testid="tool-call"]');
    await s.panel.waitForSelector('[data-testid="tool-result"]');
    expect(await s.panel.$eval('[data-testid="structured-content"]', (e) => e.textContent)).toContain('"__proto__"');
    expect(await s.panel.$eval('[data-testid="output-schema-check"]', (e) => (e as HTMLElement).dataset.valid)).toBe('true');
  });

  it("stops a catastrophic pattern off the panel's thread and says it was not checked", async () => {
    await clickInPanel(s.panel, '[data-testid="tool-row"][data-tool-name="catastrophic_pattern"]');
    await s.panel.waitForFunction(
      (v) => document.querySelector<HTMLTextAreaElement>('[data-testid="tool-args"]')?.value.includes(v),
      { polling: 50 },
      CATASTROPHIC_VALUE,
    );
    const started = Date.now();
    await clickInPanel(s.panel, '[data-testid="tool-call"]');
    await responsiveWithin(s.panel, 1000);
    // The arguments' pattern (from the default) and the structuredContent's are both cut off in the worker.
    await s.panel.waitForSelector('[data-testid="tool-args-note"]', { timeout: 10_000 });
    expect(await s.panel.$eval('[data-testid="tool-args-note"]', (e) => e.textContent)).toMatch(/pattern not checked: took too long/i);
    await s.panel.waitForSelector('[data-testid="output-schema-check"][data-valid="unchecked"]', { timeout: 10_000 });
    expect(await s.panel.$eval('[data-testid="output-schema-unchecked"]', (e) => e.textContent)).toMatch(/pattern not checked: took too long/i);
    expect(Date.now() - started).toBeLessThan(10_000);
    await responsiveWithin(s.panel, 1000);
  });

  it('shows the 5,000-level schema as a JSON box with a note, its schema text capped', async () => {
    await clickInPanel(s.panel, '[data-testid="tool-row"][data-tool-name="deep_schema"]');
    await s.panel.waitForSelector('[data-testid="schema-form-note"]');
    expect(await s.panel.$eval('[data-testid="schema-form-note"]', (e) => e.textContent)).toMatch(/nested deeper than 16 levels/);
    await clickInPanel(s.panel, '[data-testid="tool-caller"] details summary');
    await s.panel.waitForSelector('[data-testid="tool-caller"] details pre');
    expect(await panelErrors(s.panel)).toEqual([]);
  });

  it('keeps the target bar editable and Test tools now working after all of it', async () => {
    await fillInPanel(s.panel, '[data-testid="target-url"]', 'http://127.0.0.1:1/elsewhere');
    expect(await s.panel.$eval('[data-testid="target-url"]', (e) => (e as HTMLInputElement).value)).toBe('http://127.0.0.1:1/elsewhere');
    await fillInPanel(s.panel, '[data-testid="target-url"]', server.url);
    const before = await s.panel.$eval('[data-testid="test-report"]', (r) => Number((r as HTMLElement).dataset.run));
    const again = await testToolsNow(s.panel);
    expect(again.outcome).toBe('pass');
    expect(Number(again.run)).toBeGreaterThan(before);
    expect(await panelErrors(s.panel)).toEqual([]);
  });
});
