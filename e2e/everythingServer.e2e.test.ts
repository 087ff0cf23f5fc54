import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../demo/portal';
import { startFullDemo } from '../test-support/demoServer';
import { startEverythingServer, type EverythingServer } from '../test-support/everythingServer';
import { listWithSdk, withSdkClient, type SdkListing } from '../test-support/sdkListing';
import { clickInPanel, openPanelOn, testToolsNow, type PanelSession } from './harness/devtoolsPanel';

// The official reference server, started on 127.0.0.1 by the test, against the real panel. The
// panel declares no client capabilities, so the reference listing declares none either: this server
// offers its sampling, elicitation and roots tools only to clients that declare those.
const PANEL_CLIENT_CAPABILITIES = {};

const TEXT_RESOURCE = 'demo://resource/static/document/instructions.md';
const BLOB_TEMPLATE = 'demo://resource/dynamic/blob/{resourceId}';
const LONG_TOOL = 'trigger-long-running-operation';

const sorted = (values: string[]) => [...values].sort();

/** One dataset attribute of every element with this test id, in DOM order. */
const dataOf = (panel: Frame, testId: string, key: string) =>
  panel.$$eval(`[data-testid="${testId}"]`, (els, k) => els.map((e) => (e as HTMLElement).dataset[k] ?? ''), key);

const textOf = (panel: Frame, selector: string) => panel.$eval(selector, (e) => e.textContent ?? '');

/**
 * Types into a form field the way React sees it. `selector` may name the input itself or an element
 * holding it (a labelled field).
 */
async function fillField(panel: Frame, selector: string, value: string): Promise<void> {
  await panel.waitForSelector(selector);
  await panel.$eval(
    selector,
    (el, v) => {
      const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement | HTMLTextAreaElement | null;
      if (!input) throw new Error(`no input in ${el.outerHTML.slice(0, 200)}`);
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

async function testAgainst(panel: Frame, url: string, transport: 'auto' | 'streamable-http' | 'sse' = 'auto') {
  await fillField(panel, '[data-testid="target-url"]', url);
  expect(await panel.select('[data-testid="transport-choice"]', transport)).toEqual([transport]);
  await clickInPanel(panel, '[data-testid="preset-worker"]');
  return testToolsNow(panel);
}

async function selectTool(panel: Frame, name: string, args: unknown): Promise<void> {
  await clickInPanel(panel, `[data-testid="tool-row"][data-tool-name="${name}"]`);
  await panel.waitForFunction((n) => document.querySelector('[data-testid="tool-caller"] h4')?.textContent?.includes(n), { polling: 50 }, name);
  await fillField(panel, '[data-testid="tool-args"]', JSON.stringify(args));
}

interface CallSample {
  at: number;
  progress?: string;
  total?: string;
  logText: string;
  resultText: string;
}

/**
 * Records what the panel shows on every DOM change from now on (a MutationObserver, not polling), so
 * the order of progress, log lines and result can be checked afterwards.
 */
async function startRecording(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const w = window as unknown as { __calls?: { samples: CallSample[]; observer: MutationObserver } };
    w.__calls?.observer.disconnect();
    const samples: CallSample[] = [];
    const take = () => {
      const bar = document.querySelector<HTMLElement>('[data-testid="call-progress"]');
      samples.push({
        at: performance.now(),
        progress: bar?.dataset.progress,
        total: bar?.dataset.total,
        logText: [...document.querySelectorAll('[data-testid="server-log"]')].map((e) => e.textContent).join('\n'),
        resultText: [...document.querySelectorAll('[data-testid="tool-result"]')].map((e) => e.textContent).join('\n'),
      });
    };
    const observer = new MutationObserver(take);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    take();
    w.__calls = { samples, observer };
  });
}

async function stopRecording(panel: Frame): Promise<CallSample[]> {
  return panel.evaluate(() => {
    const w = window as unknown as { __calls: { samples: CallSample[]; observer: MutationObserver } };
    w.__calls.observer.disconnect();
    return w.__calls.samples;
  });
}

const waitForResultContaining = (panel: Frame, text: string, timeout = 30_000) =>
  panel.waitForFunction(
    (t) => [...document.querySelectorAll('[data-testid="tool-result"]')].some((e) => e.textContent?.includes(t)),
    { polling: 50, timeout },
    text,
  );

/** Waits for a server log line; on a timeout, says what the panel and the server showed instead. */
async function waitForLogLine(panel: Frame, line: RegExp, server: EverythingServer, timeout = 10_000): Promise<void> {
  try {
    await panel.waitForFunction(
      (source) => new RegExp(source).test([...document.querySelectorAll('[data-testid="server-log"]')].map((e) => e.textContent).join('\n')),
      { polling: 100, timeout },
      line.source,
    );
  } catch (error) {
    const result = await panel.$$eval('[data-testid="tool-result"]', (els) => els.map((e) => e.textContent).join('\n')).catch(() => '');
    throw new Error(
      `No server log line ${line} within ${timeout} ms. The result area: ${result}\nThe server's output (last 1500 characters): ${server.output().slice(-1500)}`,
      {
        cause: error,
      },
    );
  }
}

describe('the real panel against the official reference MCP server (server-everything)', () => {
  let demo: DemoServer;
  let s: PanelSession;
  let http: EverythingServer;
  let sse: EverythingServer;
  let httpListing: SdkListing;
  let sseListing: SdkListing;

  beforeAll(async () => {
    [http, sse, demo] = await Promise.all([
      startEverythingServer({ transport: 'streamableHttp' }),
      startEverythingServer({ transport: 'sse' }),
      startFullDemo(),
    ]);
    [httpListing, sseListing] = await Promise.all([
      listWithSdk(http.url, { capabilities: PANEL_CLIENT_CAPABILITIES }),
      listWithSdk(sse.url, { capabilities: PANEL_CLIENT_CAPABILITIES }),
    ]);
    // Any page will do to open DevTools on; 127.0.0.1 is granted to the extension at install.
    s = await openPanelOn(`${demo.url}/`);
  });
  afterAll(async () => {
    await s?.close();
    await Promise.all([http?.close(), sse?.close(), demo?.close()]);
  });

  describe('over Streamable HTTP', () => {
    it('passes Test tools now and lists exactly the tools, resources, templates and prompts the SDK lists', async () => {
      // The reference itself: if the server changed, say so here rather than in a panel assertion.
      expect(httpListing.tools.length).toBeGreaterThan(5);
      expect(httpListing.resources).toContain(TEXT_RESOURCE);
      expect(httpListing.resourceTemplates).toContain(BLOB_TEMPLATE);
      expect(httpListing.prompts).toContain('args-prompt');

      const report = await testAgainst(s.panel, http.url);
      expect(report, `${report.headline}\n${http.output()}`).toMatchObject({ outcome: 'pass', transport: 'streamable-http' });
      await s.panel.waitForSelector('[data-testid="resource-row"]');
      expect(sorted(await dataOf(s.panel, 'tool-row', 'toolName'))).toEqual(sorted(httpListing.tools));
      expect(sorted(await dataOf(s.panel, 'resource-row', 'uri'))).toEqual(sorted(httpListing.resources));
      expect(sorted(await dataOf(s.panel, 'resource-template-row', 'uriTemplate'))).toEqual(sorted(httpListing.resourceTemplates));
      expect(sorted(await dataOf(s.panel, 'prompt-row', 'promptName'))).toEqual(sorted(httpListing.prompts));
      const counts = await s.panel.$eval('[data-testid="report-counts"]', (e) => ({ ...(e as HTMLElement).dataset }));
      expect(counts).toMatchObject({
        tools: String(httpListing.tools.length),
        resources: String(httpListing.resources.length),
        resourceTemplates: String(httpListing.resourceTemplates.length),
        prompts: String(httpListing.prompts.length),
      });
    });

    it('reads a text resource and shows its text', async () => {
      const expected = await withSdkClient(http.url, (c) => c.readResource({ uri: TEXT_RESOURCE }));
      const text = (expected.contents[0] as { text: string }).text;
      const lines = text.split('\n').filter((l) => l.trim());
      await clickInPanel(s.panel, `[data-testid="resource-row"][data-uri="${TEXT_RESOURCE}"]`);
      await s.panel.waitForFunction(
        (first) => document.querySelector('[data-testid="resource-content"]')?.textContent?.includes(first),
        { polling: 50, timeout: 15_000 },
        lines[0],
      );
      const shown = await textOf(s.panel, '[data-testid="resource-content"]');
      expect(shown).toContain(lines[lines.length - 1]);
    });

    it('reads a binary resource from its template and shows its type and size, not its bytes as text', async () => {
      // The blob's text carries the server's clock time: its size may change by a digit at the hour.
      const read = () => withSdkClient(http.url, (c) => c.readResource({ uri: 'demo://resource/dynamic/blob/2' }));
      const before = (await read()).contents[0] as { blob: string; mimeType: string };
      await clickInPanel(s.panel, `[data-testid="resource-template-row"][data-uri-template="${BLOB_TEMPLATE}"]`);
      await fillField(s.panel, '[data-testid="template-var"][data-name="resourceId"]', '2');
      await clickInPanel(s.panel, '[data-testid="template-read"]');
      await s.panel.waitForFunction(() => document.querySelector('[data-testid="resource-content"]')?.textContent?.includes('dynamic/blob/2'), {
        polling: 50,
        timeout: 15_000,
      });
      const after = (await read()).contents[0] as { blob: string };
      const sizes = new Set([before.blob, after.blob].map((b) => Buffer.from(b, 'base64').length));
      const shown = await textOf(s.panel, '[data-testid="resource-content"]');
      expect(shown).toContain(before.mimeType);
      expect(
        [...sizes].some((n) => new RegExp(`\\b${n}\\s*(B|bytes)\\b`).test(shown)),
        `sizes ${[...sizes]} in: ${shown}`,
      ).toBe(true);
      // The base64 text is not passed off as the content.
      expect(shown).not.toContain(before.blob.slice(0, 24));
    });

    it('gets a prompt with its required argument filled in and shows its messages', async () => {
      await clickInPanel(s.panel, '[data-testid="prompt-row"][data-prompt-name="args-prompt"]');
      await s.panel.waitForSelector('[data-testid="prompt-arg"][data-name="city"][data-required="true"]');
      await s.panel.waitForSelector('[data-testid="prompt-arg"][data-name="state"]:not([data-required="true"])');
      const city = `Lisbon-${Date.now() % 100_000}`;
      await fillField(s.panel, '[data-testid="prompt-arg"][data-name="city"]', city);
      await clickInPanel(s.panel, '[data-testid="prompt-get"]');
      await s.panel.waitForFunction(
        (c) => document.querySelector('[data-testid="prompt-messages"]')?.textContent?.includes(`What's weather in ${c}?`),
        { polling: 50, timeout: 15_000 },
        city,
      );
    });

    it('shows the long tool’s progress growing, with its total, before its result', async () => {
      await selectTool(s.panel, LONG_TOOL, { duration: 3, steps: 3 });
      await startRecording(s.panel);
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await waitForResultContaining(s.panel, 'Long running operation completed. Duration: 3 seconds, Steps: 3.');
      const samples = await stopRecording(s.panel);

      const resultAt = samples.find((x) => x.resultText.includes('Long running operation completed'))!.at;
      const progress = samples.filter((x) => x.progress !== undefined);
      const values = [...new Set(progress.map((x) => Number(x.progress)))];
      expect(values.length, JSON.stringify(progress)).toBeGreaterThanOrEqual(2);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(progress.every((x) => x.total === '3')).toBe(true);
      // Progress was on screen before the result, not only drawn with it.
      expect(progress.filter((x) => x.at < resultAt).map((x) => Number(x.progress))).toEqual(expect.arrayContaining([1, 2]));
    });

    it('stops a long call with Cancel, says it was cancelled, and the next call works', async () => {
      await selectTool(s.panel, LONG_TOOL, { duration: 30, steps: 30 });
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await s.panel.waitForSelector('[data-testid="call-progress"][data-progress="1"]', { timeout: 10_000 });
      const clicked = Date.now();
      await clickInPanel(s.panel, '[data-testid="call-cancel"]');
      await s.panel.waitForSelector('[data-testid="call-cancelled"]', { timeout: 10_000 });
      expect(await s.panel.$('[data-testid="call-progress"]')).toBeNull();
      // Not only stopped waiting: the server was told.
      expect(await textOf(s.panel, '[data-testid="call-cancelled"]')).toMatch(/Cancelled: the panel sent notifications\/cancelled for request \d+/);
      // The tool would have run 30 s; the panel lets the cancellation and the session's end take a few.
      expect(Date.now() - clicked).toBeLessThan(8000);

      await selectTool(s.panel, 'echo', { message: 'after cancel' });
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await waitForResultContaining(s.panel, 'Echo: after cancel', 10_000);
    });

    it('cancelled calls leave no connection open: seven cancels in a row, then a call still answers', async () => {
      // The server never ends a cancelled call's response stream; a browser allows six connections
      // per server, so a tester that kept them open would hang on the seventh.
      for (let i = 0; i < 7; i++) {
        await selectTool(s.panel, LONG_TOOL, { duration: 30, steps: 30 });
        await clickInPanel(s.panel, '[data-testid="tool-call"]');
        await s.panel.waitForSelector('[data-testid="call-progress"][data-progress="1"]', { timeout: 10_000 });
        await clickInPanel(s.panel, '[data-testid="call-cancel"]');
        await s.panel.waitForFunction(
          () => document.querySelector('[data-testid="call-cancelled"]') && !document.querySelector('[data-testid="call-progress"]'),
          { polling: 50, timeout: 10_000 },
        );
      }
      await selectTool(s.panel, 'echo', { message: 'still here' });
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await waitForResultContaining(s.panel, 'Echo: still here', 10_000);
    });

    it('shows the log message the server sends when its simulated logging is switched on', async () => {
      await selectTool(s.panel, 'toggle-simulated-logging', {});
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await waitForResultContaining(s.panel, 'Started simulated');
      // The server picks a level at random; its alert line is spelled "Alert level-message", the others "X-level message".
      await waitForLogLine(s.panel, /level[- ]message/, http);
    });

    it('declares no sampling, elicitation or roots: the server offers no tool that would ask for them, and asks nothing', async () => {
      const names = await dataOf(s.panel, 'tool-row', 'toolName');
      for (const asking of ['trigger-sampling-request', 'trigger-elicitation-request', 'get-roots-list']) expect(names).not.toContain(asking);
      expect(await s.panel.$$('[data-testid="server-request"]')).toHaveLength(0);
    });
  });

  describe('over the legacy HTTP+SSE transport', () => {
    it('passes Test tools now and lists exactly what the SDK lists', async () => {
      const report = await testAgainst(s.panel, sse.url);
      expect(report, `${report.headline}\n${sse.output()}`).toMatchObject({ outcome: 'pass', transport: 'sse' });
      await s.panel.waitForSelector('[data-testid="resource-row"]');
      expect(sorted(await dataOf(s.panel, 'tool-row', 'toolName'))).toEqual(sorted(sseListing.tools));
      expect(sorted(await dataOf(s.panel, 'resource-row', 'uri'))).toEqual(sorted(sseListing.resources));
      expect(sorted(await dataOf(s.panel, 'resource-template-row', 'uriTemplate'))).toEqual(sorted(sseListing.resourceTemplates));
      expect(sorted(await dataOf(s.panel, 'prompt-row', 'promptName'))).toEqual(sorted(sseListing.prompts));
      // The counts of this report (the rows could in principle be left from the Streamable HTTP test).
      const counts = await s.panel.$eval('[data-testid="report-counts"]', (e) => ({ ...(e as HTMLElement).dataset }));
      expect(counts).toMatchObject({
        tools: String(sseListing.tools.length),
        resources: String(sseListing.resources.length),
        resourceTemplates: String(sseListing.resourceTemplates.length),
        prompts: String(sseListing.prompts.length),
      });
    });

    it('passes when SSE is forced too', async () => {
      const report = await testAgainst(s.panel, sse.url, 'sse');
      expect(report, report.headline).toMatchObject({ outcome: 'pass', transport: 'sse' });
      expect(sorted(await dataOf(s.panel, 'tool-row', 'toolName'))).toEqual(sorted(sseListing.tools));
      expect(sorted(await dataOf(s.panel, 'resource-row', 'uri'))).toEqual(sorted(sseListing.resources));
      expect(sorted(await dataOf(s.panel, 'prompt-row', 'promptName'))).toEqual(sorted(sseListing.prompts));
      const counts = await s.panel.$eval('[data-testid="report-counts"]', (e) => ({ ...(e as HTMLElement).dataset }));
      expect(counts).toMatchObject({ tools: String(sseListing.tools.length), prompts: String(sseListing.prompts.length) });
    });

    it('shows progress before the result over SSE too', async () => {
      await selectTool(s.panel, LONG_TOOL, { duration: 2, steps: 2 });
      await startRecording(s.panel);
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await waitForResultContaining(s.panel, 'Long running operation completed. Duration: 2 seconds, Steps: 2.');
      const samples = await stopRecording(s.panel);
      const resultAt = samples.find((x) => x.resultText.includes('Long running operation completed'))!.at;
      expect(
        samples.some((x) => x.progress === '1' && x.total === '2' && x.at < resultAt),
        JSON.stringify(samples.slice(-5)),
      ).toBe(true);
    });

    it('shows the log message the server sends during a call', async () => {
      await selectTool(s.panel, 'toggle-simulated-logging', {});
      await clickInPanel(s.panel, '[data-testid="tool-call"]');
      await waitForResultContaining(s.panel, 'Started simulated');
      await waitForLogLine(s.panel, /level[- ]message/, sse);
    });
  });
});
