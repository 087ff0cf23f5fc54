import type { Gap, Lineage, LineageKind, LineageToken, RefreshEvent } from '../../utils/lifecycle/model';
import { formatDuration, formatRelative } from '../../utils/tokens/expiry';
import { clockTime } from './clockTime';

const KIND_WORDS: Record<LineageKind, string> = { access: 'Access tokens', id: 'ID tokens', refresh: 'Refresh tokens' };
export const NO_TOKEN_REQUESTS = 'No token requests seen yet — sign in or let the page refresh.';

/** Every lineage: its tokens as a timeline, oldest first, with the gaps between them, and the page's token requests for it. */
export function LineageList({ lineages, requestsSeen, nowMs }: { lineages: Lineage[]; requestsSeen: number; nowMs: number }) {
  return (
    <>
      {requestsSeen === 0 && <p className="muted">{NO_TOKEN_REQUESTS}</p>}
      {lineages.length === 0 && <p className="muted">No tokens yet: each line of tokens the page gets shows here as a timeline.</p>}
      {lineages.map((lineage) => (
        <LineageView key={lineage.key} lineage={lineage} nowMs={nowMs} />
      ))}
    </>
  );
}

function LineageView({ lineage, nowMs }: { lineage: Lineage; nowMs: number }) {
  const n = lineage.tokens.length;
  const replacing = new Map(lineage.refreshes.map((e) => [e.requestId, e]));
  // Which request issued a token: the first one has no refresh that replaced anything, but it has a sign-in.
  const issuedBy = new Map(lineage.requests.flatMap((e) => (e.newFingerprint ? [[e.newFingerprint, e] as const] : [])));
  const refreshTokens = lineage.refreshTokens.map((t) => t.fingerprint);
  return (
    <details className="lineage" data-testid="lineage" data-token-count={n} data-kind={lineage.kind} open={lineage.kind === 'access'}>
      <summary>
        <strong>{KIND_WORDS[lineage.kind]}</strong> · {lineage.label}{' '}
        <span className="muted">
          · {n} token{n === 1 ? '' : 's'}
          {!lineage.label.includes(lineage.origin) && ` · ${lineage.origin}`}
        </span>
      </summary>
      {lineage.lifetimeShrank.map((s) => (
        <p key={s.fingerprint} className="warn" data-testid="lifetime-shrank">
          Lifetime shrank from {formatDuration(s.fromSeconds)} to {formatDuration(s.toSeconds)} with token <code>{s.fingerprint}</code>.
        </p>
      ))}
      <ol className="lineage-timeline">
        {lineage.tokens.map((token, i) => (
          <TokenStep
            key={token.fingerprint}
            token={token}
            nowMs={nowMs}
            gaps={gapsAfter(lineage, i)}
            issuedBy={issuedBy.get(token.fingerprint)}
            replacing={token.replacedBy?.requestId === undefined ? undefined : replacing.get(token.replacedBy.requestId)}
          />
        ))}
      </ol>
      {refreshTokens.length > 0 && (
        <div className="muted" data-testid="lineage-refresh-tokens" data-count={refreshTokens.length}>
          Refresh tokens issued with them: {refreshTokens.length} ({refreshTokens.length > 4 && '… '}
          {refreshTokens.slice(-4).join(', ')})
        </div>
      )}
      <RefreshEvents events={lineage.refreshes} sentences={lineage.refreshSummary.sentences} nowMs={nowMs} />
    </details>
  );
}

/** The gaps that start after token `i` began and before the next one did: shown right after it. */
function gapsAfter(lineage: Lineage, i: number): Gap[] {
  const start = (t: LineageToken) => t.issuedAtMs ?? t.firstSeenMs;
  const next = lineage.tokens[i + 1];
  return lineage.gaps.filter((g) => g.fromMs >= start(lineage.tokens[i]) && (next === undefined || g.fromMs < start(next)));
}

interface StepProps {
  token: LineageToken;
  nowMs: number;
  gaps: Gap[];
  /** The token request that issued this token, when the panel saw it. */
  issuedBy?: RefreshEvent;
  /** The token request that replaced this token, when known. */
  replacing?: RefreshEvent;
}

function TokenStep({ token, nowMs, gaps, issuedBy, replacing }: StepProps) {
  return (
    <li className="lineage-step">
      <div data-testid="lineage-token" data-fingerprint={token.fingerprint} data-lifetime-seconds={token.lifetimeSeconds ?? ''}>
        <code>{token.fingerprint}</code> issued {clockTime(token.issuedAtMs ?? token.firstSeenMs, nowMs)}
        {token.issuedAtMs === undefined && ' (first seen)'}
        {issuedBy && (
          <>
            {' '}
            via <code>{issuedBy.grantType}</code>
          </>
        )}{' '}
        ·{' '}
        {token.expiresAtMs === undefined
          ? 'expiry unknown'
          : `${token.expiresAtMs > nowMs ? 'expires' : 'expired'} ${clockTime(token.expiresAtMs, nowMs)} (${formatRelative(token.expiresAtMs / 1000, nowMs)})`}{' '}
        · lifetime {token.lifetimeSeconds === undefined ? 'unknown' : formatDuration(token.lifetimeSeconds)}
        {token.changes.length > 0 && (
          <ul className="claim-changes" data-testid="claim-diff">
            {token.changes.map((c) => (
              <li key={c.claim} className={c.shrank ? 'warn' : undefined}>
                {c.words}
              </li>
            ))}
          </ul>
        )}
        {token.clockNote && <div className="warn">{token.clockNote}</div>}
        {token.replacedBy && (
          <div className="muted">
            Replaced by <code>{token.replacedBy.fingerprint}</code>
            {replacing && ` from a ${replacing.grantType} request at ${clockTime(replacing.at, nowMs)}`}.
          </div>
        )}
      </div>
      {gaps.map((g) => (
        <div key={g.fromMs} className="lineage-gap warn" data-testid="lineage-gap">
          {g.open
            ? `No valid token since ${clockTime(g.fromMs, nowMs)} (${formatDuration((nowMs - g.fromMs) / 1000)}): the newest expired and nothing replaced it.`
            : `No valid token for ${formatDuration((g.toMs - g.fromMs) / 1000)} (${clockTime(g.fromMs, nowMs)} → ${clockTime(g.toMs, nowMs)}).`}
        </div>
      ))}
    </li>
  );
}

const failed = (e: RefreshEvent) => e.error !== undefined || e.status < 200 || e.status >= 300;

function RefreshEvents({ events, sentences, nowMs }: { events: RefreshEvent[]; sentences: string[]; nowMs: number }) {
  if (events.length === 0) return <p className="muted">No token request has replaced one of these tokens yet.</p>;
  return (
    <>
      <div className="muted">The page’s token requests for these tokens:</div>
      <ul className="refresh-events">
        {events.map((e) => (
          <li
            key={e.requestId}
            className={failed(e) ? 'bad' : undefined}
            data-testid={failed(e) ? 'token-request-error' : 'refresh-event'}
            data-grant-type={e.grantType}
            data-lead-seconds={e.leadSeconds ?? ''}
            data-resource-sent={String(e.resourceSent)}
            data-refresh-rotated={e.refreshRotated === undefined ? '' : String(e.refreshRotated)}
            data-status={e.status}
          >
            {clockTime(e.at, nowMs)} <code>{e.grantType}</code> → {e.status === 0 ? 'no answer' : e.status}
            {requestWords(e)}
            {e.error && (
              <div>
                <code>{e.error.code}</code>: {e.error.words}
                {e.error.description && <> The server said: “{e.error.description}”</>}
              </div>
            )}
          </li>
        ))}
      </ul>
      {sentences.length > 0 && (
        <p className="refresh-summary" data-testid="refresh-summary">
          In short: {sentences.join('; ')}.
        </p>
      )}
    </>
  );
}

/** ", 4 s before expiry, refresh token rotated, resource sent (…)". */
function requestWords(e: RefreshEvent): string {
  const words: string[] = [];
  if (e.leadSeconds !== undefined)
    words.push(e.leadSeconds >= 0 ? `${formatDuration(e.leadSeconds)} before expiry` : `${formatDuration(e.leadSeconds)} after the token expired`);
  if (e.refreshRotated !== undefined) words.push(e.refreshRotated ? 'refresh token rotated' : 'same refresh token kept');
  words.push(e.resourceSent ? `resource sent (${e.resources.join(', ')})` : 'no resource sent');
  if (e.offlineAccessRequested) words.push('asked for offline_access');
  return `, ${words.join(', ')}`;
}
