/** JWT NumericDate claims (RFC 7519 §4.1) plus the common OIDC ones. */
export const TIME_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time', 'updated_at'] as const;

/** Past this a NumericDate is in the year 5138: the issuer almost certainly wrote milliseconds. */
const MILLISECONDS_THRESHOLD = 100_000_000_000;

export function looksLikeMilliseconds(value: number): boolean {
  return value > MILLISECONDS_THRESHOLD;
}

export function isTimeClaim(name: string): boolean {
  return (TIME_CLAIMS as readonly string[]).includes(name);
}

/** Warnings for time claims that a server would misread. */
export function timeClaimWarnings(claims: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const own = (name: string) => (Object.hasOwn(claims, name) ? claims[name] : undefined);
  for (const name of TIME_CLAIMS) {
    if (!Object.hasOwn(claims, name)) continue;
    const value = claims[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      if (name !== 'updated_at') warnings.push(`"${name}" is not a number, so servers cannot use it as a time (RFC 7519 NumericDate).`);
      continue;
    }
    if (looksLikeMilliseconds(value)) {
      warnings.push(`"${name}" looks like milliseconds (${value}); JWT times are seconds since 1970, so servers will read it as the year ${yearOf(value)}.`);
    }
  }
  const [exp, iat, nbf] = [own('exp'), own('iat'), own('nbf')];
  if (typeof exp === 'number' && typeof iat === 'number' && exp < iat)
    warnings.push('"exp" is earlier than "iat": the token was already expired when it was issued.');
  if (typeof exp === 'number' && typeof nbf === 'number' && exp <= nbf) warnings.push('"exp" is not after "nbf": the token is never valid.');
  return warnings;
}

function yearOf(seconds: number): string {
  const year = new Date(Math.min(seconds * 1000, 8.64e15)).getUTCFullYear();
  return Number.isFinite(year) ? String(year) : 'far future';
}
