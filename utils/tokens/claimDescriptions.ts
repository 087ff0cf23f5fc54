// Maps, not object literals: claim names come from the token, and "__proto__" or "constructor"
// must find nothing here rather than Object.prototype's members.

/** What registered JWT / OIDC / Cloudflare Access claims mean, shown beside their values. */
export const CLAIM_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
  ['iss', 'issuer: who created and signed the token'],
  ['sub', 'subject: the user or client the token is about'],
  ['aud', 'audience: who the token is meant for; other servers must reject it'],
  ['exp', 'expires at'],
  ['nbf', 'not valid before'],
  ['iat', 'issued at'],
  ['jti', 'token ID, unique per token'],
  ['auth_time', 'when the user authenticated'],
  ['azp', 'authorized party: the client the token was issued to'],
  ['scope', 'scopes granted'],
  ['scp', 'scopes granted'],
  ['client_id', 'OAuth client the token was issued to'],
  ['email', 'e-mail of the user'],
  ['name', 'display name of the user'],
  ['nonce', 'value binding the token to a sign-in request'],
  ['sid', 'session ID at the issuer'],
  ['type', 'Cloudflare Access token type (app or org)'],
  ['identity_nonce', 'Cloudflare Access: key to fetch the full identity'],
  ['country', 'country the user signed in from'],
  ['cnf', 'confirmation key: the token is bound to a key (DPoP / mTLS)'],
]);

export const HEADER_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
  ['alg', 'signing algorithm'],
  ['kid', 'ID of the signing key in the issuer JWKS'],
  ['typ', 'media type of the token'],
  ['enc', 'content encryption algorithm'],
  ['cty', 'content type of the payload'],
]);
