// `npm run bench`: measures the capture path, the panel's per-second work and the MCP test against a bare
// SDK client. Prints figures; asserts nothing.
import { CaptureSession } from '../utils/capture/captureSession';
import { MAX_ROWS } from '../utils/capture/tokenLedger';
import { mergeRows } from '../utils/panel/panelRows';
import { tokenTiming } from '../utils/tokens/tokenTiming';
import { benchMcpLatency } from './mcpLatency';
import { generateWorkload } from './workload';

const ENTRIES = 20_000;
const RUNS = 5;

async function captureThroughput() {
  const { entries, bodies } = await generateWorkload(ENTRIES);
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const session = new CaptureSession();
    const start = performance.now();
    for (let i = 0; i < entries.length; i++) session.ingest(entries[i], bodies[i]);
    rates.push(entries.length / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  console.log(
    `capture: ${Math.round(rates[Math.floor(RUNS / 2)]).toLocaleString('en')} HAR entries/s (median of ${RUNS} runs of ${ENTRIES.toLocaleString('en')}; extraction + decoding + merge; target ≥ 20,000)`,
  );
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
  console.log(
    `5,000 requests with 5,000 distinct tokens: ${session.ledger.size} rows kept (cap ${MAX_ROWS}), heap growth ≈ ${heapMb.toFixed(1)} MB${globalThis.gc ? '' : ' (run node with --expose-gc for a steadier figure)'}`,
  );

  let rows = session.ledger.all();
  const tickStart = performance.now();
  const TICKS = 50;
  for (let t = 0; t < TICKS; t++) for (const row of rows) tokenTiming(row, Date.now(), 300);
  console.log(`panel tick with ${rows.length} rows (status + countdown for every row): ${((performance.now() - tickStart) / TICKS).toFixed(2)} ms`);

  const mergeStart = performance.now();
  for (let i = 0; i < 100; i++) rows = mergeRows(rows, [rows[i % rows.length]]);
  console.log(`panel merge of one changed row into ${rows.length}: ${((performance.now() - mergeStart) / 100).toFixed(2)} ms`);
}

await captureThroughput();
await boundedUnderChurn();
await benchMcpLatency();
