import { randomBytes } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, type JWK } from 'jose';

export type AccessKind = 'jwt' | 'opaque';

export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

interface OpaqueGrant {
  sub: string;
  exp: number;
  aud: string;
}

/** Verdict on a presented access token, with the RFC 6750 error a resource server would send. */
export type TokenCheck = { ok: true; sub: string; exp: number } | { ok: false; error: 'invalid_token'; description: string; expiredAt?: number };

/**
 * The demo portal's authorization server: RS256 JWT access tokens (JWKS published), opaque
 * `oauth:` access tokens with rotating refresh tokens (as Cloudflare Access managed OAuth does),
 * and a `CF_Authorization`-style cookie JWT.
 */
export class TokenIssuer {
  private readonly opaque = new Map<string, OpaqueGrant>();
  private readonly refresh = new Map<string, { sub: string; kind: AccessKind; ttl: number; aud: string }>();
  /** RFC 8707 resources a token may be issued for; the portal's own `/mcp` by default, demo routes add theirs. */
  private readonly resources = new Set<string>();
  private readonly keys = generateKeyPair('RS256', { extractable: true });
  private readonly kid = `demo-${randomBytes(4).toString('hex')}`;
  /** The Access application's audience tag, carried in the CF_Authorization JWT's "aud". */
  readonly accessAud = randomBytes(16).toString('hex');

  constructor(
    readonly issuer: string,
    readonly defaultTtlSeconds: number,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.resources.add(this.defaultResource);
  }

  /** The portal's MCP endpoint: the audience of every token issued without an RFC 8707 `resource`. */
  get defaultResource(): string {
    return `${this.issuer}/mcp`;
  }

  addResource(resource: string): void {
    this.resources.add(resource);
  }

  isKnownResource(resource: string): boolean {
    return this.resources.has(resource);
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK((await this.keys).publicKey);
    return { keys: [{ ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  async issue(kind: AccessKind, sub: string, ttl = this.defaultTtlSeconds, aud = this.defaultResource): Promise<IssuedTokens> {
    const base = { token_type: 'Bearer' as const, expires_in: ttl, scope: 'mcp:tools' };
    // Both kinds come with a rotating refresh token, as a spec-following authorization server issues them.
    const refresh = `oauth:rt_${randomBytes(24).toString('base64url')}`;
    this.refresh.set(refresh, { sub, kind, ttl, aud });
    if (kind === 'jwt') {
      return { ...base, access_token: await this.signJwt({ sub, email: `${sub}@example.com`, scope: 'mcp:tools', aud: [aud] }, ttl), refresh_token: refresh };
    }
    const access = `oauth:${randomBytes(24).toString('base64url')}`;
    this.opaque.set(access, { sub, exp: this.now() + ttl, aud });
    return { ...base, access_token: access, refresh_token: refresh };
  }

  /** Refresh tokens rotate: the old one stops working the moment it is used. */
  async refreshWith(refreshToken: string): Promise<IssuedTokens | undefined> {
    const grant = this.refresh.get(refreshToken);
    if (!grant) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(grant.kind, grant.sub, grant.ttl, grant.aud);
  }

  /** The Cloudflare Access session cookie: an RS256 JWT with the claims Access puts in it. */
  async accessCookie(sub: string, ttl: number): Promise<string> {
    return this.signJwt(
      { sub, email: `${sub}@example.com`, type: 'app', identity_nonce: randomBytes(8).toString('hex'), country: 'NL', aud: [this.accessAud] },
      ttl,
    );
  }

  /** What Cloudflare Access does with a `cf-access-token` header: verify the app's CF_Authorization JWT. */
  async checkAccessJwt(token: string): Promise<TokenCheck> {
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(await this.jwks()), {
        issuer: this.issuer,
        audience: this.accessAud,
        currentDate: new Date(this.now() * 1000),
      });
      return { ok: true, sub: String(payload.sub), exp: Number(payload.exp) };
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      return { ok: false, error: 'invalid_token', description: expired ? 'The Access session expired' : 'The Access token is not valid for this application' };
    }
  }

  /** Accepts a token only if it was issued for one of `audiences` (RFC 8707). */
  async check(token: string, audiences: string[] = [this.defaultResource]): Promise<TokenCheck> {
    const grant = this.opaque.get(token);
    if (grant) {
      if (grant.exp <= this.now()) return { ok: false, error: 'invalid_token', description: 'The access token expired', expiredAt: grant.exp };
      if (!audiences.includes(grant.aud)) return { ok: false, error: 'invalid_token', description: 'The access token is not valid here' };
      return { ok: true, sub: grant.sub, exp: grant.exp };
    }
    if (!token.startsWith('eyJ')) return { ok: false, error: 'invalid_token', description: 'Unknown access token' };
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(await this.jwks()), {
        issuer: this.issuer,
        audience: audiences,
        currentDate: new Date(this.now() * 1000),
      });
      return { ok: true, sub: String(payload.sub), exp: Number(payload.exp) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') {
        const exp = Number((error as { payload?: { exp?: number } }).payload?.exp);
        return { ok: false, error: 'invalid_token', description: 'The access token expired', expiredAt: exp };
      }
      return { ok: false, error: 'invalid_token', description: 'The access token is not valid here' };
    }
  }

  private async signJwt(claims: Record<string, unknown>, ttl: number): Promise<string> {
    const iat = this.now();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + ttl)
      .sign((await this.keys).privateKey);
  }
}
