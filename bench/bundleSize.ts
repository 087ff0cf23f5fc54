import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size of one file, in bytes (level 9, as a store or CDN would serve it). */
const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * The JavaScript the panel page loads before its first paint: the entry module, every chunk it
 * preloads, and (recursively) every chunk those import statically. Lazy `import()` chunks are not
 * counted: they load on first use.
 */
export function firstPaintJs(buildDir: string, page = 'devtools-panel.html'): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(buildDir, page), 'utf8');
  const start = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  const seen = new Set<string>();
  const visit = (url: string) => {
    const path = url.replace(/^\//, '');
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(buildDir, path), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"` (minified or not); not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
      visit(new URL(m[1], `https://x/${path}`).pathname);
    }
  };
  start.forEach(visit);
  const files = [...seen];
  return { files, gzipBytes: files.reduce((sum, f) => sum + gzipBytes(join(buildDir, f)), 0) };
}

/** Every file of the build that a browser loads (scripts, styles, pages), gzipped. */
export function wholeBuildGzip(buildDir: string): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html|json)$/.test(name)) total += gzipBytes(path);
    }
  };
  walk(buildDir);
  return total;
}
