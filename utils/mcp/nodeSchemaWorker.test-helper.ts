import { Worker } from 'node:worker_threads';
import type { WorkerLike } from './timeLimitedWorker';

const SERVE_URL = new URL('./schemaChecker.ts', import.meta.url).href;

/**
 * The panel's schema worker, as a Node worker thread: the same `serveSchemaChecks` loop the
 * browser worker runs, loaded through tsx. Lets Node tests prove that a runaway check is stopped.
 */
export function spawnNodeSchemaWorker(): WorkerLike {
  const code = `
    const { parentPort } = require('node:worker_threads');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(SERVE_URL)}); }).then(({ serveSchemaChecks }) => {
      serveSchemaChecks({ post: (data) => parentPort.postMessage(data), onMessage: (listener) => parentPort.on('message', listener) });
    });`;
  const worker = new Worker(code, { eval: true });
  return {
    postMessage: (data) => worker.postMessage(data),
    terminate: () => void worker.terminate(),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
  };
}
