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

export function headerValue(headers: HarNameValue[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Origin of a URL, or the URL itself when it has none (data:, about:). */
export function originOf(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? url.split(/[?#]/)[0] : origin;
  } catch {
    return url;
  }
}

/** A URL without query and fragment: the query is where tokens hide, so it never leaves capture. */
export function urlWithoutQuery(url: string): string {
  return url.split(/[?#]/)[0];
}
