import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../utils/settings';
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
