import { browser } from 'wxt/browser';
import { storableTargetUrl } from '../utils/mcp/recentTargets';
import { SETTINGS_KEY, parseSettings, type InspectorSettings } from '../utils/settings/settings';

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

// Recent MCP targets: origin and path only, and the origin alone when the path may hold a key; never
// queries, headers or tokens.
const RECENT_TARGETS_KEY = 'recentTargets';
const MAX_RECENT = 8;

function storable(urls: unknown[]): string[] {
  const kept = urls.filter((u): u is string => typeof u === 'string').map(storableTargetUrl);
  return [...new Set(kept.filter((u): u is string => u !== undefined))].slice(0, MAX_RECENT);
}

export async function loadRecentTargets(): Promise<string[]> {
  try {
    const stored = (await browser.storage.local.get(RECENT_TARGETS_KEY))[RECENT_TARGETS_KEY];
    // Cleaned on the way in too: an older version stored whole URLs.
    return Array.isArray(stored) ? storable(stored) : [];
  } catch {
    return [];
  }
}

export async function saveRecentTargets(urls: string[]): Promise<void> {
  await browser.storage.local.set({ [RECENT_TARGETS_KEY]: storable(urls) }).catch(() => {});
}
