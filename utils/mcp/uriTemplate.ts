/**
 * RFC 6570 URI templates, as resource templates use them: the variables a form asks for, and the
 * URI they expand to. Values are plain strings (no lists or maps); `:n` prefixes are honoured and
 * `*` explode changes nothing for a string. Text outside `{…}` is kept as the server wrote it.
 */

interface Operator {
  first: string;
  sep: string;
  /** `;`, `?` and `&` name each variable. */
  named: boolean;
  /** `+` and `#` let reserved characters through. */
  reserved: boolean;
}

const OPERATORS: Record<string, Operator> = {
  '': { first: '', sep: ',', named: false, reserved: false },
  '+': { first: '', sep: ',', named: false, reserved: true },
  '#': { first: '#', sep: ',', named: false, reserved: true },
  '.': { first: '.', sep: '.', named: false, reserved: false },
  '/': { first: '/', sep: '/', named: false, reserved: false },
  ';': { first: ';', sep: ';', named: true, reserved: false },
  '?': { first: '?', sep: '&', named: true, reserved: false },
  '&': { first: '&', sep: '&', named: true, reserved: false },
};

interface VarSpec {
  name: string;
  prefix?: number;
}

interface Expression {
  op: Operator;
  vars: VarSpec[];
}

const VARNAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*$/;

/** The template split into literal text and expressions; a malformed `{…}` stays literal text. */
function parse(template: string): (string | Expression)[] {
  const parts: (string | Expression)[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = open < 0 ? -1 : rest.indexOf('}', open);
    if (open < 0 || close < 0) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const expression = parseExpression(rest.slice(open + 1, close));
    parts.push(expression ?? rest.slice(open, close + 1));
    rest = rest.slice(close + 1);
  }
  return parts;
}

function parseExpression(body: string): Expression | undefined {
  const opChar = body.charAt(0);
  const hasOp = Object.prototype.hasOwnProperty.call(OPERATORS, opChar) && opChar !== '';
  const op = OPERATORS[hasOp ? opChar : ''];
  const vars: VarSpec[] = [];
  for (const raw of (hasOp ? body.slice(1) : body).split(',')) {
    const m = /^([^:*]+)(?::([1-9]\d{0,3})|\*)?$/.exec(raw);
    if (!m || !VARNAME.test(m[1])) return undefined;
    vars.push({ name: m[1], ...(m[2] ? { prefix: Number(m[2]) } : {}) });
  }
  return { op, vars };
}

/** The variable names of a template, each once, in the order they first appear. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const part of parse(template)) if (typeof part !== 'string') for (const v of part.vars) if (!names.includes(v.name)) names.push(v.name);
  return names;
}

/**
 * The URI for these values. A variable with no value (absent, or an empty field) is left out, as
 * RFC 6570 leaves out undefined variables.
 */
export function expandTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return parse(template)
    .map((part) => (typeof part === 'string' ? part : expandExpression(part, values)))
    .join('');
}

function expandExpression({ op, vars }: Expression, values: Readonly<Record<string, string | undefined>>): string {
  const out: string[] = [];
  for (const v of vars) {
    const value = Object.prototype.hasOwnProperty.call(values, v.name) ? values[v.name] : undefined;
    if (value === undefined || value === '') continue;
    const text = encode(v.prefix === undefined ? value : [...value].slice(0, v.prefix).join(''), op.reserved);
    out.push(op.named ? `${v.name}=${text}` : text);
  }
  return out.length === 0 ? '' : op.first + out.join(op.sep);
}

/** Percent-encodes all but unreserved characters (and, for `+`/`#`, reserved ones and existing %XX). */
function encode(value: string, allowReserved: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (/[A-Za-z0-9\-._~]/.test(c)) out += c;
    else if (allowReserved && /[:/?#[\]@!$&'()*+,;=]/.test(c)) out += c;
    else if (allowReserved && c === '%' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) out += c;
    else {
      // A whole code point, so a surrogate pair is encoded as one character.
      const cp = value.codePointAt(i)!;
      const char = String.fromCodePoint(cp);
      if (char.length === 2) i++;
      out += isLoneSurrogate(cp) ? '%EF%BF%BD' : encodeURIComponent(char).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
    }
  }
  return out;
}

function isLoneSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}
