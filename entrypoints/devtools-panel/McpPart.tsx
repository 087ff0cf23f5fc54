import { McpSection } from './McpSection';
import { createMcpActions, type McpActions } from './mcpStore';
import { usePanelServices, type PanelServices } from './services';

/**
 * The MCP tester, loaded apart from the first paint (App imports it lazily): the SDK, the schema
 * forms and the result views are only needed once the token list is on screen.
 */
let actions: McpActions | undefined;
function mcpActionsFor(services: PanelServices): McpActions {
  if (!actions) {
    actions = createMcpActions(services);
    void services.loadRecentTargets().then(actions.setRecentTargets);
  }
  return actions;
}

// The bench's in-page baseline; compiled out of every other build.
if (import.meta.env.WXT_BENCH === '1') {
  void import('../../utils/mcp/bareClientForBench').then(({ bareInitializeAndListMs }) => {
    (window as unknown as { mcptiBench: unknown }).mcptiBench = { bareInitializeAndListMs };
  });
}

export default function McpPart() {
  return <McpSection actions={mcpActionsFor(usePanelServices())} />;
}
