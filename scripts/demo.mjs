// `npm run demo`: builds the extension, starts the demo portal (and its MCP servers) on 127.0.0.1,
// and opens Chromium with the extension loaded and DevTools open on the portal, when it can.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const build = resolve(root, '.output/chrome-mv3');
const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// A fresh clone has no node_modules yet.
const setup = spawnSync(process.execPath, [resolve(root, 'scripts/ensure-setup.mjs')], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

console.log('Building the extension (.output/chrome-mv3)…');
const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = spawn(process.execPath, ['--import', 'tsx', 'demo/main.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
children.push(server);
const portalUrl = await new Promise((resolvePortal, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    out += chunk;
    const match = /Demo MCP portal: (\S+)/.exec(out);
    if (match) resolvePortal(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`The demo server exited (${code}). Is port ${process.env.PORT ?? 8787} free? Set PORT=… to use another.`)));
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/Applications/Chromium.app/Contents/MacOS/Chromium'].find(
  (p) => p && existsSync(p),
);
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (chromium && hasDisplay) {
  const profile = mkdtempSync(join(tmpdir(), 'mcp-token-inspector-demo-'));
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--load-extension=${build}`,
      // Chromium refuses to start as root without it (CI boxes, containers).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--auto-open-devtools-for-tabs',
      '--no-first-run',
      '--no-default-browser-check',
      portalUrl,
    ],
    { stdio: 'ignore' },
  );
  children.push(browser);
  browser.once('exit', stop);
  console.log(`\nChromium is open on ${portalUrl} with DevTools. Pick the "MCP Tokens" panel (behind » if DevTools is narrow), then click "Sign in".`);
} else {
  console.log(`\n${chromium ? 'No display to open Chromium on.' : 'No Chromium found (Debian: sudo apt-get install -y chromium; or set CHROMIUM_PATH).'}`);
  console.log('Load the extension by hand: chrome://extensions → Developer mode → Load unpacked → ' + build);
  console.log(`Then open ${portalUrl} , open DevTools → "MCP Tokens", and click "Sign in".`);
}
console.log('Press Ctrl+C to stop.');
