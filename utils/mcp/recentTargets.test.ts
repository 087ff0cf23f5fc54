import { describe, expect, it } from 'vitest';
import { looksLikeCredential, storableTargetUrl } from './recentTargets';

describe('storableTargetUrl', () => {
  it('keeps origin and path of ordinary endpoints, never query or fragment', () => {
    for (const [url, kept] of [
      ['https://portal.example.com/mcp?access_token=x#y', 'https://portal.example.com/mcp'],
      ['https://w.example.dev/servers/github/sse', 'https://w.example.dev/servers/github/sse'],
      ['https://x.example/api/2024-06-18/mcp-server-2024-production/mcp', 'https://x.example/api/2024-06-18/mcp-server-2024-production/mcp'],
      ['http://127.0.0.1:8787/worker/mcp', 'http://127.0.0.1:8787/worker/mcp'],
      ['https://user:pass@x.example/mcp', 'https://x.example/mcp'],
    ])
      expect(storableTargetUrl(url), url).toBe(kept);
    expect(storableTargetUrl('javascript:alert(1)')).toBeUndefined();
    expect(storableTargetUrl('not a url')).toBeUndefined();
  });

  it('keeps only the origin when a segment looks like a credential', () => {
    for (const segment of [
      'sk-ak-4f9c2e7a1b3d5f6a8c0e',
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl',
      'oauth:AbCdEf0123',
      'oauth%3AAbCdEf0123',
      'key=abc',
      'api_key=1',
      '3a7bd3e2360a3d29eea436fcfb7e44c735d117c4',
      'QmFzZTY0S2V5VGhhdElzTG9uZ0Vub3VnaA',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'aB3dE5gH7jK9mN1pQ3sT5vW7',
    ])
      expect(looksLikeCredential(segment), segment).toBe(true);
    for (const segment of ['mcp', 'sse', 'servers', 'github', 'v1', '2024-06-18', 'my-very-long-endpoint-name-for-tools', 'mcp-server-2024-production'])
      expect(looksLikeCredential(segment), segment).toBe(false);
  });
});
