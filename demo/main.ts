// `npm run demo` starts this: the demo portal on 127.0.0.1 (PORT, default 8787).
import { mcpRoutes } from './mcpRoutes';
import { startDemoServer } from './portal';

const demo = await startDemoServer(
  {
    port: Number(process.env.PORT ?? 8787),
    tokenTtlSeconds: Number(process.env.DEMO_TOKEN_TTL ?? 300),
  },
  (issuer) => [mcpRoutes(issuer)],
);
console.log(`Demo MCP portal: ${demo.url}/`);
console.log(`  MCP (token required): ${demo.url}/mcp  ·  legacy SSE: ${demo.url}/sse  ·  worker (no token): ${demo.url}/worker/mcp`);
if (process.send) process.send({ ready: demo.url });
const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
