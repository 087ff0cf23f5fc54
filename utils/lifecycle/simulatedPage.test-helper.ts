// A page's own OAuth client, recorded through the real capture path (HAR entries → CaptureSession),
// so the lifecycle tests run on the rows and token requests the panel really gets.
import { harEntry } from '../../test-support/har';
import { CaptureSession } from '../capture/captureSession';
import { tokenFingerprint } from '../tokens/fingerprint';

export const ORIGIN = 'https://portal.example.com';
export const TOKEN_ENDPOINT = `${ORIGIN}/oauth/token`;
export const T0 = Date.parse('2026-11-26T12:00:00.000Z');
export const seconds = (ms: number) => Math.floor(ms / 1000);
export const fp = tokenFingerprint;

type Params = Record<string, string | string[]>;

export class SimulatedPage {
  readonly session = new CaptureSession();

  /** A token request (form by default) and its response body; `status` defaults to 200. */
  tokenRequest(atMs: number, params: Params, response: unknown, opts: { format?: 'form' | 'json'; status?: number; endpoint?: string } = {}): void {
    const format = opts.format ?? 'form';
    const text = format === 'json' ? JSON.stringify(params) : formBody(params);
    const entry = harEntry({
      method: 'POST',
      url: opts.endpoint ?? TOKEN_ENDPOINT,
      startedDateTime: new Date(atMs).toISOString(),
      status: opts.status ?? 200,
      postData: { mimeType: format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded', text },
    });
    this.session.ingest(entry, response === undefined ? undefined : JSON.stringify(response));
  }

  /** The page sends `token` as a bearer to `url`. */
  use(token: string, atMs: number, url = `${ORIGIN}/mcp`): void {
    this.session.ingest(harEntry({ method: 'POST', url, startedDateTime: new Date(atMs).toISOString(), requestHeaders: { Authorization: `Bearer ${token}` } }));
  }

  get rows() {
    return this.session.ledger.all();
  }

  get requests() {
    return this.session.tokenRequests;
  }
}

function formBody(params: Params): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body.toString();
}
