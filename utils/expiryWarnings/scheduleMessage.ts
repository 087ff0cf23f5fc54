import type { TrackedToken } from './trackedTokens';

/**
 * The one message the background acts on: the devtools page's whole set of tokens to warn about
 * for one tab. The background trusts none of it: `parseScheduleMessage` rebuilds it from checked
 * fields, and `trackedTokensFor` only ever builds tokens that pass the same checks.
 */
export interface ScheduleMessage {
  type: 'schedule-tokens';
  tabId: number;
  tokens: TrackedToken[];
}

/** As many as the ledger keeps rows. */
export const MAX_SCHEDULED_TOKENS = 500;
/** A DNS name (253 characters) with a port. */
export const MAX_HOST_LENGTH = 260;
/** A host, a separator and a few fixed words. */
export const MAX_LABEL_LENGTH = 320;
/** 9999-12-31T23:59:59Z: a later "expiry" is nonsense, and alarm times must stay valid dates. */
export const MAX_EPOCH_SECONDS = 253_402_300_799;
/** What `tokenFingerprint` makes: 12 lowercase hex digits. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{12}$/;

const CONTROL_CHARACTERS = /\p{Cc}/u;

export function isSaneExpiresAt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_EPOCH_SECONDS;
}

export function isSaneLifetime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_EPOCH_SECONDS;
}

export function isSaneText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength && !CONTROL_CHARACTERS.test(value);
}

/**
 * Only this extension's own pages outside any tab (the devtools page) may schedule warnings. A
 * content script always has `sender.tab`, so it cannot, whatever it sends.
 */
export function isOwnPageOutsideTabs(sender: { id?: string; tab?: unknown }, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

/** A well-typed schedule message, or undefined for anything else (wrong shape, too many tokens, one bad token). */
export function parseScheduleMessage(value: unknown): ScheduleMessage | undefined {
  if (ownField(value, 'type') !== 'schedule-tokens') return undefined;
  const tabId = ownField(value, 'tabId');
  const tokens = ownField(value, 'tokens');
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) return undefined;
  if (!Array.isArray(tokens) || tokens.length > MAX_SCHEDULED_TOKENS) return undefined;
  const parsed: TrackedToken[] = [];
  for (const item of tokens) {
    const token = parseTrackedToken(item);
    if (!token) return undefined;
    parsed.push(token);
  }
  return { type: 'schedule-tokens', tabId, tokens: parsed };
}

/** One token, rebuilt from its five known fields only: anything else it carried is left behind. */
export function parseTrackedToken(value: unknown): TrackedToken | undefined {
  const fingerprint = ownField(value, 'fingerprint');
  const label = ownField(value, 'label');
  const host = ownField(value, 'host');
  const expiresAt = ownField(value, 'expiresAt');
  const lifetime = ownField(value, 'lifetime');
  if (typeof fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(fingerprint)) return undefined;
  if (!isSaneText(label, MAX_LABEL_LENGTH) || !isSaneText(host, MAX_HOST_LENGTH) || !isSaneExpiresAt(expiresAt)) return undefined;
  if (lifetime !== undefined && !isSaneLifetime(lifetime)) return undefined;
  return { fingerprint, label, host, expiresAt, ...(lifetime === undefined ? {} : { lifetime }) };
}

/** An own data property's value: never runs a getter, never reads the prototype chain. */
function ownField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}
