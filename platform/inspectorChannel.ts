import { parseCaptureToPanel, parsePanelToCapture, type CaptureToPanel, type PanelToCapture } from '../utils/links/panelChannel';
import { broadcastTransport, createLink, type Link } from './createLink';

/**
 * The devtools page and the panel are two same-origin extension documents of one DevTools window.
 * A BroadcastChannel named after the inspected tab joins them without waking the background, and
 * keeps two DevTools windows (two inspected tabs) apart.
 */
const channelName = (tabId: number) => `mcp-token-inspector/tab/${tabId}`;

/** The devtools page's end: sends rows, receives the panel's requests. */
export function openCaptureSide(tabId: number): Link<CaptureToPanel, PanelToCapture> {
  return createLink(broadcastTransport(channelName(tabId)), parsePanelToCapture);
}

/** The panel's end: sends requests, receives rows. */
export function openPanelSide(tabId: number): Link<PanelToCapture, CaptureToPanel> {
  return createLink(broadcastTransport(channelName(tabId)), parseCaptureToPanel);
}
