import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licencesText, packageDirOf } from './thirdPartyLicenses';

describe('packageDirOf: which installed package a bundled module comes from', () => {
  it.each([
    ['/p/node_modules/react/cjs/react.production.js', '/p/node_modules/react'],
    ['/p/node_modules/@modelcontextprotocol/sdk/dist/esm/types.js', '/p/node_modules/@modelcontextprotocol/sdk'],
    ['/p/node_modules/a/node_modules/b/index.js', '/p/node_modules/a/node_modules/b'],
    ['\0/p/node_modules/zod/v4/core/schemas.js?commonjs-proxy', '/p/node_modules/zod'],
    ['C:\\p\\node_modules\\jose\\dist\\index.js', 'C:/p/node_modules/jose'],
  ])('%s → %s', (id, dir) => expect(packageDirOf(id)).toBe(dir));

  it.each(['/p/utils/mcp/noAjvProvider.ts', '\0vite/preload-helper.js', '/p/node_modules/@scope/index.js', '/p/node_modules/react'])(
    'the project’s own or virtual module %s belongs to no package',
    (id) => expect(packageDirOf(id)).toBeNull(),
  );
});

describe('licencesText', () => {
  const root = mkdtempSync(join(tmpdir(), 'licences-'));
  const pkg = (name: string, manifest: object, files: Record<string, string> = {}) => {
    const dir = join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, ...manifest }));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  };
  const zeta = pkg('zeta', { version: '1.0.0', license: 'MIT' }, { LICENSE: 'MIT License\n\nCopyright (c) Zeta\n', 'README.md': 'not a licence' });
  const alpha = pkg('@s/alpha', { version: '2.1.0', license: 'ISC', author: { name: 'Ada' }, repository: { url: 'git+https://example.org/alpha.git' } });
  const both = pkg('both', { version: '0.1.0', license: 'Apache-2.0' }, { 'LICENSE.md': 'Apache text', NOTICE: 'Notice text' });

  it('gives each package its own licence file, sorted by name, and leaves other files out', () => {
    const text = licencesText([zeta, alpha, both]);
    expect(text.indexOf('@s/alpha@2.1.0 (ISC)')).toBeLessThan(text.indexOf('both@0.1.0 (Apache-2.0)'));
    expect(text.indexOf('both@0.1.0')).toBeLessThan(text.indexOf('zeta@1.0.0 (MIT)'));
    expect(text).toContain('Copyright (c) Zeta');
    expect(text).toContain('Apache text\n\nNotice text');
    expect(text).not.toContain('not a licence');
  });

  it('says what a package without a licence file declares, with its author and source', () => {
    expect(licencesText([alpha])).toContain(
      'Licence: ISC, as declared in its package.json (the package ships no licence file).\nAuthor: Ada\nSource: git+https://example.org/alpha.git',
    );
  });

  it('lists a package once even when two builds bundle it', () => {
    expect(licencesText([zeta, zeta]).match(/zeta@1\.0\.0/g)).toHaveLength(1);
  });
});
