/** The demo portal's single page: signs in through the token endpoint, then calls its API with the token. */
export function portalPage(opts: { defaultTtl: number }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Demo MCP Portal</title>
<script>
// The OAuth callback, as real ones do it: the page's FIRST script exchanges ?code= for tokens and
// cleans the URL with history.replaceState the moment it has them — before DevTools has handed the
// finished request to extensions, and DevTools drops response bodies when the page's URL changes.
window.demoCallback = (function () {
  var code = new URLSearchParams(location.search).get('code');
  if (!code) return null;
  var body = new URLSearchParams({ grant_type: 'authorization_code', code: code, redirect_uri: location.origin + '/callback', resource: location.origin + '/mcp' });
  return fetch('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body })
    .then(function (res) { return res.json(); })
    .then(function (tokens) { history.replaceState(null, '', '/'); return tokens; });
})();
</script>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; background: #f6f6f6; color: #222; }
  header { background: #f38020; color: white; padding: 12px 24px; }
  header h1 { margin: 0; font-size: 18px; }
  main { max-width: 720px; margin: 24px auto; background: white; padding: 20px 24px; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  button { font: inherit; padding: 6px 14px; margin: 4px 6px 4px 0; border-radius: 4px; border: 1px solid #bbb; background: #fff; cursor: pointer; }
  button.primary { background: #f38020; color: white; border-color: #d76b10; }
  #status { margin-top: 12px; padding: 10px; background: #f3f3f3; border-radius: 4px; white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 12px; }
  .hint { color: #666; font-size: 13px; }
</style>
</head>
<body>
<header><h1>Demo MCP Portal</h1></header>
<main>
  <p>A local stand-in for a Cloudflare MCP server portal behind Access/OAuth. Open DevTools → <b>MCP Tokens</b>, then sign in.</p>
  <p>
    <button class="primary" id="signin-jwt">Sign in (JWT access token)</button>
    <button class="primary" id="signin-opaque">Sign in (opaque token + refresh)</button>
    <button id="signin-redirect">Sign in again (OAuth redirect)</button>
  </p>
  <p>
    <button id="call-api">Call API</button>
    <button id="call-mcp">List tools (/mcp)</button>
    <button id="refresh">Use refresh token</button>
  </p>
  <p class="hint">Access tokens live ${opts.defaultTtl} s (set with <code>DEMO_TOKEN_TTL</code>). Sign-in also sets a <code>CF_Authorization</code> cookie.</p>
  <div id="status" role="status">Signed out.</div>
</main>
<script>
(() => {
  const state = { tokens: null };
  const status = document.getElementById('status');
  const show = (text) => { status.textContent = text; };

  async function signIn(kind = 'jwt', ttl, opts = {}) {
    // Like a real OAuth callback: the code sits in the URL until the token exchange, then the page
    // cleans the URL with history.replaceState (which is when DevTools may drop response bodies).
    history.replaceState(null, '', '/callback?code=demo-' + Math.random().toString(36).slice(2));
    const body = new URLSearchParams({ grant_type: 'password', username: 'demo', kind });
    if (ttl) body.set('ttl', String(ttl));
    const res = await fetch('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, credentials: 'same-origin' });
    const tokens = await res.json();
    if (opts.keepCallbackUrl !== true) history.replaceState(null, '', '/');
    if (!res.ok) { show('Sign-in failed: ' + (tokens.error_description || res.status)); return tokens; }
    state.tokens = tokens;
    show('Signed in (' + kind + ' access token, expires in ' + tokens.expires_in + ' s' + (tokens.refresh_token ? ', refresh token issued' : '') + ').');
    await callApi();
    return tokens;
  }

  async function callApi() {
    if (!state.tokens) { show('Sign in first.'); return null; }
    const res = await fetch('/api/me', { headers: { Authorization: 'Bearer ' + state.tokens.access_token } });
    const body = await res.json().catch(() => ({}));
    show(status.textContent.split('\\n')[0] + '\\nGET /api/me → ' + res.status + ' ' + JSON.stringify(body));
    return { status: res.status, body };
  }

  async function listTools(path = '/mcp') {
    if (!state.tokens) { show('Sign in first.'); return null; }
    const res = await fetch(path, {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + state.tokens.access_token, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'demo-portal-page', version: '1.0.0' } } }),
    });
    show(status.textContent.split('\\n')[0] + '\\nPOST ' + path + ' → ' + res.status);
    return { status: res.status };
  }

  async function refresh() {
    if (!state.tokens || !state.tokens.refresh_token) { show('No refresh token: sign in with the opaque flow.'); return null; }
    const res = await fetch('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: state.tokens.refresh_token }) });
    const tokens = await res.json();
    if (res.ok) { state.tokens = tokens; show('Refreshed: new access token, expires in ' + tokens.expires_in + ' s.'); await callApi(); }
    else show('Refresh failed: ' + (tokens.error_description || res.status));
    return tokens;
  }

  if (window.demoCallback) {
    window.demoCallback.then((tokens) => {
      if (!tokens.access_token) { show('Sign-in failed: ' + (tokens.error_description || 'no token')); return; }
      state.tokens = tokens;
      show('Signed in through the OAuth redirect (expires in ' + tokens.expires_in + ' s' + (tokens.refresh_token ? ', refresh token issued' : '') + ').');
      callApi();
    });
  }
  document.getElementById('signin-redirect').onclick = () => { location.href = '/authorize?kind=opaque'; };
  document.getElementById('signin-jwt').onclick = () => signIn('jwt');
  document.getElementById('signin-opaque').onclick = () => signIn('opaque');
  document.getElementById('call-api').onclick = () => callApi();
  document.getElementById('call-mcp').onclick = () => listTools('/mcp');
  document.getElementById('refresh').onclick = () => refresh();
  // Access-style login whose session cookie only ever appears in the Set-Cookie header.
  async function accessLogin() {
    const res = await fetch('/cdn-cgi/access/login', { method: 'POST' });
    show('Access session cookie set (HttpOnly, ' + res.status + ').');
    return res.status;
  }

  window.demoPortal = { signIn, callApi, listTools, refresh, accessLogin };
})();
</script>
</body>
</html>`;
}
