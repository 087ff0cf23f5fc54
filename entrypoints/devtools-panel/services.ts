import { createContext, useContext } from 'react';
import type { SchemaChecker } from '../../utils/mcp/schemaChecker';
import type { InspectorSettings } from '../../utils/settings/settings';
import type { TokenFeed } from '../../platform/tokenFeed';
import type { TestRunRecord } from '../../utils/lifecycle/types';
import type { AuthReport } from '../../utils/mcp/authDiagnostics/types';

/**
 * Every browser call the panel makes, built once in main.tsx and handed to the store factories and
 * (through context) to the views: no store or component imports `browser` or a platform module.
 * Tests give fakes.
 */
export interface PanelServices {
  /** The channel to the devtools page (capture), or a local session when opened as a tab. */
  feed: TokenFeed;
  copy(text: string): Promise<boolean>;
  hasHostAccess(origin: string): Promise<boolean>;
  /** Must be called synchronously from a click (browsers ask only on a user gesture). */
  requestHostAccess(origin: string): Promise<boolean>;
  saveSettings(settings: InspectorSettings): Promise<void>;
  loadRecentTargets(): Promise<string[]>;
  saveRecentTargets(urls: string[]): Promise<void>;
  /** The panel's own fetch, for MCP servers and key sets: the extension's host access applies. */
  fetch: typeof fetch;
  /** The MCP server's clock against ours (seconds, server minus local), once a check measured it; countdowns then count against it. */
  setServerClockSkew(seconds: number | undefined): void;
  /** Server JSON Schemas are checked off the panel's thread, with a time limit. */
  schemaChecker(): SchemaChecker;
  /** A finished Test tools now run, for the lifecycle statistics (fingerprints and outcomes only). */
  recordTestRun(run: TestRunRecord): void;
  /** The last auth check's report, for the session report (it holds no token). */
  recordAuthReport(report: AuthReport): void;
}

export const PanelServicesContext = createContext<PanelServices | undefined>(undefined);

export function usePanelServices(): PanelServices {
  const services = useContext(PanelServicesContext);
  if (!services) throw new Error('PanelServicesContext is missing: render the panel through main.tsx.');
  return services;
}
