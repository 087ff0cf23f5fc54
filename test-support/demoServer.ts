import { authDemoRoutes } from '../demo/authDemoRoutes';
import { mcpRoutes } from '../demo/mcpRoutes';
import { startDemoServer, type DemoOptions, type DemoServer } from '../demo/portal';

/** The full demo (portal + MCP endpoints) on a free port, as `npm run demo` serves it. */
export function startFullDemo(options: DemoOptions = {}): Promise<DemoServer> {
  // The auth demo routes come first: mcpRoutes answers every */mcp preflight with its own CORS.
  return startDemoServer({ port: 0, ...options }, (issuer) => [authDemoRoutes(issuer), mcpRoutes(issuer)]);
}
