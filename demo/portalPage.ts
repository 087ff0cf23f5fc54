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

/**
 * A page whose own OAuth client keeps itself signed in, as an MCP web client does: it signs in
 * through the authorization code redirect, then refreshes `lead` seconds before each access token
 * expires (grant_type=refresh_token with the rotated refresh token), and uses every fresh access
 * token once against /mcp. Query parameters:
 * - `ttl` access token lifetime in seconds; `lead` seconds before expiry to refresh;
 * - `tokens` stop after this many access tokens (0: keep going);
 * - `resource=1` send RFC 8707 `resource=<origin>/mcp`; `offline=1` ask for `offline_access`;
 * - `kind=opaque` opaque access tokens instead of JWTs; `format=json` JSON request bodies instead of forms;
 * - `replay=1` once done, send an already used refresh token again (the server answers `invalid_grant`).
 * The page shows its progress and exposes it for tests: `body[data-tokens]` counts the access tokens
 * received, `body[data-state]` is `signing-in`, `running`, `done` or `failed`, and
 * `window.autoRefresh.tokens` lists what each token response issued.
 */
export function autoRefreshPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Demo MCP client: auto refresh</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; background: #f6f6f6; color: #222; }
  header { background: #f38020; color: white; padding: 12px 24px; }
  header h1 { margin: 0; font-size: 18px; }
  main { max-width: 720px; margin: 24px auto; background: white; padding: 20px 24px; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  #status { padding: 10px; background: #f3f3f3; border-radius: 4px; font-family: ui-monospace, monospace; font-size: 13px; }
  #log { font-family: ui-monospace, monospace; font-size: 12px; }
  .hint { color: #666; font-size: 13px; }
</style>
</head>
<body data-tokens="0" data-state="signing-in">
<header><h1>Demo MCP client: auto refresh</h1></header>
<main>
  <p>This page's OAuth client signs in, refreshes its access token before it expires and calls the MCP endpoint with each new one. Open DevTools → <b>MCP Tokens</b> → <b>Lifecycle</b> to watch it.</p>
  <p class="hint" id="settings"></p>
  <p id="status" role="status">Signing in…</p>
  <ol id="log"></ol>
</main>
<script>
(() => {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  // The settings travel through the sign-in redirect in OAuth's state parameter.
  const settings = new URLSearchParams(code ? query.get('state') || '' : location.search);
  const num = (name, fallback, min, max) => {
    const n = Number(settings.get(name));
    return settings.has(name) && Number.isFinite(n) && n >= min && n <= max ? n : fallback;
  };
  const ttl = Math.floor(num('ttl', 12, 2, 86400));
  const lead = num('lead', 4, 0, ttl - 1);
  const maxTokens = Math.floor(num('tokens', 0, 0, 100000));
  const kind = settings.get('kind') === 'opaque' ? 'opaque' : 'jwt';
  const sendResource = settings.get('resource') === '1';
  const offline = settings.get('offline') === '1';
  const json = settings.get('format') === 'json';
  const replay = settings.get('replay') === '1';
  const mcp = location.origin + '/mcp';
  const status = document.getElementById('status');
  const log = document.getElementById('log');
  const tokens = [];
  const usedRefreshTokens = [];
  let refreshToken = null;
  let nextAt = 0;

  document.getElementById('settings').textContent =
    'Access tokens live ' + ttl + ' s; refresh ' + lead + ' s before expiry' + (maxTokens ? '; stop after ' + maxTokens + ' tokens' : '') +
    '; resource ' + (sendResource ? 'sent' : 'not sent') + '; offline_access ' + (offline ? 'asked for' : 'not asked for') + '; ' + (json ? 'JSON' : 'form') + ' bodies.';

  const setState = (state) => { document.body.dataset.state = state; };
  const line = (text) => { const li = document.createElement('li'); li.textContent = text; log.append(li); };
  const showStatus = (text) => {
    const left = nextAt ? Math.max(0, Math.round((nextAt - Date.now()) / 1000)) : 0;
    status.textContent = tokens.length + ' access token' + (tokens.length === 1 ? '' : 's') + ' so far' + (text ? ' · ' + text : nextAt ? ' · next refresh in ' + left + ' s' : '');
  };
  setInterval(() => { if (document.body.dataset.state === 'running') showStatus(); }, 1000);

  // When the access token expires: a JWT says so itself; an opaque token's expiry is the request time + expires_in.
  function expiresAtMs(accessToken, requestedAt, expiresIn) {
    const parts = accessToken.split('.');
    if (parts.length === 3) {
      try {
        const exp = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))).exp;
        if (typeof exp === 'number') return exp * 1000;
      } catch (e) { /* not a JWT after all */ }
    }
    return requestedAt + expiresIn * 1000;
  }

  async function tokenRequest(params) {
    if (sendResource) params.resource = mcp;
    if (offline) params.scope = 'mcp:tools offline_access';
    const init = json
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) }
      : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) };
    const requestedAt = Date.now();
    const res = await fetch('/oauth/token', init);
    const body = await res.json().catch(() => ({}));
    return { res, body, requestedAt };
  }

  // Uses the token once, as the client's next MCP call would, and ends the session it opened.
  async function useAtMcp(accessToken) {
    const headers = { Authorization: 'Bearer ' + accessToken, 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const res = await fetch(mcp, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'demo-auto-refresh', version: '1.0.0' } } }),
    });
    const session = res.headers.get('mcp-session-id');
    await res.text().catch(() => '');
    if (session) await fetch(mcp, { method: 'DELETE', headers: { Authorization: headers.Authorization, 'mcp-session-id': session } }).catch(() => undefined);
    return res.status;
  }

  async function received(grantType, { res, body, requestedAt }) {
    if (!res.ok || typeof body.access_token !== 'string') {
      setState('failed');
      showStatus(grantType + ' failed: ' + res.status + ' ' + (body.error || '') + (body.error_description ? ' (' + body.error_description + ')' : ''));
      line(grantType + ' → ' + res.status + ' ' + (body.error || ''));
      return;
    }
    const expiresAt = expiresAtMs(body.access_token, requestedAt, Number(body.expires_in));
    const token = { access: body.access_token, refresh: body.refresh_token, expiresIn: body.expires_in, grantType, requestedAt, expiresAt, mcpStatus: 0 };
    tokens.push(token);
    if (refreshToken) usedRefreshTokens.push(refreshToken);
    refreshToken = body.refresh_token || null;
    token.mcpStatus = await useAtMcp(body.access_token);
    line('#' + tokens.length + ' ' + grantType + ' → expires ' + new Date(expiresAt).toLocaleTimeString() + ' (' + body.expires_in + ' s)' + (body.refresh_token ? ', new refresh token' : '') + ' · POST /mcp → ' + token.mcpStatus);
    document.body.dataset.tokens = String(tokens.length);
    if (maxTokens && tokens.length >= maxTokens) return finish();
    if (!refreshToken) {
      setState('failed');
      showStatus('no refresh token: the client must sign in again');
      return;
    }
    nextAt = expiresAt - lead * 1000;
    setState('running');
    showStatus();
    setTimeout(refresh, Math.max(0, nextAt - Date.now()));
  }

  async function refresh() {
    showStatus('refreshing…');
    await received('refresh_token', await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }));
  }

  async function finish() {
    nextAt = 0;
    if (replay && usedRefreshTokens.length > 0) {
      // A client bug worth seeing in the panel: reusing a refresh token that already rotated.
      const { res, body } = await tokenRequest({ grant_type: 'refresh_token', refresh_token: usedRefreshTokens[0] });
      line('refresh_token with a used refresh token → ' + res.status + ' ' + (body.error || ''));
    }
    setState('done');
    showStatus('done');
  }

  window.autoRefresh = { tokens, settings: { ttl, lead, maxTokens, kind, sendResource, offline, json, replay } };

  if (!code) {
    const authorize = new URLSearchParams({ kind, ttl: String(ttl), callback: location.pathname, state: settings.toString() });
    if (sendResource) authorize.set('resource', mcp);
    location.replace('/authorize?' + authorize);
    return;
  }
  tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: location.origin + location.pathname }).then((result) => {
    // A real callback cleans the code out of the URL once it has its tokens.
    history.replaceState(null, '', location.pathname + '?' + settings);
    return received('authorization_code', result);
  });
})();
</script>
</body>
</html>`;
}
