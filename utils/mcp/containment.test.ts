import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { CaptureSession } from '../capture/captureSession';
import { chooseToken } from './chooseToken';

// A page can steer the target box (it follows the newest MCP endpoint any frame used); it must not
// thereby choose where a token the user pasted goes.
describe('where a pasted token may go', () => {
  const NOW = Date.parse('2026-11-26T12:10:00Z');
  const session = new CaptureSession();
  session.paste('pasted-secret-token', NOW - 60_000);
  const pasted = session.ledger.all().find((r) => r.value === 'pasted-secret-token')!;

  it('Auto sends no pasted token to a target that was only detected from the page traffic, and says why', () => {
    const chosen = chooseToken(session.ledger.all(), 'https://attacker.example/mcp', { mode: 'auto' }, NOW, false);
    expect(chosen.row).toBeUndefined();
    expect(chosen.reason).toMatch(/a pasted token is sent only to a target you typed or picked/);
  });

  it('Auto sends the pasted token to a target the user typed or picked', () => {
    expect(chooseToken(session.ledger.all(), 'https://portal.example.com/mcp', { mode: 'auto' }, NOW, true).row?.value).toBe('pasted-secret-token');
  });

  it('a pasted token picked by hand still waits for a target the user typed or picked', () => {
    const byHand = { mode: 'token' as const, fingerprint: pasted.fingerprint };
    const steered = chooseToken(session.ledger.all(), 'https://attacker.example/mcp', byHand, NOW, false);
    expect(steered.row).toBeUndefined();
    expect(steered.reason).toMatch(/only when you type or pick the endpoint/);
    expect(chooseToken(session.ledger.all(), 'https://attacker.example/mcp', byHand, NOW, true).row).toBe(pasted);
  });

  it('a captured token picked by hand goes to another site only when the user typed or picked that target', () => {
    const page = new CaptureSession();
    page.ingest(
      harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: 'Bearer page-token' }, startedDateTime: '2026-11-26T12:05:00Z' }),
    );
    const row = page.ledger.all().find((r) => r.value === 'page-token')!;
    const byHand = { mode: 'token' as const, fingerprint: row.fingerprint };
    // The page made its traffic point the box at another site: the hand-picked token does not follow.
    const steered = chooseToken(page.ledger.all(), 'https://attacker.example/mcp', byHand, NOW, false);
    expect(steered.row).toBeUndefined();
    expect(steered.reason).toMatch(/never used it with this target.*type or pick the endpoint/);
    // Where the page used it, or where the user typed: sent.
    expect(chooseToken(page.ledger.all(), 'https://portal.example.com/other', byHand, NOW, false).row).toBe(row);
    expect(chooseToken(page.ledger.all(), 'https://attacker.example/mcp', byHand, NOW, true).row).toBe(row);
  });

  it('captured tokens keep their rule: only to the origin the page used them with, typed or detected', () => {
    const page = new CaptureSession();
    page.ingest(
      harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: 'Bearer page-token' }, startedDateTime: '2026-11-26T12:05:00Z' }),
    );
    expect(chooseToken(page.ledger.all(), 'https://portal.example.com/mcp', { mode: 'auto' }, NOW, false).row?.value).toBe('page-token');
    expect(chooseToken(page.ledger.all(), 'https://other.example.com/mcp', { mode: 'auto' }, NOW, true).row).toBeUndefined();
  });
});
