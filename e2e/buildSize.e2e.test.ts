import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

describe('both builds carry the licences of the code they bundle', () => {
  const FIREFOX_BUILD = resolve(CHROME_BUILD, '..', 'firefox-mv2');
  const licenceOf = (name: string) => {
    const dir = resolve(import.meta.dirname, '..', 'node_modules', name);
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    return file ? readFileSync(join(dir, file), 'utf8').trim() : `no licence file in ${name}`;
  };
  const versionOf = (name: string) =>
    (JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

  for (const [browser, build] of [
    ['Chrome', CHROME_BUILD],
    ['Firefox', FIREFOX_BUILD],
  ]) {
    it(`${browser}: THIRD_PARTY_LICENSES.txt holds each bundled package's own licence text, and no package the build leaves out`, () => {
      const text = readFileSync(join(build, 'THIRD_PARTY_LICENSES.txt'), 'utf8');
      for (const name of ['react', 'react-dom', 'jose', 'zustand', 'zod', '@modelcontextprotocol/sdk']) {
        expect(text, name).toContain(`${name}@${versionOf(name)} (MIT)`);
        expect(text, name).toContain(licenceOf(name));
      }
      // Installed but never bundled: Ajv is aliased out, the rest are test and build tools.
      for (const name of ['ajv', 'puppeteer-core', 'vitest', 'vite']) expect(text).not.toMatch(new RegExp(`^${name}@`, 'm'));
    });
  }
});
