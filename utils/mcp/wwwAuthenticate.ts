/** One challenge of a `WWW-Authenticate` header: its scheme (lower case), and a token68 or parameters. */
export interface Challenge {
  scheme: string;
  token68?: string;
  /** Parameter names in lower case; no prototype, so a parameter named `__proto__` is plain data. */
  params: Record<string, string>;
}

// tchar (RFC 9110 §5.6.2) and token68 characters (§11.2), by character code.
const TCHAR = charTable("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
const TOKEN68 = charTable('-._~+/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');

// Real headers carry a few challenges of a few parameters; past these the rest is ignored.
const MAX_CHALLENGES = 32;
const MAX_PARAMS = 64;

function charTable(chars: string): boolean[] {
  const table = new Array<boolean>(128).fill(false);
  for (const c of chars) table[c.charCodeAt(0)] = true;
  return table;
}

/**
 * Every challenge in a `WWW-Authenticate` value (RFC 9110 §11.6.1: `scheme [ token68 / #auth-param ]`,
 * challenges separated by commas, params as `token=token` or `token="quoted string"`). One pass,
 * each character looked at a bounded number of times: linear in the header, whatever it holds.
 * Lenient with junk: it is skipped up to the next comma. Reads at most 32 challenges of 64 parameters.
 */
export function parseChallenges(header: string): Challenge[] {
  const n = header.length;
  let i = 0;
  const at = (table: boolean[]) => i < n && header.charCodeAt(i) < 128 && table[header.charCodeAt(i)];
  const skipSpaces = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const skipSpacesAndCommas = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t' || header[i] === ',')) i++;
  };
  const token = (): string => {
    const start = i;
    while (at(TCHAR)) i++;
    return header.slice(start, i);
  };
  const quoted = (): string => {
    i++; // opening quote
    let value = '';
    let start = i;
    while (i < n && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < n) {
        value += header.slice(start, i);
        start = i + 1;
        i += 2;
      } else i++;
    }
    value += header.slice(start, i);
    if (i < n) i++; // closing quote
    return value;
  };
  const skipJunk = () => {
    while (i < n && header[i] !== ',') i++;
  };
  /** At a name followed by "=" (a parameter), rather than a scheme starting the next challenge? */
  const paramAhead = (): boolean => {
    const start = i;
    const name = token();
    skipSpaces();
    const isParam = name !== '' && header[i] === '=';
    i = start;
    return isParam;
  };

  const challenges: Challenge[] = [];
  while (i < n && challenges.length < MAX_CHALLENGES) {
    skipSpacesAndCommas();
    if (i >= n) break;
    const scheme = token();
    if (scheme === '') {
      i++;
      skipJunk();
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(challenge);
    skipSpaces();

    // token68: its characters, "=" padding, then the end of the challenge.
    const start = i;
    while (at(TOKEN68)) i++;
    while (header[i] === '=') i++;
    const candidate = header.slice(start, i);
    skipSpaces();
    if (candidate !== '' && (i >= n || header[i] === ',')) {
      challenge.token68 = candidate;
      continue;
    }
    i = start;

    // auth-params, until something that starts the next challenge.
    let count = 0;
    while (i < n && count++ < MAX_PARAMS) {
      skipSpacesAndCommas();
      if (!paramAhead()) break;
      const name = token().toLowerCase();
      skipSpaces();
      i++; // "="
      skipSpaces();
      const value = header[i] === '"' ? quoted() : token();
      if (!(name in challenge.params)) challenge.params[name] = value;
      skipSpaces();
      if (i < n && header[i] !== ',') skipJunk();
    }
    // Not a parameter: the next challenge's scheme, or junk that the outer loop steps over.
  }
  return challenges;
}

/** Parameters of the `WWW-Authenticate: Bearer …` challenge (RFC 6750 §3, RFC 9728 §5.1), if there is one. */
export function parseBearerChallenge(header: string | undefined): Record<string, string> | undefined {
  if (!header) return undefined;
  return parseChallenges(header).find((c) => c.scheme === 'bearer')?.params;
}
