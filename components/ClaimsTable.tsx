import { CLAIM_DESCRIPTIONS } from '../utils/tokens/claimDescriptions';
import { formatLocal, formatRelative, formatUtc } from '../utils/tokens/expiry';
import { isTimeClaim, looksLikeMilliseconds } from '../utils/tokens/timeClaims';

/**
 * One row per claim; values are rendered as text (React escapes), never as HTML. Claim names come
 * from the token, so they are only ever read as own properties and looked up in Maps: "__proto__"
 * or "constructor" is a claim like any other.
 */
export function ClaimsTable({ claims, nowMs }: { claims: Record<string, unknown>; nowMs: number }) {
  const entries = Object.entries(claims);
  if (entries.length === 0) return <p className="muted">The payload is an empty JSON object.</p>;
  return (
    <table className="claims">
      <tbody>
        {entries.map(([name, value]) => {
          const json = JSON.stringify(value) ?? 'null';
          const description = CLAIM_DESCRIPTIONS.get(name);
          return (
            <tr key={name} data-claim={name} data-value={json}>
              <th scope="row" title={description}>
                {name}
              </th>
              <td>
                <code className="claim-value">{typeof value === 'string' ? value : json}</code>
                {description && <div className="muted small">{description}</div>}
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
