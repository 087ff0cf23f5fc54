// Which packages and modules make up each chunk of a build, in gzip bytes. Run by hand on a build made with source maps:
//   MCPTI_SOURCEMAP=1 MCPTI_OUT_DIR=.output-sizes npx wxt build && npx tsx bench/bundleComposition.ts .output-sizes/chrome-mv3 [top]
// "gzip" for a module is what the chunk's gzip size would lose without that module's code (the rest of the chunk
// compresses better or worse once it is gone, so the figures do not add up exactly to the chunk's size).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's `mappings` into [generated column, source index | -1] pairs. */
function decodeLine(line: string, state: { source: number }): [number, number][] {
  const segments: [number, number][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length >= 4) {
      state.source += fields[1];
      segments.push([column, state.source]);
    } else segments.push([column, -1]);
  }
  return segments;
}

/** The output text of one chunk, split into the ranges each source produced (`<unmapped>` for glue code). */
function rangesBySource(code: string, map: { sources: string[]; mappings: string }): Map<string, [number, number][]> {
  const bySource = new Map<string, [number, number][]>();
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const state = { source: 0 };
  let offset = 0;
  lines.forEach((text, i) => {
    const segments = decodeLine(mappingLines[i] ?? '', state);
    if (segments.length === 0 || segments[0][0] > 0) segments.unshift([0, -1]);
    segments.forEach(([start, source], j) => {
      const end = j + 1 < segments.length ? segments[j + 1][0] : text.length + 1; // + the newline
      if (end <= start) return;
      const name = source < 0 ? '<unmapped>' : map.sources[source];
      const list = bySource.get(name) ?? [];
      list.push([offset + start, offset + end]);
      bySource.set(name, list);
    });
    offset += text.length + 1;
  });
  return bySource;
}

/** `node_modules/@scope/name/…` → `@scope/name`; project files stay as paths. */
function packageOf(source: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return match ? match[1] : source.includes('<unmapped>') ? '<unmapped>' : '(project)';
}

const tidy = (source: string) => source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');

function withoutRanges(code: string, ranges: [number, number][]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    out += code.slice(at, start);
    at = end;
  }
  return out + code.slice(at);
}

/** Every module, with the files that carry a copy of it and what each copy costs. */
const copies = new Map<string, { file: string; gzip: number }[]>();

function report(file: string, top: number) {
  const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const bySource = rangesBySource(code, map);
  const total = gzip(code);
  const measure = (ranges: [number, number][]) => ({
    raw: ranges.reduce((sum, [s, e]) => sum + Buffer.byteLength(code.slice(s, e)), 0),
    gzip: total - gzip(withoutRanges(code, ranges)),
  });
  for (const [source, ranges] of bySource) {
    if (source === '<unmapped>') continue;
    copies.set(tidy(source), [...(copies.get(tidy(source)) ?? []), { file: relative(dir, file), gzip: measure(ranges).gzip }]);
  }
  const byPackage = new Map<string, [number, number][]>();
  for (const [source, ranges] of bySource) {
    const name = packageOf(source);
    byPackage.set(name, [...(byPackage.get(name) ?? []), ...ranges]);
  }
  const rows = (groups: Map<string, [number, number][]>, limit: number) =>
    [...groups]
      .map(([name, ranges]) => ({ name, ...measure(ranges) }))
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, limit)
      .map((r) => `  ${(r.gzip / 1024).toFixed(2).padStart(6)} KB gzip ${(r.raw / 1024).toFixed(1).padStart(6)} KB raw  ${tidy(r.name)}`)
      .join('\n');
  console.log(`\n## ${relative(process.cwd(), file)}: ${(total / 1024).toFixed(2)} KB gzip, ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB raw`);
  console.log(`by package:\n${rows(byPackage, top)}`);
  console.log(`top ${top} modules:\n${rows(bySource, top)}`);
}

const [dir = '.output/chrome-mv3', top = '20'] = process.argv.slice(2);
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const scripts = walk(dir).filter((f) => f.endsWith('.js'));
if (!scripts.some((f) => existsSync(`${f}.map`))) throw new Error(`${dir} has no source maps: build it with MCPTI_SOURCEMAP=1`);
for (const file of scripts.sort((a, b) => statSync(b).size - statSync(a).size)) if (existsSync(`${file}.map`)) report(file, Number(top));
const duplicated = [...copies]
  .filter(([, files]) => files.length > 1)
  .sort((a, b) => b[1].reduce((s, f) => s + f.gzip, 0) - a[1].reduce((s, f) => s + f.gzip, 0));
console.log(`\n## modules with more than one copy in the build (gzip per copy)`);
for (const [source, files] of duplicated) console.log(`  ${tidy(source)}: ${files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(2)} KB`).join(', ')}`);
