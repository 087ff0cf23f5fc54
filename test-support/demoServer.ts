import { mcpRoutes } from '../demo/mcpRoutes';
import { startDemoServer, type DemoOptions, type DemoServer } from '../demo/portal';

/** The full demo (portal + MCP endpoints) on a free port, as `npm run demo` serves it. */
export function startFullDemo(options: DemoOptions = {}): Promise<DemoServer> {
  return startDemoServer({ port: 0, ...options }, (issuer) => [mcpRoutes(issuer)]);
}
