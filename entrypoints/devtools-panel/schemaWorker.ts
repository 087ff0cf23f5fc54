import { timeLimitedSchemaChecker, type SchemaChecker } from '../../utils/mcp/schemaChecker';
import { workerRunner, type WorkerLike } from '../../utils/mcp/timeLimitedWorker';
import SchemaCheckWorker from './schemaCheck.worker.ts?worker';

/** Server schemas are checked in a worker stopped after a time limit: a catastrophic pattern cannot freeze the panel. */
function spawnSchemaWorker(): WorkerLike {
  const worker = new SchemaCheckWorker();
  return {
    postMessage: (data) => worker.postMessage(data),
    terminate: () => worker.terminate(),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onError: (listener) => {
      worker.addEventListener('error', (event) => listener(event.message || 'the schema checker failed to load'));
      worker.addEventListener('messageerror', () => listener('a check could not be passed to the schema checker'));
    },
  };
}

let checker: SchemaChecker | undefined;
export function workerSchemaChecker(): SchemaChecker {
  checker ??= timeLimitedSchemaChecker(workerRunner(spawnSchemaWorker));
  return checker;
}
