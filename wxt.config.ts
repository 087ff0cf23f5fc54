import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep every module's dependencies visible (and greppable for browser.*).
  imports: false,
  manifest: ({ browser }) => ({
    name: 'MCP Token Inspector',
    description: 'Captures, decodes and counts down the tokens a page sends to MCP servers, and tests those servers live. For testing only.',
    // alarms/notifications serve the expiry warnings; storage keeps settings (local) and the
    // schedule (session). No host permissions up front: capture uses devtools.network, which needs none.
    permissions: ['storage', 'alarms', 'notifications'],
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
