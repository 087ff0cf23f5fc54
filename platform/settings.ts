import { browser } from 'wxt/browser';
import { parseSettings, type InspectorSettings } from '../utils/settings';

// Settings only: storage.local survives restarts, so nothing token-derived ever goes here.
const SETTINGS_KEY = 'settings';

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
