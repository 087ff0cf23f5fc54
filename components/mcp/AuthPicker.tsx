import type { TokenChoice } from '../../utils/mcp/chooseToken';
import type { TokenRow } from '../../utils/capture/tokenLedger';
import { tokenLabel } from '../../utils/tokens/tokenTiming';

interface Props {
  rows: TokenRow[];
  choice: TokenChoice;
  reason: string;
  chosen?: TokenRow;
  extraHeadersText: string;
  onChoice(choice: TokenChoice): void;
  onExtraHeaders(text: string): void;
}

const encode = (c: TokenChoice) => (c.mode === 'token' ? `token:${c.fingerprint}` : c.mode);
const decode = (v: string): TokenChoice =>
  v.startsWith('token:') ? { mode: 'token', fingerprint: v.slice(6) } : v === 'none' ? { mode: 'none' } : { mode: 'auto' };

/** Which credentials go to the target: presets for the two worlds (portal with a token, worker without). */
export function AuthPicker({ rows, choice, reason, chosen, extraHeadersText, onChoice, onExtraHeaders }: Props) {
  return (
    <div className="auth-picker">
      <div className="presets" role="group" aria-label="Preset">
        <button type="button" data-testid="preset-portal" aria-pressed={choice.mode !== 'none'} onClick={() => onChoice({ mode: 'auto' })}>
          Portal: send a captured token
        </button>
        <button type="button" data-testid="preset-worker" aria-pressed={choice.mode === 'none'} onClick={() => onChoice({ mode: 'none' })}>
          Worker: no token
        </button>
      </div>
      <label className="grow">
        <span className="field-label">Token</span>
        <select data-testid="auth-token" value={encode(choice)} onChange={(e) => onChoice(decode(e.target.value))}>
          <option value="auto">Auto: freshest token the page used with this server</option>
          <option value="none">No token</option>
          {rows
            .filter((r) => r.decoded.kind !== 'malformed')
            .map((r) => (
              <option key={r.fingerprint} value={`token:${r.fingerprint}`}>
                {tokenLabel(r)} · {r.decoded.kind} · {r.fingerprint} · {r.origins.at(-1)}
              </option>
            ))}
        </select>
        <span className="muted small" data-testid="auth-reason">
          {chosen ? `Sending ${tokenLabel(chosen)} ${chosen.fingerprint}. ` : ''}
          {reason}
        </span>
      </label>
      <label className="grow">
        <span className="field-label">Extra headers (one "Name: value" per line; kept in memory only)</span>
        <textarea
          data-testid="extra-headers"
          rows={2}
          spellCheck={false}
          placeholder={'CF-Access-Client-Id: …\nCF-Access-Client-Secret: …'}
          value={extraHeadersText}
          onChange={(e) => onExtraHeaders(e.target.value)}
        />
      </label>
    </div>
  );
}
