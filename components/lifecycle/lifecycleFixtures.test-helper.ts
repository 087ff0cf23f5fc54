import type { TokenRow } from '../../utils/capture/tokenLedger';
import type { Lineage, LineageToken } from '../../utils/lifecycle/model';
import { decodeToken } from '../../utils/tokens/decodeToken';
import { tokenFingerprint } from '../../utils/tokens/fingerprint';

/** A captured row for `value`: an access token the page sent as a bearer, unless `over` says otherwise. */
export function row(value: string, over: Partial<TokenRow> = {}): TokenRow {
  return {
    fingerprint: tokenFingerprint(value),
    value,
    decoded: decodeToken(value),
    sources: ['authorization-header'],
    origins: ['https://app.example'],
    names: [],
    roles: ['access'],
    count: 1,
    firstSeen: 0,
    lastSeen: 0,
    issuedWith: [],
    ...over,
  };
}

/** A lineage token of `r` living from `fromMs` for `lifetimeSeconds`. */
export function step(r: TokenRow, fromMs: number, lifetimeSeconds?: number): LineageToken {
  return {
    fingerprint: r.fingerprint,
    issuedAtMs: fromMs,
    expiresAtMs: lifetimeSeconds === undefined ? undefined : fromMs + lifetimeSeconds * 1000,
    lifetimeSeconds,
    firstSeenMs: fromMs,
    lastSeenMs: fromMs,
    changes: [],
  };
}

export function lineage(key: string, tokens: LineageToken[], over: Partial<Lineage> = {}): Lineage {
  return {
    key,
    label: key,
    origin: 'https://app.example',
    kind: 'access',
    tokens,
    refreshes: [],
    requests: [],
    refreshTokens: [],
    gaps: [],
    lifetimeShrank: [],
    refreshSummary: { refreshCount: 0, beforeExpiryCount: 0, sentences: [] },
    ...over,
  };
}
