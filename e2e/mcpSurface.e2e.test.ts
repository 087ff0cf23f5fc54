import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { listWithSdk } from '../test-support/sdkListing';
import { clickInPanel, fillInPanel, recordAppearances, testToolsNow, useDemoWithPanel, type Appearances } from './harness/devtoolsPanel';

const text = (panel: Frame, selector: string) => panel.$eval(selector, (e) => e.textContent ?? '');
const dataOf = (panel: Frame, testId: string, key: string) =>
  panel.$$eval(`[data-testid="${testId}"]`, (els, k) => els.map((e) => (e as HTMLElement).dataset[k] ?? ''), key);
/** Waits until the element the selector names holds `needle` in its text. */
const waitForText = (panel: Frame, selector: string, needle: string, timeout = 15_000) =>
  panel.waitForFunction((s, n) => document.querySelector(s)?.textContent?.includes(n), { polling: 50, timeout }, selector, needle);

async function callTool(panel: Frame, name: string, args: object): Promise<void> {
  await clickInPanel(panel, `[data-testid="tool-row"][data-tool-name="${name}"]`);
  await panel.waitForFunction((n) => document.querySelector('[data-testid="tool-caller"] h4')?.textContent?.includes(n), { polling: 50 }, name);
  await fillInPanel(panel, '[data-testid="tool-args"]', JSON.stringify(args));
  await clickInPanel(panel, '[data-testid="tool-call"]');
}

// The demo's content server (/content/mcp): resources, templates, a prompt, a long tool and an elicitation tool.
describe('resources, prompts and server messages in the real panel', () => {
  const env = useDemoWithPanel();
  const url = () => `${env.demo.url}/content/mcp`;

  it('lists tools, resources, templates and prompts, counted in the report as the SDK client in Node lists them', async () => {
    const sdk = await listWithSdk(url());
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', url());
    await clickInPanel(env.s.panel, '[data-testid="preset-worker"]');
    const report = await testToolsNow(env.s.panel);
    expect(report, report.headline).toMatchObject({ outcome: 'pass' });
    expect(report.headline).toContain('9 tools, 3 resources, 2 resource templates, 1 prompt');
    const counts = await env.s.panel.$eval('[data-testid="report-counts"]', (e) => ({ ...(e as HTMLElement).dataset }));
    expect(counts).toEqual({
      testid: 'report-counts',
      tools: String(sdk.tools.length),
      resources: String(sdk.resources.length),
      resourceTemplates: String(sdk.resourceTemplates.length),
      prompts: String(sdk.prompts.length),
    });
    expect(await dataOf(env.s.panel, 'resource-row', 'uri')).toEqual(sdk.resources);
    expect(await dataOf(env.s.panel, 'resource-template-row', 'uriTemplate')).toEqual(sdk.resourceTemplates);
    expect(await dataOf(env.s.panel, 'prompt-row', 'promptName')).toEqual(sdk.prompts);
    expect(await env.s.panel.$('[data-testid="log-level"]')).not.toBeNull();
  });

  it('reads a Markdown resource as text, a JSON one pretty-printed and a PNG as an image', async () => {
    await clickInPanel(env.s.panel, '[data-testid="resource-row"][data-uri="demo://sections/readme"]');
    await env.s.panel.waitForSelector('[data-testid="resource-content"][data-uri="demo://sections/readme"]');
    const readme = await text(env.s.panel, '[data-testid="resource-content"]');
    expect(readme).toContain('# Presentation');
    // The resource's <script> is text on screen, not an element.
    expect(readme).toContain('<script>alert("shown as text")</script>');
    expect(await env.s.panel.$('[data-testid="resource-content"] script')).toBeNull();

    await clickInPanel(env.s.panel, '[data-testid="resource-row"][data-uri="demo://sections/index.json"]');
    await env.s.panel.waitForSelector('[data-testid="resource-content"][data-uri="demo://sections/index.json"]');
    expect(await text(env.s.panel, '[data-testid="resource-content"] pre')).toContain('"sections": [\n    {\n      "id": 1,');

    await clickInPanel(env.s.panel, '[data-testid="resource-row"][data-uri="demo://logo.png"]');
    const img = await env.s.panel.waitForSelector('[data-testid="resource-content"][data-uri="demo://logo.png"] img');
    const loaded = await img!.evaluate((i) => {
      const image = i as HTMLImageElement;
      return image.decode().then(() => ({ src: image.src.slice(0, 22), width: image.naturalWidth }));
    });
    expect(loaded).toEqual({ src: 'data:image/png;base64,', width: 24 });
  });

  it('fills a resource template from its variables and reads the URI it expands to', async () => {
    await clickInPanel(env.s.panel, '[data-testid="resource-template-row"][data-uri-template="demo://sections/{id}"]');
    await fillInPanel(env.s.panel, '[data-testid="template-var"][data-name="id"]', '3');
    await clickInPanel(env.s.panel, '[data-testid="template-read"]');
    await env.s.panel.waitForSelector('[data-testid="resource-content"][data-uri="demo://sections/3"]');
    expect(await text(env.s.panel, '[data-testid="resource-content"]')).toContain('Section 3: Pricing');
  });

  it('gets a prompt with a required and an optional argument and shows its messages', async () => {
    await clickInPanel(env.s.panel, '[data-testid="prompt-row"][data-prompt-name="summarize_section"]');
    await env.s.panel.waitForSelector('[data-testid="prompt-arg"][data-name="section"][data-required="true"]');
    await env.s.panel.waitForSelector('[data-testid="prompt-arg"][data-name="style"][data-required="false"]');
    await fillInPanel(env.s.panel, '[data-testid="prompt-arg"][data-name="section"]', '2');
    await fillInPanel(env.s.panel, '[data-testid="prompt-arg"][data-name="style"]', 'bullet points');
    await clickInPanel(env.s.panel, '[data-testid="prompt-get"]');
    await waitForText(env.s.panel, '[data-testid="prompt-messages"]', 'Summarize section 2 as bullet points.');
    expect(await dataOf(env.s.panel, 'prompt-message', 'role')).toEqual(['user', 'user']);
    expect(await text(env.s.panel, '[data-testid="prompt-messages"]')).toContain('Section 2: Products');
  });

  it('shows the long tool’s progress and log lines while it works, before its result', async () => {
    const seen: Appearances = await recordAppearances(env.s.panel, [
      '[data-testid="call-progress"]',
      '[data-testid="server-log"]',
      '[data-testid="tool-result"]',
    ]);
    await callTool(env.s.panel, 'prepare_report', { steps: 5, stepMs: 400 });
    await env.s.panel.waitForSelector('[data-testid="call-progress"][data-progress="2"][data-total="5"]', { timeout: 10_000 });
    await waitForText(env.s.panel, '[data-testid="server-log"]', 'Step 2 of 5');
    expect(await env.s.panel.$('[data-testid="tool-result"]')).toBeNull();
    await waitForText(env.s.panel, '[data-testid="tool-result"]', 'Report ready: 5 sections.');
    const at = await seen.times();
    expect(at['[data-testid="call-progress"]']).toBeLessThan(at['[data-testid="tool-result"]']!);
    expect(at['[data-testid="server-log"]']).toBeLessThan(at['[data-testid="tool-result"]']!);
    // The finished call keeps its log; the progress bar goes with the call.
    expect(await dataOf(env.s.panel, 'server-log-line', 'level')).toEqual(['info', 'debug', 'debug', 'debug', 'debug', 'notice']);
    expect(await env.s.panel.$('[data-testid="call-progress"]')).toBeNull();
  });

  it('sends the chosen log level first: the server then leaves out its debug lines', async () => {
    await env.s.panel.select('[data-testid="log-level"]', 'info');
    await callTool(env.s.panel, 'prepare_report', { steps: 2, stepMs: 0 });
    await waitForText(env.s.panel, '[data-testid="tool-result"]', 'Report ready: 2 sections.');
    expect(await dataOf(env.s.panel, 'server-log-line', 'level')).toEqual(['info', 'notice']);
    await env.s.panel.select('[data-testid="log-level"]', '');
  });

  it('stops a long call with Cancel and says notifications/cancelled was sent', async () => {
    await callTool(env.s.panel, 'prepare_report', { steps: 20, stepMs: 500 });
    await env.s.panel.waitForSelector('[data-testid="call-progress"][data-progress="1"]', { timeout: 10_000 });
    await clickInPanel(env.s.panel, '[data-testid="call-cancel"]');
    await env.s.panel.waitForSelector('[data-testid="call-cancelled"]', { timeout: 10_000 });
    expect(await text(env.s.panel, '[data-testid="call-cancelled"]')).toMatch(/Cancelled: the panel sent notifications\/cancelled for request \d+\./);
    expect(await env.s.panel.$('[data-testid="call-progress"]')).toBeNull();
    expect(await env.s.panel.$('[data-testid="tool-result"]')).toBeNull();
  });

  it('answers the elicitation tool’s request with an error: the call ends and says what the server asked for', async () => {
    await callTool(env.s.panel, 'publish_with_confirmation', {});
    await env.s.panel.waitForSelector('[data-testid="tool-result"]', { timeout: 10_000 });
    expect(await text(env.s.panel, '[data-testid="server-request"][data-method="elicitation/create"]')).toBe(
      'The server asked for elicitation (elicitation/create), which this tester does not provide: answered with JSON-RPC error -32601.',
    );
    expect(await text(env.s.panel, '[data-testid="tool-result"]')).toContain('The client did not take the elicitation');
  });
});
