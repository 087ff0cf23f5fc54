import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

const LOCAL_HOSTS = ['*://127.0.0.1/*', '*://localhost/*'];

// https://wxt.dev/api/config.html
export default defineConfig({
  // A separate output folder lets two builds (e.g. two people's E2E runs) live side by side.
  outDir: process.env.MCPTI_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    resolve: {
      // The SDK Client imports its Ajv validator even when given another: keep Ajv out of the build
      // (utils/mcp/noAjvProvider.ts says why).
      alias: [
        { find: /^(\.\.\/)+validation\/ajv-provider\.js$/, replacement: resolve(import.meta.dirname, 'utils/mcp/noAjvProvider.ts') },
        // The SDK transports' OAuth client runs only with an authProvider, which the panel never passes.
        { find: /^\.\/auth\.js$/, replacement: resolve(import.meta.dirname, 'utils/mcp/noSdkClientAuth.ts') },
      ],
    },
  }),
  // Explicit imports keep every module's dependencies visible (and greppable for browser.*).
  imports: false,
  manifest: ({ browser }) => ({
    name: 'MCP Token Inspector',
    description: 'Captures, decodes and counts down the tokens a page sends to MCP servers, and tests those servers live. For testing only.',
    // scripting registers the in-page token-response recorder on the sites the extension may access
    // (platform/earlyRecorder.ts). alarms/notifications serve the expiry warnings; storage keeps settings (local) and the
    // schedule (session). Capture uses devtools.network, which needs no host permission. The only
    // hosts granted up front are this machine's: local dev servers (wrangler dev, the demo) rarely
    // send CORS headers. Any other MCP server is asked for per origin, at run time (README).
    permissions: ['storage', 'alarms', 'notifications', 'scripting', ...(browser === 'firefox' ? LOCAL_HOSTS : [])],
    host_permissions: browser === 'firefox' ? undefined : LOCAL_HOSTS,
    // The toolbar badge shows the minutes left on a token that is about to expire.
    action: { default_title: 'MCP Token Inspector: open DevTools → MCP Tokens' },
    optional_host_permissions: browser === 'firefox' ? undefined : ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['http://*/*', 'https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'mcp-token-inspector@example.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
