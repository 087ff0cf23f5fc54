import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { LateSetCookieWatch } from './lateSetCookies';

const redirect = (cookies: { name: string; value: string }[] = []) =>
  harEntry({ url: 'https://app.example.com/cdn-cgi/access/authorized', status: 302, mimeType: 'text/html', responseCookies: cookies });

describe('LateSetCookieWatch: Set-Cookie headers Chrome attached after reporting the request', () => {
  it('notes a redirect reported without Set-Cookie and hands it back once the fresh HAR has the cookie', () => {
    const watch = new LateSetCookieWatch();
    expect(watch.note(redirect(), 0)).toBe(true);
    expect(watch.take([redirect()], 100)).toEqual([]);
    const late = redirect([{ name: 'CF_Authorization', value: 'eyJ…' }]);
    expect(watch.take([late], 400)).toEqual([late]);
    expect(watch.take([late], 800)).toEqual([]);
    expect(watch.size).toBe(0);
  });

  it('ignores requests that already carry Set-Cookie, failed ones, and images or scripts', () => {
    const watch = new LateSetCookieWatch();
    expect(watch.note(redirect([{ name: 'a', value: 'b' }]), 0)).toBe(false);
    expect(watch.note(harEntry({ status: 500 }), 0)).toBe(false);
    expect(watch.note(harEntry({ mimeType: 'image/png' }), 0)).toBe(false);
    expect(watch.note(harEntry({ mimeType: 'text/javascript' }), 0)).toBe(false);
    expect(watch.size).toBe(0);
  });

  it('gives up on a request after 5 s and holds at most 64', () => {
    const watch = new LateSetCookieWatch();
    for (let i = 0; i < 100; i++) watch.note(harEntry({ url: `https://app.example.com/page/${i}`, mimeType: 'text/html' }), i);
    expect(watch.size).toBe(64);
    watch.take([], 10_000);
    expect(watch.size).toBe(0);
  });
});
