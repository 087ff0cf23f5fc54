import { describe, expect, it } from 'vitest';
import { base64Bytes, blobView, MAX_TEXT_CHARS, resourceContentView, sizeText, textView } from './contentView';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('how server content is shown', () => {
  it('pretty-prints JSON only when it parses, and shows text as text otherwise', () => {
    expect(textView('{"a":[1,2]}', 'application/json')).toEqual({ kind: 'json', value: { a: [1, 2] } });
    expect(textView('{"a":1}', 'application/ld+json; charset=utf-8')).toMatchObject({ kind: 'json' });
    expect(textView('{"a":1}')).toMatchObject({ kind: 'json' });
    expect(textView('{not json', 'application/json')).toEqual({ kind: 'text', text: '{not json', omittedChars: 0 });
    // A Markdown resource stays Markdown text even when it happens to start like JSON.
    expect(textView('[link](x)', 'text/markdown')).toMatchObject({ kind: 'text' });
    expect(textView('<script>alert(1)</script>', 'text/html')).toEqual({ kind: 'text', text: '<script>alert(1)</script>', omittedChars: 0 });
  });

  it('caps text at 256 KB and says how much was left out', () => {
    const view = textView('x'.repeat(MAX_TEXT_CHARS + 10), 'text/plain');
    expect(view).toMatchObject({ kind: 'text', omittedChars: 10 });
    expect(view.kind === 'text' && view.text.length).toBe(MAX_TEXT_CHARS);
  });

  it('previews png, jpeg, gif and webp as data: URLs, never svg', () => {
    expect(blobView(PNG_1PX, 'image/png')).toEqual({ kind: 'image', src: `data:image/png;base64,${PNG_1PX}`, mimeType: 'image/png', bytes: 70 });
    expect(blobView(PNG_1PX, 'IMAGE/WEBP')).toMatchObject({ kind: 'image', src: expect.stringMatching(/^data:image\/webp;base64,/) });
    expect(blobView(btoa('<svg onload="alert(1)"/>'), 'image/svg+xml')).toEqual({ kind: 'binary', mimeType: 'image/svg+xml', bytes: 24 });
  });

  it('describes other binaries by size and type, and does not preview an image that is not valid base64', () => {
    expect(blobView(btoa('hello world'), 'application/gzip')).toEqual({ kind: 'binary', mimeType: 'application/gzip', bytes: 11 });
    expect(blobView('AAAA', undefined)).toEqual({ kind: 'binary', mimeType: undefined, bytes: 3 });
    expect(blobView('not base64!";alert(1)//', 'image/png')).toMatchObject({ kind: 'binary', why: 'not valid base64' });
    expect(blobView('A'.repeat(9 * 1024 * 1024), 'image/png')).toMatchObject({ kind: 'binary', why: 'too large to preview' });
  });

  it('reads a resources/read entry by what it carries', () => {
    expect(resourceContentView({ text: 'hi', mimeType: 'text/plain' })).toMatchObject({ kind: 'text', text: 'hi' });
    expect(resourceContentView({ blob: PNG_1PX, mimeType: 'image/png' })).toMatchObject({ kind: 'image' });
    expect(resourceContentView({ mimeType: 5 })).toEqual({ kind: 'binary', mimeType: undefined, bytes: 0, why: 'neither text nor blob' });
  });

  it('counts bytes and says sizes in words', () => {
    expect(base64Bytes('')).toBe(0);
    expect(base64Bytes('YQ==')).toBe(1);
    expect(base64Bytes('YWI=')).toBe(2);
    expect(base64Bytes('YWJj\nZGVm')).toBe(6);
    expect(sizeText(1)).toBe('1 byte');
    expect(sizeText(812)).toBe('812 bytes');
    expect(sizeText(2458)).toBe('2.4 KB');
    expect(sizeText(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
