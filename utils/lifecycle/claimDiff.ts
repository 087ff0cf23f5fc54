import type { ClaimChange, ClaimSnapshot } from './model';
import { clip, durationWords } from './words';

/**
 * Claims that differ between any two tokens by design, so a change in them says nothing:
 * times (`iat`, `exp`, `nbf`: the lifetime is compared instead), per-token ids (`jti`, Entra's
 * `uti`), hashes of the sibling token or code (`at_hash`, `c_hash`, `s_hash`), the per-sign-in
 * `nonce`, Cloudflare Access's `identity_nonce` (new in every CF_Authorization token), and Entra's
 * opaque per-token state (`rh`, `aio`). `auth_time` is NOT ignored: its change
 * means the user signed in again, which is exactly what a lineage should show.
 */
export const IGNORED_CLAIMS: ReadonlySet<string> = new Set([
  'iat',
  'exp',
  'nbf',
  'jti',
  'uti',
  'at_hash',
  'c_hash',
  's_hash',
  'nonce',
  'identity_nonce',
  'rh',
  'aio',
]);

/** Claims whose value is a set of words or strings: compared as sets, reported as added/removed. */
const LIST_CLAIMS = ['aud', 'amr', 'roles', 'groups'];
const MAX_VALUE_CHARS = 80;
const MAX_WORDS_LISTED = 8;
const MAX_CHANGES = 40;

/** What changed between two consecutive tokens of a lineage, in plain words; empty when nothing that matters did. */
export function diffClaims(before: ClaimSnapshot, after: ClaimSnapshot): ClaimChange[] {
  const changes: ClaimChange[] = [];
  const handled = new Set<string>([...IGNORED_CLAIMS, 'scope', 'scp', 'auth_time', 'acr', ...LIST_CLAIMS]);

  const scope = listChange('scope', scopeWords(before), scopeWords(after));
  if (scope) changes.push(scope);
  for (const claim of LIST_CLAIMS) {
    const change = listChange(claim, listWords(own(before.claims, claim)), listWords(own(after.claims, claim)));
    if (change) changes.push(change);
  }
  const acr = valueChange('acr', own(before.claims, 'acr'), own(after.claims, 'acr'));
  if (acr) changes.push(acr);
  const authTime = authTimeChange(own(before.claims, 'auth_time'), own(after.claims, 'auth_time'));
  if (authTime) changes.push(authTime);
  const lifetime = lifetimeChange(before.lifetimeSeconds, after.lifetimeSeconds);
  if (lifetime) changes.push(lifetime);

  const others = [...new Set([...Object.keys(before.claims), ...Object.keys(after.claims)])].filter((k) => !handled.has(k)).sort();
  for (const claim of others) {
    const change = valueChange(claim, own(before.claims, claim), own(after.claims, claim));
    if (change) changes.push(change);
  }
  if (changes.length > MAX_CHANGES) {
    const rest = changes.length - MAX_CHANGES + 1;
    return [...changes.slice(0, MAX_CHANGES - 1), { claim: '…', kind: 'changed', words: `${rest} more claims changed` }];
  }
  return changes;
}

/** "1 h" → "15 min": the sentence for a lifetime step, or undefined when either is unknown or they are equal. */
export function lifetimeChange(before: number | undefined, after: number | undefined): ClaimChange | undefined {
  if (before === undefined || after === undefined || !Number.isFinite(before) || !Number.isFinite(after) || before === after) return undefined;
  const shrank = after < before;
  return {
    claim: 'lifetime',
    kind: 'changed',
    before: durationWords(before),
    after: durationWords(after),
    shrank,
    words: `lifetime ${shrank ? 'shrank' : 'grew'} from ${durationWords(before)} to ${durationWords(after)}`,
  };
}

/** Scope words from `scope` (space-separated, RFC 8693/9068), `scp` (a list or a string), else the token response's `scope`. */
function scopeWords(snapshot: ClaimSnapshot): string[] | undefined {
  const fromClaims = listWords(own(snapshot.claims, 'scope')) ?? listWords(own(snapshot.claims, 'scp'));
  if (fromClaims) return fromClaims;
  return typeof snapshot.scope === 'string' ? listWords(snapshot.scope) : undefined;
}

function listWords(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/\s+/).filter((w) => w !== '');
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : canonical(v)));
  if (value === undefined) return undefined;
  return [canonical(value)];
}

function listChange(claim: string, before: string[] | undefined, after: string[] | undefined): ClaimChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  const b = new Set(before ?? []);
  const a = new Set(after ?? []);
  const added = [...a].filter((w) => !b.has(w));
  const removed = [...b].filter((w) => !a.has(w));
  if (added.length === 0 && removed.length === 0) {
    if ((before === undefined) === (after === undefined)) return undefined;
    // Present but empty on one side only: `scope: ""` appeared or went.
    return {
      claim,
      kind: before === undefined ? 'added' : 'removed',
      words: `${claim} ${before === undefined ? 'appeared (empty)' : 'is gone (it was empty)'}`,
    };
  }
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const parts = [...(added.length ? [`added ${wordList(added)}`] : []), ...(removed.length ? [`removed ${wordList(removed)}`] : [])];
  return { claim, kind, added, removed, words: `${claim}: ${parts.join(', ')}` };
}

function wordList(words: string[]): string {
  const shown = words.slice(0, MAX_WORDS_LISTED).map((w) => clip(w, MAX_VALUE_CHARS));
  return words.length > MAX_WORDS_LISTED ? `${shown.join(', ')} and ${words.length - MAX_WORDS_LISTED} more` : shown.join(', ');
}

function valueChange(claim: string, before: unknown, after: unknown): ClaimChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  const b = before === undefined ? undefined : clip(canonical(before), MAX_VALUE_CHARS);
  const a = after === undefined ? undefined : clip(canonical(after), MAX_VALUE_CHARS);
  if (before !== undefined && after !== undefined && canonical(before) === canonical(after)) return undefined;
  const name = clip(claim, MAX_VALUE_CHARS);
  if (b === undefined) return { claim, kind: 'added', after: a, words: `${name} added: ${a}` };
  if (a === undefined) return { claim, kind: 'removed', before: b, words: `${name} removed (was ${b})` };
  return { claim, kind: 'changed', before: b, after: a, words: `${name} changed from ${b} to ${a}` };
}

function authTimeChange(before: unknown, after: unknown): ClaimChange | undefined {
  if (typeof before !== 'number' || typeof after !== 'number') return valueChange('auth_time', before, after);
  if (before === after) return undefined;
  const b = isoSeconds(before);
  const a = isoSeconds(after);
  return { claim: 'auth_time', kind: 'changed', before: b, after: a, words: `the user signed in again (auth_time ${b} → ${a})` };
}

function isoSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : d.toISOString().replace('.000Z', 'Z');
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` compare equal. Claims are already bounded by the decoder. */
function canonical(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(sortKeys(value)) ?? String(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a `__proto__` claim stays a claim.
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}
