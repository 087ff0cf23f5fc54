import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export type EverythingTransport = 'streamableHttp' | 'sse';

export interface EverythingServer {
  /** The MCP endpoint: `/mcp` for Streamable HTTP, `/sse` for the legacy SSE transport. */
  url: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  close(): Promise<void>;
}

export interface EverythingOptions {
  transport: EverythingTransport;
  /** How long to wait for the server's "listening" line. */
  startTimeoutMs?: number;
}

// What each transport prints on stderr once its HTTP server listens, and where its endpoint is.
const READY_LINE: Record<EverythingTransport, RegExp> = {
  streamableHttp: /Streamable HTTP Server listening on port (\d+)/,
  sse: /Server is running on port (\d+)/,
};
const ENDPOINT_PATH: Record<EverythingTransport, string> = { streamableHttp: '/mcp', sse: '/sse' };

/** The reference server's launcher, found through the package's own manifest rather than a node_modules path. */
export function everythingServerEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@modelcontextprotocol/server-everything/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin)[0];
  return join(dirname(manifestPath), bin);
}

/** A port that was free a moment ago on 127.0.0.1 (the server takes its port from PORT, so it cannot listen on 0 itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `@modelcontextprotocol/server-everything` (the official reference MCP server) in a child
 * Node process on 127.0.0.1 and a free port, and resolves once it says it listens.
 */
export async function startEverythingServer({ transport, startTimeoutMs = 15_000 }: EverythingOptions): Promise<EverythingServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [everythingServerEntry(), transport], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8');

  // A test run that ends without close() (a crash, an uncaught error) must not leave the server running.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const close = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const fail = (why: string) => settle(new Error(`server-everything (${transport}) ${why}. Its output:\n${output}`));
      const timer = setTimeout(() => fail(`did not say it listens within ${startTimeoutMs} ms`), startTimeoutMs);
      child.once('error', (error) => fail(`could not start: ${error.message}`));
      child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before listening`));
      // Keeps collecting after start-up too, for failure messages.
      child.stderr!.on('data', (chunk: string) => {
        output += chunk;
        if (settled) return;
        const ready = READY_LINE[transport].exec(output);
        if (!ready) return;
        if (Number(ready[1]) === port) settle();
        else fail(`listens on ${ready[1]}, not on PORT ${port}`);
      });
    });
  } catch (error) {
    await close();
    throw error;
  }

  return { url: `http://127.0.0.1:${port}${ENDPOINT_PATH[transport]}`, output: () => output, close };
}
