import { browser } from 'wxt/browser';
import { evalInInspectedPage } from './devtoolsNetwork';

/** The inspected page's origin (http/https only), read from the page's unforgeable `location`. */
export async function inspectedPageOrigin(): Promise<string | undefined> {
  const origin = await evalInInspectedPage<unknown>('location.origin');
  return typeof origin === 'string' && /^https?:\/\/[^/]+$/.test(origin) ? origin : undefined;
}

/** Host permissions change when the user allows or withdraws a site (here or in the browser's settings). */
export function onHostPermissionsChanged(listener: () => void): void {
  browser.permissions?.onAdded?.addListener(listener);
  browser.permissions?.onRemoved?.addListener(listener);
}
