import { browser } from 'wxt/browser';

/**
 * Host access lets the extension call a server that sends no CORS headers. It is optional and
 * asked per origin, at run time, from a click (browsers require a user gesture for the prompt).
 */
const patternFor = (origin: string) => `${origin}/*`;

export async function hasHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [patternFor(origin)] });
  } catch {
    return false;
  }
}

/** Must be called synchronously from a click handler. */
export function requestHostAccess(origin: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [patternFor(origin)] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
