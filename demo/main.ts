// `npm run demo` starts this: the demo portal on 127.0.0.1 (PORT, default 8787).
import { startDemoServer } from './portal';

const demo = await startDemoServer({
  port: Number(process.env.PORT ?? 8787),
  tokenTtlSeconds: Number(process.env.DEMO_TOKEN_TTL ?? 300),
});
console.log(`Demo MCP portal: ${demo.url}/`);
if (process.send) process.send({ ready: demo.url });
const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
