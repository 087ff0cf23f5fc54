// `npm run demo` starts this: the demo portal on 127.0.0.1 (PORT, default 8787).
import { authDemoRoutes } from './authDemoRoutes';
import { mcpRoutes } from './mcpRoutes';
import { startDemoServer } from './portal';

const demo = await startDemoServer(
  {
    port: Number(process.env.PORT ?? 8787),
    tokenTtlSeconds: Number(process.env.DEMO_TOKEN_TTL ?? 300),
  },
  // The auth demo routes come first: mcpRoutes answers every */mcp preflight with its own CORS.
  (issuer) => [authDemoRoutes(issuer), mcpRoutes(issuer)],
);
console.log(`Demo MCP portal: ${demo.url}/`);
console.log(`  MCP (token required): ${demo.url}/mcp  ·  legacy SSE: ${demo.url}/sse  ·  worker (no token): ${demo.url}/worker/mcp`);
console.log(
  `  Auth diagnostics, one failing check each: ${demo.url}/auth-demo/<no-resource-metadata|redirect|no-s256|no-refresh|wrong-resource|cors-hides|skewed-date>/mcp`,
);
if (process.send) process.send({ ready: demo.url });
const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
