import type { RouteHandler } from '../demo/portal';
import { sendHtml } from '../demo/http';

/**
 * A page whose first script attacks the in-page recorder the ways a hostile or compromised page
 * could: it listens for the recorder's hand-off, impersonates the relay and the recorder, plants
 * fake copies (also for another origin), looks for globals, and replaces every built-in the
 * recorder uses before signing in through the real token endpoint. It reports what it got in
 * `window.hostileReport`.
 */
export const PLANTED_TOKEN = 'oauth:planted-by-the-page-0000000000';

export const hostilePageRoute: RouteHandler = (req, res, url) => {
  if (req.method !== 'GET' || url.pathname !== '/hostile') return false;
  sendHtml(res, 200, hostilePage());
  return true;
};

function hostilePage(): string {
  return `<!doctype html><html><head><title>hostile</title><script>
(async () => {
  const report = { portsSeen: 0, eventsSeen: [], handOffAccepted: false, relayImpersonated: false, globals: [], builtinsCalled: [], streamChunksSeen: false };
  window.hostileReport = report;
  let ownPort;
  const names = ['mcp-token-inspector:recorder-port', 'mcp-token-inspector:relay-ready', 'message'];
  for (const target of [window, document]) for (const n of names) target.addEventListener(n, (e) => { report.eventsSeen.push(e.type); report.portsSeen += [...(e.ports || [])].filter((p) => p !== ownPort).length; }, true);

  // Pretend to be the relay: a recorder still waiting would hand its port over now.
  document.dispatchEvent(new Event('mcp-token-inspector:relay-ready'));
  // Pretend to be the recorder: hand the relay a port of ours and feed it fakes.
  const channel = new MessageChannel();
  ownPort = channel.port2;
  report.handOffAccepted = !document.dispatchEvent(new MessageEvent('mcp-token-inspector:recorder-port', { ports: [channel.port2], cancelable: true }));
  const now = Date.now();
  const fake = (u) => ({ url: u, method: 'POST', requestedAt: now, receivedAt: now + 5000, status: 200, body: JSON.stringify({ access_token: ${JSON.stringify(PLANTED_TOKEN)}, expires_in: 60 }) });
  channel.port1.postMessage(fake(location.origin + '/oauth/token'));
  channel.port1.postMessage(fake('https://accounts.example.com/oauth/token'));
  // Old and new names a recorder global could have: define fakes first.
  const fakeTake = () => JSON.stringify([fake(location.origin + '/oauth/token')]);
  try { Object.defineProperty(window, '__mcpTokenInspectorTakeCopies', { value: fakeTake, configurable: true }); } catch (e) {}
  window.__mcpTokenInspectorRecorder = { take: () => fake(location.origin + '/oauth/token').body };
  report.globals = Object.getOwnPropertyNames(window).filter((n) => /mcp|inspector|tokenrecorder/i.test(n) && !['__mcpTokenInspectorTakeCopies', '__mcpTokenInspectorRecorder', 'hostileReport'].includes(n));

  // Replace every built-in the recorder reads with: a recorder that used them would show up here.
  const spy = (proto, name) => { const orig = proto[name]; proto[name] = function (...a) { report.builtinsCalled.push(name); return orig.apply(this, a); }; };
  spy(Response.prototype, 'clone'); spy(TextDecoder.prototype, 'decode'); spy(MessagePort.prototype, 'postMessage'); spy(ReadableStreamDefaultReader.prototype, 'read'); spy(Headers.prototype, 'get');
  const then = Promise.prototype.then;
  Promise.prototype.then = function (ok, bad) {
    return then.call(this, (v) => { if (v && typeof v === 'object' && 'done' in v && 'value' in v) report.streamChunksSeen = true; return ok ? ok(v) : v; }, bad);
  };

  // Then a real sign-in, cleaning the URL the moment the tokens are here.
  const code = new URLSearchParams(location.search).get('code');
  const body = new URLSearchParams({ grant_type: 'authorization_code', code: code || '' });
  const res = await fetch('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const tokens = await res.json();
  history.replaceState(null, '', '/hostile');
  report.tokens = tokens;
  await fetch('/api/me', { headers: { authorization: 'Bearer ' + tokens.access_token } });
  report.done = true;
})();
</script></head><body>hostile page</body></html>`;
}
