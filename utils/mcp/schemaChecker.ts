import { WORKER_READY, type RunWithTimeLimit } from './timeLimitedWorker';
import { checkJsonSchema, type SchemaCheckResult } from './validateJsonSchema';

/** Checks a value against a server's schema; the panel's implementation never blocks its thread. */
export type SchemaChecker = (value: unknown, schema: unknown, label?: string) => Promise<SchemaCheckResult>;

export interface SchemaCheckRequest {
  value: unknown;
  schema: unknown;
  label: string;
  skipPatterns: boolean;
}

export const CHECK_TIME_LIMIT_MS = 250;

const patternTooSlow = (limitMs: number) => `Pattern not checked: took too long (over ${limitMs} ms), so the schema's patterns and formats were left out.`;

/**
 * Full check in a worker with a time limit; when that runs out (a catastrophic server regex), again
 * without the regex keywords, so every other problem is still reported and the panel says which part
 * was not checked. Never runs server regexes on the calling thread.
 */
export function timeLimitedSchemaChecker(run: RunWithTimeLimit<SchemaCheckRequest, SchemaCheckResult>, limitMs = CHECK_TIME_LIMIT_MS): SchemaChecker {
  return async (value, schema, label = '$') => {
    const full = await run({ value, schema, label, skipPatterns: false }, limitMs);
    if (full.ok) return full.value;
    if (full.reason === 'failed') return { errors: [], unchecked: `Not checked: ${full.detail ?? 'the checker failed'}.` };
    const rest = await run({ value, schema, label, skipPatterns: true }, limitMs);
    if (rest.ok) return { errors: rest.value.errors, unchecked: patternTooSlow(limitMs) };
    return { errors: [], unchecked: `Not checked: took too long (over ${limitMs} ms).` };
  };
}

/** For callers without a worker: everything but the regex keywords, on the calling thread. */
export const checkWithoutPatterns: SchemaChecker = async (value, schema, label = '$') => checkJsonSchema(value, schema, { label, skipPatterns: true });

/** The worker's side: answers check requests until terminated. Shared by the panel's Web Worker and Node tests. */
export function serveSchemaChecks(port: { post(data: unknown): void; onMessage(listener: (data: unknown) => void): void }): void {
  port.onMessage((data) => {
    const { id, input } = data as { id: number; input: SchemaCheckRequest };
    port.post({ id, output: checkJsonSchema(input.value, input.schema, { label: input.label, skipPatterns: input.skipPatterns }) });
  });
  port.post(WORKER_READY);
}
