import { CLAIM_DESCRIPTIONS } from '../utils/claimDescriptions';
import { formatLocal, formatRelative, formatUtc } from '../utils/expiry';
import { isTimeClaim, looksLikeMilliseconds } from '../utils/timeClaims';

/** One row per claim; values are rendered as text (React escapes), never as HTML. */
export function ClaimsTable({ claims, nowMs }: { claims: Record<string, unknown>; nowMs: number }) {
  const names = Object.keys(claims);
  if (names.length === 0) return <p className="muted">The payload is an empty JSON object.</p>;
  return (
    <table className="claims">
      <tbody>
        {names.map((name) => {
          const value = claims[name];
          const json = JSON.stringify(value) ?? 'null';
          return (
            <tr key={name} data-claim={name} data-value={json}>
              <th scope="row" title={CLAIM_DESCRIPTIONS[name]}>
                {name}
              </th>
              <td>
                <code className="claim-value">{typeof value === 'string' ? value : json}</code>
                {CLAIM_DESCRIPTIONS[name] && <div className="muted small">{CLAIM_DESCRIPTIONS[name]}</div>}
                {isTimeClaim(name) && typeof value === 'number' && <TimeExplanation seconds={value} nowMs={nowMs} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TimeExplanation({ seconds, nowMs }: { seconds: number; nowMs: number }) {
  if (looksLikeMilliseconds(seconds)) {
    return (
      <div className="warn small">
        Looks like milliseconds: read as milliseconds it is {formatUtc(seconds / 1000)}, but servers read seconds, so to them it is the far future.
      </div>
    );
  }
  return (
    <div className="small time-explained">
      {formatLocal(seconds)} · {formatUtc(seconds)} · <strong>{formatRelative(seconds, nowMs)}</strong>
    </div>
  );
}
