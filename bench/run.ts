// `npm run bench`: one line per target, with its limit, `ok` or `over`. Takes about a minute.
import { resolve } from 'node:path';
import { CaptureSession } from '../utils/capture/captureSession';
import { MAX_ROWS } from '../utils/capture/tokenLedger';
import { mergeRows } from '../utils/panel/panelRows';
import { tokenTiming } from '../utils/tokens/tokenTiming';
import { CHROME_BUILD } from '../e2e/harness/devtoolsPanel';
import { firstPaintJs, wholeBuildGzip } from './bundleSize';
import { benchMcpLatency } from './mcpLatency';
import { median, target } from './targets';
import { generateWorkload } from './workload';

const ENTRIES = 20_000;
const RUNS = 5;
const KB = 1024;

function bundle() {
  const first = firstPaintJs(CHROME_BUILD);
  target('panel JS before first paint', first.gzipBytes / KB, 120, 'KB gzip', { note: first.files.join(', ') });
  target('whole Chrome build', wholeBuildGzip(CHROME_BUILD) / KB, 200, 'KB gzip');
}

async function captureThroughput() {
  const { entries, bodies } = await generateWorkload(ENTRIES);
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const session = new CaptureSession();
    const start = performance.now();
    for (let i = 0; i < entries.length; i++) session.ingest(entries[i], bodies[i]);
    rates.push(entries.length / ((performance.now() - start) / 1000));
  }
  target('capture throughput (extraction + decoding + merge)', median(rates), 20_000, 'HAR entries/s', { atLeast: true, digits: 0 });
}

async function boundedUnderChurn() {
  // Worst case for memory: every one of 5,000 requests carries a token never seen before.
  const { entries } = await generateWorkload(100);
  const template = entries.find((e) => e.request.url.includes('/mcp'))!;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const session = new CaptureSession();
  for (let i = 0; i < 5_000; i++) {
    session.ingest({
      ...template,
      request: { ...template.request, headers: [{ name: 'Authorization', value: `Bearer oauth:unique-token-${i}-${'x'.repeat(40)}` }] },
    });
  }
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  target('memory growth over 5,000 requests with distinct tokens', heapMb, 5, 'MB', { note: `${session.ledger.size} rows kept (cap ${MAX_ROWS})` });

  let rows = session.ledger.all();
  const tickStart = performance.now();
  const TICKS = 50;
  for (let t = 0; t < TICKS; t++) for (const row of rows) tokenTiming(row, Date.now(), 300);
  target(`panel tick with ${rows.length} rows (status + countdown of every row)`, (performance.now() - tickStart) / TICKS, 1, 'ms', { digits: 2 });

  const mergeStart = performance.now();
  for (let i = 0; i < 100; i++) rows = mergeRows(rows, [rows[i % rows.length]]);
  console.log(`      panel merge of one changed row into ${rows.length}: ${((performance.now() - mergeStart) / 100).toFixed(2)} ms`);
}

bundle();
await captureThroughput();
await boundedUnderChurn();
// The MCP figures use a build with the in-page baseline client (WXT_BENCH=1); sizes use the real build.
await benchMcpLatency(resolve(import.meta.dirname, '..', '.output-bench', 'chrome-mv3'));
