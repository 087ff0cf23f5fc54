// Makes `npm test` and `npm run demo` work from a fresh clone: installs the npm dependencies when
// they are missing and, with --browsers, locates Chromium and Firefox ESR or installs them (Debian
// apt, as root or with passwordless sudo). Uses nothing but Node itself, since it runs before `npm ci`.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const wantBrowsers = process.argv.includes('--browsers');

if (!existsSync(resolve(root, 'node_modules/wxt/package.json'))) {
  console.log('Installing npm dependencies (npm ci)…');
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (ci.status !== 0) process.exit(ci.status ?? 1);
}

if (wantBrowsers) {
  const browsers = [
    { name: 'Chromium', env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], apt: 'chromium' },
    { name: 'Firefox ESR', env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: 'firefox-esr' },
    // The official JSON Schema Test Suite's files (draft-07; no npm package ships them). Optional:
    // without them the suite's test says it was skipped.
    {
      name: 'the JSON Schema Test Suite',
      env: 'JSON_SCHEMA_TEST_SUITE',
      paths: ['/usr/share/json-schema-test-suite/tests'],
      apt: 'json-schema-test-suite',
      optional: true,
    },
  ];
  const missing = browsers.filter((b) => !(process.env[b.env] && existsSync(process.env[b.env])) && !b.paths.some((p) => existsSync(p)));
  if (missing.length > 0) {
    const packages = missing.map((b) => b.apt);
    const canApt = existsSync('/usr/bin/apt-get');
    const isRoot = process.getuid?.() === 0;
    const sudo = !isRoot && canApt && spawnSync('sudo', ['-n', 'true']).status === 0 ? 'sudo ' : '';
    if (canApt && (isRoot || sudo)) {
      console.log(`Installing ${missing.map((b) => b.name).join(' and ')} for the browser tests (apt-get install ${packages.join(' ')})…`);
      try {
        execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${packages.join(' ')}`, {
          stdio: ['ignore', 'ignore', 'inherit'],
        });
      } catch {
        console.error(`Could not install ${packages.join(' ')}. Install them yourself, or set ${missing.map((b) => b.env).join(' / ')}.`);
        process.exit(1);
      }
    } else if (missing.every((b) => b.optional)) {
      console.log(`Without ${missing.map((b) => b.name).join(' and ')} (apt-get install ${packages.join(' ')}), its tests are skipped.`);
    } else {
      console.error(
        `The browser tests need ${missing.map((b) => b.name).join(' and ')}: run \`sudo apt-get install -y ${packages.join(' ')}\` (Debian/Ubuntu) or set ${missing.map((b) => b.env).join(' / ')}.`,
      );
      process.exit(1);
    }
  }
}
