import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { CaptureSession } from '../capture/captureSession';
import { tokenKindWord, tokenLabel } from './tokenTiming';

describe('what a token is called', () => {
  it('names the cookie or header in the panel, and uses fixed words only for anything that leaves it', () => {
    const session = new CaptureSession();
    session.ingest(harEntry({ url: 'https://p.example/', requestCookies: [{ name: 'CF_Authorization', value: 'cookie-value-1234' }] }));
    session.ingest(harEntry({ url: 'https://p.example/', requestHeaders: { 'X-Auth-Token': 'header-value-1234' } }));
    session.ingest(harEntry({ url: 'https://p.example/', requestHeaders: { Authorization: 'Bearer bearer-value-1234' } }));
    const byValue = (v: string) => session.ledger.all().find((r) => r.value === v)!;
    expect([tokenLabel(byValue('cookie-value-1234')), tokenKindWord(byValue('cookie-value-1234'))]).toEqual(['CF_Authorization cookie', 'cookie']);
    expect([tokenLabel(byValue('header-value-1234')), tokenKindWord(byValue('header-value-1234'))]).toEqual(['X-Auth-Token header', 'header']);
    expect([tokenLabel(byValue('bearer-value-1234')), tokenKindWord(byValue('bearer-value-1234'))]).toEqual(['access token', 'access token']);
  });

  it('does not call the paste box a header name when a pasted token later shows up in a header', () => {
    const session = new CaptureSession();
    session.paste('header-value-1234', 1);
    session.ingest(harEntry({ url: 'https://p.example/', requestHeaders: { 'X-Auth-Token': 'header-value-1234' } }));
    const [row] = session.ledger.all();
    expect(tokenLabel(row)).toBe('X-Auth-Token header');
    expect(tokenKindWord(row)).toBe('header');
  });
});
