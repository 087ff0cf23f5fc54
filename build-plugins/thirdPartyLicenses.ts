import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The build bundles other people's code (React, jose, the MCP SDK, zod …) and the minifier drops their licence comments,
 * while their licences (MIT, BSD, ISC) ask that the notice travel with every copy. This writes one
 * THIRD_PARTY_LICENSES.txt into the extension: every package whose code ended up in a build, with its licence text.
 *
 * WXT runs several Vite builds (pages, then each content script), so the plugin only collects package folders and the
 * `build:done` hook, which runs once after all of them, writes the file.
 */
export function thirdPartyLicenses() {
  const packageDirs = new Set<string>();
  const plugin: Plugin = {
    name: 'third-party-licenses',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(output.modules)) {
          // Tree-shaken modules render nothing: their package is not in the build.
          if (module.renderedLength > 0) {
            const dir = packageDirOf(id);
            if (dir) packageDirs.add(dir);
          }
        }
      }
    },
  };
  return {
    plugin,
    hooks: {
      'build:before': () => packageDirs.clear(),
      'build:done': (wxt: { config: { outDir: string } }) => {
        writeFileSync(join(wxt.config.outDir, 'THIRD_PARTY_LICENSES.txt'), licencesText([...packageDirs]));
      },
    },
  };
}

/** `/x/node_modules/@scope/name/dist/a.js` → `/x/node_modules/@scope/name`; null for the project's own modules. */
export function packageDirOf(moduleId: string): string | null {
  const path = moduleId
    .replace(/^\0/, '')
    .replace(/[?#].*$/, '')
    .replaceAll('\\', '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const rest = path.slice(at + '/node_modules/'.length).split('/');
  const nameParts = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= nameParts) return null;
  return path.slice(0, at) + '/node_modules/' + rest.slice(0, nameParts).join('/');
}

type PackageManifest = { name?: string; version?: string; license?: unknown; author?: unknown; repository?: unknown };

/** What a package without a licence file declares: its licence, author and source. */
function withoutLicenceFile(manifest: PackageManifest, declared: string): string {
  const text = (v: unknown, key: string) =>
    typeof v === 'string' ? v : v && typeof v === 'object' && key in v ? String((v as Record<string, unknown>)[key]) : null;
  const author = text(manifest.author, 'name');
  const source = text(manifest.repository, 'url');
  return [
    `Licence: ${declared}, as declared in its package.json (the package ships no licence file).`,
    author && `Author: ${author}`,
    source && `Source: ${source}`,
  ]
    .filter(Boolean)
    .join('\n');
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i;

/** One section per package (sorted by name, one per name@version), each with its licence file or, lacking one, its declared licence. */
export function licencesText(packageDirs: string[]): string {
  const sections = new Map<string, string>();
  for (const dir of packageDirs) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
    const title = `${manifest.name ?? dir}@${manifest.version ?? '?'}`;
    if (sections.has(title)) continue;
    const files = readdirSync(dir)
      .filter((f) => LICENCE_FILE.test(f))
      .sort();
    const declared = typeof manifest.license === 'string' ? manifest.license : 'not declared';
    const body = files.length ? files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n\n') : withoutLicenceFile(manifest, declared);
    sections.set(title, `${title} (${declared})\n\n${body}`);
  }
  const ordered = [...sections.keys()].sort().map((k) => sections.get(k));
  const rule = '\n\n' + '-'.repeat(78) + '\n\n';
  return `MCP Token Inspector includes the following third-party software. Each package's licence follows its name.${rule}${ordered.join(rule)}\n`;
}
