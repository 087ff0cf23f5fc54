import type { HarEntryLike, HarNameValue } from '../utils/capture/har';

interface EntryOptions {
  method?: string;
  url?: string;
  requestHeaders?: Record<string, string> | HarNameValue[];
  responseHeaders?: Record<string, string> | HarNameValue[];
  requestCookies?: HarNameValue[];
  responseCookies?: HarNameValue[];
  status?: number;
  mimeType?: string;
  size?: number;
  startedDateTime?: string;
  postData?: { mimeType: string; text: string };
}

const pairs = (h: Record<string, string> | HarNameValue[] = []) => (Array.isArray(h) ? h : Object.entries(h).map(([name, value]) => ({ name, value })));

/** A HAR entry shaped like the ones Chrome's devtools.network delivers. */
export function harEntry(o: EntryOptions = {}): HarEntryLike {
  return {
    startedDateTime: o.startedDateTime ?? '2026-11-26T12:00:00.000Z',
    time: 12,
    request: {
      method: o.method ?? 'GET',
      url: o.url ?? 'https://portal.example.com/api/me',
      headers: pairs(o.requestHeaders),
      cookies: o.requestCookies ?? [],
      ...(o.postData ? { postData: o.postData } : {}),
    },
    response: {
      status: o.status ?? 200,
      headers: pairs(o.responseHeaders),
      cookies: o.responseCookies ?? [],
      content: { mimeType: o.mimeType ?? 'application/json', size: o.size ?? 100 },
    },
  };
}
