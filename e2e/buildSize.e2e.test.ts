import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPaintJs, wholeBuildGzip } from '../bench/bundleSize';
import { CHROME_BUILD } from './harness/devtoolsPanel';

const KB = 1024;

describe('the Chrome build stays lean', () => {
  it('loads at most 120 KB gzip of JavaScript before the panel’s first paint', () => {
    const { gzipBytes, files } = firstPaintJs(CHROME_BUILD);
    expect(gzipBytes, `first paint loads ${files.join(', ')}`).toBeLessThanOrEqual(120 * KB);
  });

  it('is at most 200 KB gzip in all', () => {
    expect(wholeBuildGzip(CHROME_BUILD)).toBeLessThanOrEqual(200 * KB);
  });

  it('ships no Ajv (its generated code is forbidden by the extension CSP; the panel uses the eval-free validator)', () => {
    const chunks = readdirSync(join(CHROME_BUILD, 'chunks')).map((f) => join(CHROME_BUILD, 'chunks', f));
    // `strictSchema` is one of Ajv's own option names, present in every Ajv build.
    const withAjv = chunks.filter((f) => readFileSync(f, 'utf8').includes('strictSchema'));
    expect(withAjv).toEqual([]);
  });
});
