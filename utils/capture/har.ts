import { withoutQuery } from '../urls';
/** The part of a HAR 1.2 entry (as `devtools.network` delivers it) that the inspector reads. */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntryLike {
  startedDateTime: string;
  time?: number;
  request: {
    method: string;
    url: string;
    headers: HarNameValue[];
    cookies?: HarNameValue[];
    postData?: { mimeType?: string; text?: string };
  };
  response: {
    status: number;
    headers: HarNameValue[];
    cookies?: HarNameValue[];
    content?: { mimeType?: string; size?: number };
  };
}

/**
 * The pairs of a HAR name/value list whose name and value are both strings. Entries describe what
 * the page sent, so their shape is not trusted: anything else in the list is skipped.
 */
export function nameValues(list: unknown): HarNameValue[] {
  if (!Array.isArray(list)) return [];
  const pairs: HarNameValue[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, value } = item as Partial<Record<keyof HarNameValue, unknown>>;
    if (typeof name === 'string' && typeof value === 'string') pairs.push({ name, value });
  }
  return pairs;
}

export function headerValue(headers: HarNameValue[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return nameValues(headers).find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Origin of a URL, or the URL itself when it has none (data:, about:). */
export function originOf(url: string): string {
  if (typeof url !== 'string') return '';
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? withoutQuery(url) : origin;
  } catch {
    return url;
  }
}

/** A URL without query and fragment: the query is where tokens hide, so it never leaves capture. */
export function urlWithoutQuery(url: string): string {
  return typeof url === 'string' ? withoutQuery(url) : '';
}
