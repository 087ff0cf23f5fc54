import type { ReactNode } from 'react';
import { formatDuration, formatLocal, formatRelative, formatUtc } from '../utils/tokens/expiry';
import { maskToken } from '../utils/tokens/fingerprint';
import type { TokenRow } from '../utils/capture/tokenLedger';
import { tokenLabel, tokenTiming } from '../utils/tokens/tokenTiming';
import { ClaimsTable } from './ClaimsTable';
import { CopyButton } from './CopyButton';
import { ExpiryBanner } from './ExpiryBanner';
import { SignatureCheck, type SignatureState } from './SignatureCheck';
import { claimsOf } from '../utils/tokens/decodeToken';
import { suggestJwksUrl } from '../utils/tokens/jwksUrl';
import { StatusPill } from './StatusPill';
import { TokenCountdown } from './TokenCountdown';

interface Props {
  row: TokenRow;
  /** Fingerprint of the newer token that replaced this one, if any. */
  replacedBy?: string;
  nowMs: number;
  warningWindowSeconds: number;
  revealed: boolean;
  onToggleReveal(): void;
  copy(text: string): Promise<boolean>;
  signature?: SignatureState;
  onVerifySignature(jwksUrl: string): void;
}

const KIND_TEXT = { jwt: 'JWT (signed, JWS)', jwe: 'JWE (encrypted)', opaque: 'Opaque token', malformed: 'Malformed token' } as const;
// A Map: rows restored from session storage are data, and a stray "constructor" must find nothing.
const SOURCE_TEXT: ReadonlyMap<string, string> = new Map([
  ['authorization-header', 'Authorization header'],
  ['other-header', 'other header'],
  ['cookie', 'cookie sent'],
  ['set-cookie', 'Set-Cookie received'],
  ['query', 'URL query'],
  ['token-response', 'token endpoint response'],
  ['pasted', 'pasted by you'],
]);

export function TokenDetail({ row, replacedBy, nowMs, warningWindowSeconds, revealed, onToggleReveal, copy, signature, onVerifySignature }: Props) {
  const timing = tokenTiming(row, nowMs, warningWindowSeconds);
  const { decoded } = row;
  const { facts } = timing;
  const hasRefreshToken = row.issuedWith.includes('refresh');
  const claims = claimsOf(decoded);
  const iss = Object.hasOwn(claims, 'iss') ? claims.iss : undefined;

  return (
    <section className="token-detail" data-testid="token-detail" data-fingerprint={row.fingerprint} aria-label="Selected token">
      {replacedBy ? (
        <p className="banner banner-rotated" data-testid="token-rotated" role="status">
          <strong>Token rotated.</strong> The page now uses a newer token (<code>{replacedBy}</code>) with a later expiry; warnings for this one were cancelled.
        </p>
      ) : (
        <ExpiryBanner timing={timing} hasRefreshToken={hasRefreshToken} />
      )}

      <header className="detail-head">
        <h2>
          {tokenLabel(row)} <span className="muted">· {KIND_TEXT[decoded.kind]}</span>
        </h2>
        <StatusPill status={timing.status} />
        <TokenCountdown status={timing.status} remaining={timing.remaining} testId="countdown" />
      </header>

      <div className="value-box">
        <code className="token-value" data-testid="token-value" data-revealed={revealed}>
          {revealed ? row.value : maskToken(row.value)}
        </code>
        <div className="actions">
          <button type="button" data-testid="reveal-toggle" aria-pressed={revealed} onClick={onToggleReveal}>
            {revealed ? 'Hide' : 'Reveal'}
          </button>
          <CopyButton label="Copy token" text={row.value} copy={copy} testId="copy-token" />
          <CopyButton label="Copy as Authorization header" text={`Authorization: Bearer ${row.value}`} copy={copy} testId="copy-header" />
        </div>
        <div className="muted small">
          fingerprint <code>{row.fingerprint}</code> · {row.value.length} characters
        </div>
      </div>

      <Section title="Expiry">
        {facts.expiresAt !== undefined ? (
          <dl className="facts">
            <Fact name="Expires">
              {formatLocal(facts.expiresAt)} · {formatUtc(facts.expiresAt)} · <strong>{formatRelative(facts.expiresAt, nowMs)}</strong>
            </Fact>
            <Fact name="Known from">
              {facts.source === 'exp-claim'
                ? 'the token\'s own "exp" claim'
                : `the "expires_in" of the token response that issued it${row.issuedBy ? ` (${row.issuedBy})` : ''}`}
            </Fact>
            {facts.issuedAt !== undefined && <Fact name="Lifetime">{formatDuration(facts.expiresAt - facts.issuedAt)} (exp − iat)</Fact>}
          </dl>
        ) : (
          <p className="muted" data-testid="expiry-unknown">
            {decoded.kind === 'jwt' && decoded.payload.type === 'not-decoded'
              ? 'Unknown: the payload, where a JWT keeps its "exp", was not decoded.'
              : decoded.kind === 'jwt'
                ? 'This JWT has no "exp" claim, so nothing says when it stops working; the server may still reject it at any time.'
                : row.sources.every((src) => src === 'pasted')
                  ? 'Unknown. This token carries no expiry of its own, and pasted text comes without the token response (with "expires_in") that would tell.'
                  : 'Unknown. This token carries no expiry of its own, and the panel did not see the token response that issued it (with "expires_in"). Sign in again with DevTools open to capture it.'}
          </p>
        )}
        {facts.notBefore !== undefined && (
          <p className="small">
            Not valid before {formatUtc(facts.notBefore)} ({formatRelative(facts.notBefore, nowMs)}).
          </p>
        )}
        {row.serverClockOffsetMs !== undefined && Math.abs(row.serverClockOffsetMs) >= 5000 && (
          <p className="warn small" data-testid="clock-skew">
            The server's clock is {formatDuration(row.serverClockOffsetMs / 1000)} {row.serverClockOffsetMs > 0 ? 'ahead of' : 'behind'} this computer's (from
            its Date header): the server will see expiry that much {row.serverClockOffsetMs > 0 ? 'sooner' : 'later'}.
          </p>
        )}
        {hasRefreshToken && <p className="small">A refresh token was issued together with this token.</p>}
        {row.roles.includes('refresh') && <p className="small">This is a refresh token: it is sent to the token endpoint only, to obtain new access tokens.</p>}
      </Section>

      {decoded.warnings.length > 0 && (
        <Section title="Warnings">
          <ul className="warnings" data-testid="token-warnings">
            {decoded.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </Section>
      )}

      {decoded.kind === 'malformed' && (
        <Section title="Why it does not decode">
          <p data-testid="malformed-reason">{decoded.reason}</p>
        </Section>
      )}

      {decoded.kind === 'opaque' && (
        <Section title="Opaque token">
          <p>
            {decoded.length} characters; {decoded.shape}. Only its issuer can read it; the panel cannot decode it, and does not guess.
          </p>
        </Section>
      )}

      {(decoded.kind === 'jwt' || decoded.kind === 'jwe') && (
        <Section title="Header">
          <pre className="json" data-testid="jose-header">
            {JSON.stringify(decoded.header, null, 2)}
          </pre>
          {decoded.kind === 'jwt' && !decoded.signed && <p className="warn">Unsigned ("alg": "none"): decoded, but it proves nothing.</p>}
          {decoded.kind === 'jwt' && decoded.signed && (
            <SignatureCheck key={row.fingerprint} suggestedUrl={suggestJwksUrl(iss)} result={signature} onVerify={onVerifySignature} />
          )}
          {decoded.kind === 'jwe' && <p className="muted">Encrypted: only the header can be read; the payload needs the recipient's key.</p>}
        </Section>
      )}

      {decoded.kind === 'jwt' && (
        <Section title="Payload">
          {decoded.payload.type === 'claims' && <ClaimsTable claims={decoded.payload.claims} nowMs={nowMs} />}
          {decoded.payload.type === 'text' && (
            <>
              <p className="muted">The payload is not a JSON object, so it has no claims. As text:</p>
              <pre className="json" data-testid="payload-text">
                {decoded.payload.text}
              </pre>
            </>
          )}
          {decoded.payload.type === 'not-decoded' && <p data-testid="payload-not-decoded">{decoded.payload.reason}</p>}
        </Section>
      )}

      <Section title="Where it was seen">
        <dl className="facts">
          <Fact name="Sources">{row.sources.map((s) => SOURCE_TEXT.get(s) ?? s).join(', ')}</Fact>
          <Fact name="Names">{row.names.join(', ')}</Fact>
          <Fact name="Origins">{row.origins.join(', ')}</Fact>
          <Fact name="Seen">
            {row.count} time{row.count === 1 ? '' : 's'}, first {formatRelative(row.firstSeen / 1000, nowMs)}, last {formatRelative(row.lastSeen / 1000, nowMs)}
          </Fact>
          {row.issuedBy && <Fact name="Issued by">{row.issuedBy}</Fact>}
          {row.tokenType && <Fact name="Token type">{row.tokenType}</Fact>}
          {row.scope && <Fact name="Scope">{row.scope}</Fact>}
        </dl>
      </Section>
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}
