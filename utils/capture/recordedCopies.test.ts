import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedResponse } from '../runsInPage/tokenResponseRecorder';
import { parseRecordedResponse, RecordedCopies } from './recordedCopies';

const T = 1_750_000_000_000;
const copy = (over: Partial<RecordedResponse> = {}): RecordedResponse => ({
  url: 'https://portal.example.com/oauth/token',
  method: 'POST',
  requestedAt: T,
  receivedAt: T + 40,
  status: 200,
  body: '{"access_token":"oauth:a","expires_in":900}',
  ...over,
});
const request = { url: 'https://portal.example.com/oauth/token', method: 'POST', startedAt: T + 2 };

describe('RecordedCopies: a copy only stands in for the request DevTools reported', () => {
  it('hands the matching copy once', () => {
    const copies = new RecordedCopies(() => T + 100);
    copies.add(copy());
    expect(copies.take(request)?.body).toContain('oauth:a');
    expect(copies.take(request)).toBeUndefined();
  });

  it('never for another URL, another method, or a request long before or after the copy', () => {
    const copies = new RecordedCopies(() => T + 100);
    copies.add(copy());
    expect(copies.take({ ...request, url: 'https://accounts.example.com/oauth/token' })).toBeUndefined();
    expect(copies.take({ ...request, method: 'GET' })).toBeUndefined();
    expect(copies.take({ ...request, startedAt: T - 60_000 })).toBeUndefined();
    expect(copies.take({ ...request, startedAt: T + 60_000 })).toBeUndefined();
    expect(copies.size).toBe(1);
  });

  it('picks the copy closest in time when one endpoint answered twice (two sign-ins in a row)', () => {
    const copies = new RecordedCopies(() => T + 2000);
    copies.add(copy({ requestedAt: T, receivedAt: T + 30, body: 'first' }));
    copies.add(copy({ requestedAt: T + 900, receivedAt: T + 950, body: 'second' }));
    expect(copies.take({ ...request, startedAt: T + 901 })?.body).toBe('second');
    expect(copies.take({ ...request, startedAt: T + 1 })?.body).toBe('first');
  });

  it('forgets copies after a minute and keeps at most 32', () => {
    let now = T;
    const copies = new RecordedCopies(() => now);
    for (let i = 0; i < 40; i++) copies.add(copy({ requestedAt: T + i, receivedAt: T + i }));
    expect(copies.size).toBe(32);
    now = T + 61_000 + 40;
    expect(copies.take(request)).toBeUndefined();
    expect(copies.size).toBe(0);
  });

  it('waits for a copy that arrives after DevTools reported the request, and gives up after the timeout', async () => {
    const copies = new RecordedCopies(() => T + 100);
    const waiting = copies.waitFor(request, 1000);
    setTimeout(() => copies.add(copy()), 10);
    expect((await waiting)?.body).toContain('oauth:a');
    expect(await copies.waitFor(request, 20)).toBeUndefined();
  });
});

describe('RecordedCopies: sign-ins in quick succession never swap copies', () => {
  it('a copy of the next sign-in never fills the previous one, still waiting for its own', async () => {
    const copies = new RecordedCopies(() => T + 1000);
    const previous = copies.waitFor({ ...request, startedAt: T }, 50);
    // The next sign-in's copy arrives before DevTools reports that request: it is kept for it.
    copies.add(copy({ requestedAt: T + 399, receivedAt: T + 450, body: 'next' }));
    expect(await previous).toBeUndefined();
    expect(copies.take({ ...request, startedAt: T + 400 })?.body).toBe('next');
  });

  it('a copy goes to the waiting request it fits best, whichever waited first', async () => {
    const copies = new RecordedCopies(() => T + 1000);
    const first = copies.waitFor({ ...request, startedAt: T }, 100);
    const second = copies.waitFor({ ...request, startedAt: T + 200 }, 100);
    copies.add(copy({ requestedAt: T + 195, receivedAt: T + 260, body: 'second' }));
    copies.add(copy({ requestedAt: T - 3, receivedAt: T + 300, body: 'first' }));
    expect((await first)?.body).toBe('first');
    expect((await second)?.body).toBe('second');
  });
});

describe('parseRecordedResponse: what the page side sends is checked', () => {
  it('accepts a well-formed copy and rejects each wrong field', () => {
    expect(parseRecordedResponse(copy())).toEqual(copy());
    for (const bad of [
      { url: 'javascript:alert(1)' },
      { url: 'data:application/json,{}' },
      { method: 'post; DROP' },
      { body: 'x'.repeat(256 * 1024 + 1) },
      { requestedAt: Number.NaN },
      { receivedAt: T - 1 },
      { status: 1e9 },
    ]) {
      expect(parseRecordedResponse({ ...copy(), ...bad })).toBeUndefined();
    }
    expect(parseRecordedResponse(Object.assign(Object.create({ url: copy().url }), { ...copy(), url: undefined }))).toBeUndefined();
  });

  it('never throws and only returns copies that satisfy every check (20,000 arbitrary values)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              url: fc.webUrl(),
              method: fc.constantFrom('GET', 'POST', 'x'),
              requestedAt: fc.double(),
              receivedAt: fc.double(),
              status: fc.integer(),
              body: fc.string(),
            },
            { requiredKeys: [] },
          ),
        ),
        (value) => {
          const parsed = parseRecordedResponse(value);
          if (parsed) {
            expect(parsed.receivedAt).toBeGreaterThanOrEqual(parsed.requestedAt);
            expect(parsed.url).toMatch(/^https?:\/\//i);
            expect(() => structuredClone(parsed)).not.toThrow();
          }
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
