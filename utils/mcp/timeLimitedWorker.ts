/**
 * Runs jobs in a worker and stops it when a job takes too long: a worker can be terminated mid-loop,
 * the panel's own thread cannot. Knows workers only through WorkerLike, so it runs in Node tests
 * (worker_threads) as in the panel (Web Worker).
 */

export interface WorkerLike {
  postMessage(data: unknown): void;
  terminate(): void;
  onMessage(listener: (data: unknown) => void): void;
  onError(listener: (error: unknown) => void): void;
}

export type TimeLimited<O> = { ok: true; value: O } | { ok: false; reason: 'timeout' | 'failed'; detail?: string };

export type RunWithTimeLimit<I, O> = (input: I, limitMs: number) => Promise<TimeLimited<O>>;

/** What a worker posts first, once its code is loaded: the time limit counts from a job's post, not from start-up. */
export const WORKER_READY = 'ready';

interface Running {
  id: number;
  resolve(result: TimeLimited<unknown>): void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * One warm worker, one job at a time. A job that exceeds its limit gets its worker terminated and
 * answers `timeout`; the next job starts a fresh worker.
 */
export function workerRunner<I, O>(spawn: () => WorkerLike, startupMs = 15_000): RunWithTimeLimit<I, O> {
  let worker: WorkerLike | undefined;
  let ready: Promise<boolean> | undefined;
  let running: Running | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const discard = () => {
    worker?.terminate();
    worker = undefined;
    ready = undefined;
  };

  const start = (): Promise<boolean> => {
    if (ready) return ready;
    let w: WorkerLike;
    try {
      w = spawn();
    } catch {
      return Promise.resolve(false);
    }
    worker = w;
    ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), startupMs);
      w.onMessage((data) => {
        if (data === WORKER_READY) {
          clearTimeout(timer);
          return resolve(true);
        }
        const reply = data as { id?: unknown; output?: unknown };
        if (running && reply.id === running.id) {
          const done = running;
          running = undefined;
          clearTimeout(done.timer);
          done.resolve({ ok: true, value: reply.output });
        }
      });
      w.onError((error) => {
        clearTimeout(timer);
        resolve(false);
        if (worker === w) discard();
        if (running) {
          const done = running;
          running = undefined;
          clearTimeout(done.timer);
          done.resolve({ ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) });
        }
      });
    });
    return ready;
  };

  const runOne = async (input: I, limitMs: number): Promise<TimeLimited<O>> => {
    if (!(await start()) || !worker) {
      discard();
      return { ok: false, reason: 'failed', detail: 'the checker could not start' };
    }
    const w = worker;
    return new Promise<TimeLimited<O>>((resolve) => {
      const job: Running = { id: nextId++, resolve: resolve as Running['resolve'] };
      running = job;
      job.timer = setTimeout(() => {
        if (running !== job) return;
        running = undefined;
        if (worker === w) discard();
        // A fresh worker starts loading now, so the next job does not wait for it.
        void start();
        resolve({ ok: false, reason: 'timeout' });
      }, limitMs);
      w.postMessage({ id: job.id, input });
    });
  };

  return (input, limitMs) => {
    const result = queue.then(() => runOne(input, limitMs));
    queue = result.catch(() => undefined);
    return result;
  };
}
