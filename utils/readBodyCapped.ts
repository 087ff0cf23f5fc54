/**
 * Reads a response body as text, at most `maxBytes` of it: a server sending more (or without end)
 * costs nothing beyond the cap. `tooLarge` says it was cut off (no text then). Read errors (a
 * timeout, an abort) are thrown for the caller to word.
 */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<{ text?: string; tooLarge: boolean }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    return { tooLarge: true };
  }
  const reader = response.body?.getReader();
  if (!reader) return { text: '', tooLarge: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) return { tooLarge: true };
      chunks.push(value);
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), tooLarge: false };
}
