/**
 * Stands in for the SDK's client OAuth module in the extension's bundles (wxt.config.ts aliases the
 * transports' `./auth.js` here). The transports call it only when given an `authProvider`, and this
 * tester never gives one: it sends the token the user chose and reports what the server answers.
 * Leaving the OAuth client out (PKCE, metadata schemas) keeps the build small.
 */
export class UnauthorizedError extends Error {
  constructor(message?: string) {
    super(message ?? 'Unauthorized');
  }
}

export function auth(): never {
  throw new UnauthorizedError('OAuth sign-in flows are not part of this tester.');
}

export function extractWWWAuthenticateParams(): Record<string, never> {
  return {};
}
