/**
 * RFC 6570 URI templates, as resource templates use them: the variables a form asks for, and the
 * URI they expand to. Values are plain strings (no lists or maps); `:n` prefixes are honoured and
 * `*` explode changes nothing for a string. Text outside `{…}` is kept as the server wrote it, and
 * so is an expression that is not one (`{}`, `{a b}`).
 */

const EXPRESSION = /\{([+#./;?&]?)((?:[A-Za-z0-9_.]|%[0-9A-Fa-f]{2})+(?::[1-9]\d{0,3}|\*)?(?:,(?:[A-Za-z0-9_.]|%[0-9A-Fa-f]{2})+(?::[1-9]\d{0,3}|\*)?)*)\}/g;

/** Each variable as name and prefix length (NaN for none). */
function variables(list: string): [string, number][] {
  return list.split(',').map((v) => {
    const [name, prefix] = v.replace('*', '').split(':');
    return [name, Number(prefix)];
  });
}

/** The variable names of a template, each once, in the order they first appear. */
export function templateVariables(template: string): string[] {
  const names = [...template.matchAll(EXPRESSION)].flatMap((m) => variables(m[2]).map(([name]) => name));
  return [...new Set(names)];
}

/**
 * The URI for these values. A variable with no value (absent, or an empty field) is left out, as
 * RFC 6570 leaves out undefined variables. What the user typed is percent-encoded, so it cannot
 * change the shape of the URI (only `+` and `#` let reserved characters through, as the RFC says).
 */
export function expandTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(EXPRESSION, (_, op: string, list: string) => {
    const parts: string[] = [];
    for (const [name, prefix] of variables(list)) {
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      if (!value) continue;
      const text = encode(prefix ? [...value].slice(0, prefix).join('') : value, op === '+' || op === '#');
      parts.push(';?&'.includes(op) && op ? `${name}=${text}` : text);
    }
    if (parts.length === 0) return '';
    const sep = op === '.' || op === '/' || op === ';' ? op : op === '?' || op === '&' ? '&' : ',';
    return (op === '+' ? '' : op) + parts.join(sep);
  });
}

function encode(value: string, allowReserved: boolean): string {
  // A lone surrogate cannot be UTF-8 encoded: it becomes U+FFFD.
  const text = encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  // Reserved characters, and percent-encodings already in the value, go through as they are.
  return allowReserved
    ? text.replace(/%(2[1346-9ABCF]|3[ABDF]|40|5[BD])|%25([0-9A-Fa-f]{2})/gi, (m, r: string | undefined, hex: string | undefined) =>
        r ? decodeURIComponent(m) : `%${hex}`,
      )
    : text;
}
