import { describe, expect, it } from 'vitest';
import type { McpTestReport } from '../../utils/mcp/runToolsTest';
import { createMcpActions, useMcpStore } from './mcpStore';
import type { PanelServices } from './services';

// The target box follows the newest MCP endpoint the inspected page used, so a page can change it
// after the user tested a server. What the user then clicks in that server's lists (a resource, a
// prompt, a tool) must not go to the new target with the credentials.
describe('calls, reads and gets after the target changed under the report', () => {
  const tested = 'https://portal.example.com/mcp';
  const steered = 'https://attacker.example/mcp';

  function setup() {
    const fetched: { url: string; headers: Record<string, string> }[] = [];
    const services = {
      fetch: (url: string | URL, init?: RequestInit) => {
        fetched.push({ url: String(url), headers: Object.fromEntries(new Headers(init?.headers).entries()) });
        return Promise.resolve(new Response('no', { status: 500 }));
      },
      hasHostAccess: () => Promise.resolve(true),
      schemaChecker: () => () => Promise.resolve({ errors: [] }),
    } as unknown as PanelServices;
    const actions = createMcpActions(services);
    const report = {
      outcome: 'pass',
      url: tested,
      transport: 'streamable-http',
      tools: [{ name: 't', inputSchema: { type: 'object' } }],
      resources: [{ uri: 'demo://a', name: 'a' }],
      resourceTemplates: [{ uriTemplate: 'demo://s/{id}', name: 's' }],
      prompts: [{ name: 'p' }],
    } as unknown as McpTestReport;
    useMcpStore.setState({ report, selectedTool: 't', argsText: '{}', extraHeadersText: 'X-Api-Key: user-secret' });
    return { actions, fetched };
  }
  const chosen = { sendAs: 'bearer' as const, reason: '' };

  it('sends nothing to a target other than the one the report is about, and says why', async () => {
    const { actions, fetched } = setup();
    await actions.readResource(steered, chosen, 'demo://a');
    actions.selectTemplate('demo://s/{id}');
    await actions.readTemplate(steered, chosen);
    actions.selectPrompt('p');
    await actions.getSelectedPrompt(steered, chosen);
    await actions.callSelectedTool(steered, chosen);
    expect(fetched.map((f) => f.url)).toEqual([]);
    expect(useMcpStore.getState().inputError).toMatch(/test/i);
  });

  it('still sends them to the tested target', async () => {
    const { actions, fetched } = setup();
    await actions.readResource(tested, chosen, 'demo://a');
    expect(fetched[0]).toMatchObject({ url: tested, headers: { 'x-api-key': 'user-secret' } });
  });
});
