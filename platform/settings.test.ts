import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../utils/settings/settings';
import { loadRecentTargets, loadSettings, saveRecentTargets, saveSettings } from './settings';

describe('what the panel keeps in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps recent MCP targets as URLs only: no query (where tokens hide), at most 8', async () => {
    await saveRecentTargets(['https://p.example/mcp?access_token=secret', ...Array.from({ length: 10 }, (_, i) => `https://w${i}.example/mcp`)]);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain('secret');
    expect(await loadRecentTargets()).toHaveLength(8);
    expect((await loadRecentTargets())[0]).toBe('https://p.example/mcp');
  });

  it('round-trips settings and falls back to defaults for junk', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, warningWindowSeconds: 60, thresholdsSeconds: [300] });
    expect(await loadSettings()).toMatchObject({ warningWindowSeconds: 60, thresholdsSeconds: [300] });
    await fakeBrowser.storage.local.set({ settings: { warningWindowSeconds: 'soon', thresholdsSeconds: 'x' } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('recent MCP targets never keep a credential from the URL', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps origin and path for ordinary endpoints, and only the origin when a path segment looks like a key', async () => {
    const keys = [
      'https://mcp.example.com/sk-ak-4f9c2e7a1b3d5f6a8c0e/sse',
      'https://mcp.example.com/servers/0f8fad5b-d9cb-469f-a165-70867728950e/mcp',
      'https://mcp.example.com/mcp/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl',
      'https://mcp.example.com/oauth:AbCdEf0123/mcp',
      'https://mcp.example.com/key=abc/mcp',
      'https://mcp.example.com/u/3a7bd3e2360a3d29eea436fcfb7e44c735d117c4/mcp',
      'https://mcp.example.com/t/QmFzZTY0S2V5VGhhdElzTG9uZ0Vub3VnaA/mcp',
    ];
    await saveRecentTargets(['https://portal.example.com/v1/mcp?token=secret#frag', 'https://w.example.dev/servers/github/sse', ...keys]);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const secret of ['secret', 'frag', 'sk-ak', '0f8fad5b', 'eyJ', 'oauth:', 'key=', '3a7bd3e2', 'QmFzZTY0']) expect(stored, secret).not.toContain(secret);
    expect(await loadRecentTargets()).toEqual(['https://portal.example.com/v1/mcp', 'https://w.example.dev/servers/github/sse', 'https://mcp.example.com']);
  });

  it('cleans targets an older version stored with their key', async () => {
    await fakeBrowser.storage.local.set({ recentTargets: ['https://mcp.example.com/sk-ak-4f9c2e7a1b3d5f6a8c0e/sse', 'https://a.example/mcp?x=1'] });
    expect(await loadRecentTargets()).toEqual(['https://mcp.example.com', 'https://a.example/mcp']);
  });
});
