import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { openPanelOn, clickInPanel, fillInPanel } from '../e2e/harness/devtoolsPanel';
import { startFullDemo } from '../test-support/demoServer';
import { captureToRowMs } from './captureLatency';
import { median, target } from './targets';

const RUNS = 15;

/** Evaluated in the panel (as text: a bundler's helpers must not leak into it). */
const CLICK_TO_TOOLS_MS = `new Promise((resolve) => {
  const before = document.querySelector('[data-testid="test-report"]')?.dataset.run;
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="test-report"]')?.dataset.run === before || !document.querySelector('[data-testid="tool-row"]')) return;
    observer.disconnect();
    resolve(performance.now() - started);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  document.querySelector('[data-testid="test-tools-now"]').click();
})`;

/** Click → tools listed in the real panel, against a bare SDK client in Node on the same server, same run. */
export async function benchMcpLatency(benchBuild: string): Promise<void> {
  const demo = await startFullDemo();
  try {
    const { access_token } = await demo.issuer.issue('jwt', 'bench', 3600);
    // A tools-only server: initialize, initialized, tools/list and DELETE are all a test needs there.
    const url = new URL(`${demo.url}/tools-only/mcp`);

    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const client = new Client({ name: 'bench', version: '1' });
      const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${access_token}` } } });
      await client.connect(transport);
      await client.listTools();
      bare.push(performance.now() - started);
      await transport.terminateSession().catch(() => {});
      await client.close();
    }

    if (!existsSync(`${benchBuild}/manifest.json`)) {
      console.log('panel MCP test: skipped (run `npm run build` first)');
      return;
    }
    let session;
    try {
      session = await openPanelOn(`${demo.url}/`, benchBuild);
    } catch (error) {
      console.log(`panel MCP test: skipped (${(error as Error).message})`);
      return;
    }
    const { panel } = session;
    await fillInPanel(panel, '[data-testid="paste-input"]', access_token);
    await clickInPanel(panel, '[data-testid="paste-submit"]');
    await panel.waitForSelector('[data-testid="token-row"]');
    await fillInPanel(panel, '[data-testid="target-url"]', url.href);

    const requests: string[] = [];
    const count = (req: IncomingMessage) => {
      if (req.url?.startsWith('/tools-only/mcp')) requests.push(`${req.method}`);
    };
    const inPanel: number[] = [];
    const measuredByPanel: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i === RUNS - 1) demo.server.on('request', count);
      // Timed inside the panel, from the click to the tool rows in the DOM, as a user sees it: the
      // automation's own round trips (sending the click, polling for the rows) are not the panel's.
      inPanel.push(Number(await panel.evaluate(CLICK_TO_TOOLS_MS)));
      measuredByPanel.push(Number(await panel.$eval('[data-testid="test-report"]', (r) => (r as HTMLElement).dataset.totalMs)));
    }
    demo.server.off('request', count);

    // The same bare client inside the panel page: the baseline for the panel's own work.
    await panel.waitForFunction(() => 'mcptiBench' in window, { timeout: 10_000 });
    const bareInPage: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareInPage.push(
        await panel.evaluate(
          (u, t) =>
            (window as unknown as { mcptiBench: { bareInitializeAndListMs(u: string, t: string): Promise<number> } }).mcptiBench.bareInitializeAndListMs(u, t),
          url.href,
          access_token,
        ),
      );
    }
    const bp = median(bareInPage);
    const p = median(inPanel);
    const b = median(bare);
    const m = median(measuredByPanel);
    console.log(
      `      bare SDK client (initialize + tools/list), median of ${RUNS}, same server, same run: ${bp.toFixed(1)} ms in the panel page, ${b.toFixed(1)} ms in Node`,
    );
    target("Test tools now, the panel's own MCP work vs the bare client in the same page", m / bp, 1.3, '×', {
      digits: 2,
      note: `${m.toFixed(1)} ms; vs Node: ${(m / b).toFixed(2)} ×`,
    });
    target('Test tools now, click → tools listed vs the bare client in the same page', p / bp, 2, '×', {
      digits: 2,
      note: `${p.toFixed(1)} ms, timed in the panel from the click to the tool rows in the DOM; vs Node: ${(p / b).toFixed(2)} ×`,
    });
    const tally = requests.reduce<Record<string, number>>((acc, method) => ({ ...acc, [method]: (acc[method] ?? 0) + 1 }), {});
    const mcpRequests = requests.filter((method) => method !== 'OPTIONS').length;
    target('HTTP requests per test over Streamable HTTP', mcpRequests, 4, 'requests', {
      note: Object.entries(tally)
        .map(([method, n]) => `${n} ${method}`)
        .join(', '),
    });
    target('capture → row on screen in the real panel (median of 20)', await captureToRowMs(session.page, panel), 25, 'ms');
    await session.close();
  } finally {
    await demo.close();
  }
}
