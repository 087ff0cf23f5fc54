import { capText } from './jsonText';

/**
 * How the panel shows a piece of server content (a resource's contents, an image or resource in a
 * prompt message): text as text, JSON pretty-printed only when it parses, images only as data: URLs
 * of a few raster types, anything else by size and type. Pure: the views render what this decides.
 */
export type ContentView =
  | { kind: 'text'; text: string; omittedChars: number }
  | { kind: 'json'; value: unknown }
  | { kind: 'image'; src: string; mimeType: string; bytes: number }
  | { kind: 'binary'; mimeType?: string; bytes: number; why?: string };

/** Text shown at most (the view offers the rest). */
export const MAX_TEXT_CHARS = 256 * 1024;
/** JSON longer than this is shown as text, not parsed. */
const MAX_JSON_CHARS = 4 * 1024 * 1024;
/** Larger images are described, not previewed. */
export const MAX_IMAGE_BASE64 = 8 * 1024 * 1024;
/** Never svg: an image the panel shows must not be a document. */
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded size of base64 text (whitespace ignored). */
export function base64Bytes(base64: string): number {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

function isJsonType(mimeType: string | undefined): boolean {
  return mimeType !== undefined && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(mimeType);
}

export function textView(text: string, mimeType?: string): ContentView {
  const trimmed = text.trimStart();
  const looksJson = isJsonType(mimeType) || (mimeType === undefined && (trimmed.startsWith('{') || trimmed.startsWith('[')));
  if (looksJson && text.length <= MAX_JSON_CHARS) {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      // Not JSON after all: shown as the text it is.
    }
  }
  const capped = capText(text, MAX_TEXT_CHARS);
  return { kind: 'text', text: capped.text, omittedChars: capped.omittedChars };
}

export function blobView(base64: string, mimeType?: string): ContentView {
  const bytes = base64Bytes(base64);
  const type = mimeType?.trim().toLowerCase();
  if (type === undefined || !PREVIEW_TYPES.has(type)) return { kind: 'binary', mimeType, bytes };
  if (base64.length > MAX_IMAGE_BASE64) return { kind: 'binary', mimeType, bytes, why: 'too large to preview' };
  const clean = base64.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) return { kind: 'binary', mimeType, bytes, why: 'not valid base64' };
  return { kind: 'image', src: `data:${type};base64,${clean}`, mimeType: type, bytes };
}

/** One entry of a resources/read result (text or blob), as the server sent it. */
export function resourceContentView(contents: { text?: unknown; blob?: unknown; mimeType?: unknown }): ContentView {
  const mimeType = typeof contents.mimeType === 'string' ? contents.mimeType.slice(0, 200) : undefined;
  if (typeof contents.text === 'string') return textView(contents.text, mimeType);
  if (typeof contents.blob === 'string') return blobView(contents.blob, mimeType);
  return { kind: 'binary', mimeType, bytes: 0, why: 'neither text nor blob' };
}

/** "2.4 KB", "812 bytes". */
export function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} byte${bytes === 1 ? '' : 's'}` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}
