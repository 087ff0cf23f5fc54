import type { TokenRow } from '../capture/tokenLedger';
import type { TestRunRecord } from '../lifecycle/types';
import { expiryFacts } from '../tokens/expiry';
import type { McpTestReport } from './runToolsTest';

/**
 * A finished Test tools now run as the lifecycle statistics keep it: outcome, error kind, and the
 * sent token by fingerprint and times only. Cancelled runs say nothing about the server: none.
 */
export function testRunRecord(report: McpTestReport, row: TokenRow | undefined, nowMs: number): TestRunRecord | undefined {
  if (report.outcome === 'cancelled') return undefined;
  const sent = row && row.fingerprint === report.token?.fingerprint ? row : undefined;
  const facts = sent ? expiryFacts(sent.decoded, sent.issuedExpiresAt) : undefined;
  const nowSeconds = nowMs / 1000;
  return {
    at: nowMs,
    origin: new URL(report.url).origin,
    outcome: report.outcome,
    ...(report.failure ? { errorKind: report.failure.kind } : {}),
    ...(sent ? { tokenFingerprint: sent.fingerprint } : {}),
    ...(facts?.expiresAt !== undefined ? { tokenSecondsLeft: Math.floor(facts.expiresAt - nowSeconds) } : {}),
    ...(sent ? { tokenAgeSeconds: Math.floor(nowSeconds - (facts?.issuedAt ?? sent.firstSeen / 1000)) } : {}),
  };
}
