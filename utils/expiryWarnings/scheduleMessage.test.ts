import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../tokens/fingerprint';
import {
  FINGERPRINT_PATTERN,
  MAX_EPOCH_SECONDS,
  MAX_HOST_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_SCHEDULED_TOKENS,
  isOwnPageOutsideTabs,
  parseScheduleMessage,
  type ScheduleMessage,
} from './scheduleMessage';

const good = {
  fingerprint: '0123456789ab',
  label: 'portal.example.com · JWT access token',
  host: 'portal.example.com',
  expiresAt: 1_800_000_000,
  lifetime: 900,
};
const message = (tokens: unknown[] = [good], tabId: unknown = 7) => ({ type: 'schedule-tokens', tabId, tokens });

/** What every accepted message must be, whatever it was made from. */
function expectInvariants(m: ScheduleMessage): void {
  expect(Object.keys(m).sort()).toEqual(['tabId', 'tokens', 'type']);
  expect(m.type).toBe('schedule-tokens');
  expect(Number.isSafeInteger(m.tabId) && m.tabId >= 0).toBe(true);
  expect(Array.isArray(m.tokens) && m.tokens.length <= MAX_SCHEDULED_TOKENS).toBe(true);
  for (const t of m.tokens) {
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
    expect(Object.keys(t).every((k) => ['fingerprint', 'label', 'host', 'expiresAt', 'lifetime'].includes(k))).toBe(true);
    expect(t.fingerprint).toMatch(FINGERPRINT_PATTERN);
    for (const [text, max] of [
      [t.label, MAX_LABEL_LENGTH],
      [t.host, MAX_HOST_LENGTH],
    ] as const) {
      expect(typeof text === 'string' && text.length > 0 && text.length <= max && !/\p{Cc}/u.test(text)).toBe(true);
    }
    expect(Number.isFinite(t.expiresAt) && t.expiresAt >= 0 && t.expiresAt <= MAX_EPOCH_SECONDS).toBe(true);
    if ('lifetime' in t) expect(Number.isFinite(t.lifetime) && t.lifetime! > 0 && t.lifetime! <= MAX_EPOCH_SECONDS).toBe(true);
  }
}

// Values near the valid ones, so the property also walks the accepting path, not only rejections.
const nearlyValidToken = fc.record(
  {
    fingerprint: fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), fc.string(), fc.anything()),
    label: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ maxLength: 400 }), fc.anything()),
    host: fc.oneof(fc.domain(), fc.string({ maxLength: 300 }), fc.anything()),
    expiresAt: fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }), fc.double(), fc.anything()),
    lifetime: fc.oneof(fc.integer({ min: 1, max: 86400 }), fc.double(), fc.anything()),
    value: fc.string(),
  },
  { requiredKeys: ['fingerprint', 'label', 'host', 'expiresAt'] },
);
const nearlyValidMessage = fc.record({
  type: fc.oneof(fc.constant('schedule-tokens'), fc.string()),
  tabId: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.anything()),
  tokens: fc.oneof(fc.array(nearlyValidToken, { maxLength: 8 }), fc.anything()),
});

describe('parseScheduleMessage: the background trusts nothing it is sent', () => {
  it('never throws on arbitrary values, and whatever it accepts satisfies every invariant', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
          nearlyValidMessage,
        ),
        (value) => {
          const parsed = parseScheduleMessage(value);
          if (parsed !== undefined) expectInvariants(parsed);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts some of the nearly valid messages (so the property above is not only about rejection)', () => {
    const accepted = fc.sample(nearlyValidMessage, { numRuns: 2000, seed: 1 }).filter((m) => parseScheduleMessage(m) !== undefined);
    expect(accepted.length).toBeGreaterThan(10);
  });

  it('accepts what the devtools page sends, rebuilt from the known fields only', () => {
    expect(parseScheduleMessage(message())).toEqual(message());
    const { lifetime: _, ...withoutLifetime } = good;
    expect(parseScheduleMessage(message([withoutLifetime]))?.tokens).toEqual([withoutLifetime]);
    expect(parseScheduleMessage(message([], 0))).toEqual(message([], 0));
    const extra = parseScheduleMessage({ ...message([{ ...good, value: 'eyJ.secret.token', origins: ['https://x/?t=1'] }]), rows: [1] });
    expect(extra).toEqual(message());
    expect(JSON.stringify(extra)).not.toContain('secret');
  });

  it.each([
    ['another type', { ...message(), type: 'tokens-changed' }],
    ['no tokens', { type: 'schedule-tokens', tabId: 7 }],
    ['tokens not an array', message({ 0: good, length: 1 } as never)],
    ['a negative tab id', message([good], -1)],
    ['a fractional tab id', message([good], 1.5)],
    ['a tab id as text', message([good], '7')],
    ['an unsafe tab id', message([good], 2 ** 53)],
    ['too many tokens', message(Array.from({ length: MAX_SCHEDULED_TOKENS + 1 }, () => good))],
    ['an upper-case fingerprint', message([{ ...good, fingerprint: '0123456789AB' }])],
    ['a long fingerprint', message([{ ...good, fingerprint: '0123456789abc' }])],
    ['a token value as fingerprint', message([{ ...good, fingerprint: 'eyJhbGciOiJSUzI1NiJ9' }])],
    ['an empty label', message([{ ...good, label: '' }])],
    ['a long label', message([{ ...good, label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }])],
    ['a long host', message([{ ...good, host: 'h'.repeat(MAX_HOST_LENGTH + 1) }])],
    ['a label with a line break', message([{ ...good, label: 'a\nb' }])],
    ['a host that is not text', message([{ ...good, host: ['portal.example.com'] }])],
    ['an infinite expiry', message([{ ...good, expiresAt: Infinity }])],
    ['NaN as expiry', message([{ ...good, expiresAt: NaN }])],
    ['a negative expiry', message([{ ...good, expiresAt: -1 }])],
    ['an expiry in milliseconds past year 9999', message([{ ...good, expiresAt: 1_800_000_000_000 }])],
    ['an expiry as text', message([{ ...good, expiresAt: '1800000000' }])],
    ['a zero lifetime', message([{ ...good, lifetime: 0 }])],
    ['a NaN lifetime', message([{ ...good, lifetime: NaN }])],
    ['null', null],
    ['a string', 'schedule-tokens'],
  ])('drops a message with %s', (_, value) => {
    expect(parseScheduleMessage(value)).toBeUndefined();
  });

  it('reads own data fields only: no getters run, nothing inherited counts', () => {
    let ran = false;
    const withGetter = message([
      Object.defineProperty({ ...good }, 'expiresAt', {
        get() {
          ran = true;
          return 1_800_000_000;
        },
        enumerable: true,
      }),
    ]);
    expect(parseScheduleMessage(withGetter)).toBeUndefined();
    expect(ran).toBe(false);
    expect(parseScheduleMessage(Object.create(message()))).toBeUndefined();
  });

  it('uses the format tokenFingerprint makes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => FINGERPRINT_PATTERN.test(tokenFingerprint(s))));
  });
});

describe('who may schedule', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  it('the devtools page (this extension, no tab) may; a content script (it has a tab) or another extension may not', () => {
    expect(isOwnPageOutsideTabs({ id, url: `chrome-extension://${id}/devtools.html` } as never, id)).toBe(true);
    expect(isOwnPageOutsideTabs({ id, tab: { id: 3 }, url: 'https://evil.example/' } as never, id)).toBe(false);
    expect(isOwnPageOutsideTabs({ id: 'another-extension' }, id)).toBe(false);
    expect(isOwnPageOutsideTabs({}, id)).toBe(false);
  });
});
