import { browser } from 'wxt/browser';
import { SETTINGS_KEY, parseSettings, type InspectorSettings } from '../utils/settings';

// Settings only: storage.local survives restarts, so nothing token-derived ever goes here.

export async function loadSettings(): Promise<InspectorSettings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

export async function saveSettings(settings: InspectorSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

// Recent MCP targets: URLs only (without query), never headers or tokens.
const RECENT_TARGETS_KEY = 'recentTargets';

export async function loadRecentTargets(): Promise<string[]> {
  try {
    const stored = (await browser.storage.local.get(RECENT_TARGETS_KEY))[RECENT_TARGETS_KEY];
    return Array.isArray(stored) ? stored.filter((u): u is string => typeof u === 'string').slice(0, 8) : [];
  } catch {
    return [];
  }
}

export async function saveRecentTargets(urls: string[]): Promise<void> {
  await browser.storage.local.set({ [RECENT_TARGETS_KEY]: urls.map((u) => u.split(/[?#]/)[0]).slice(0, 8) }).catch(() => {});
}
