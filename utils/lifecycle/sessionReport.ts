import type { SessionReportInput } from './model';

/** The redacted session report as Markdown, for a bug report: fingerprints only. */
export function sessionReportMarkdown(input: SessionReportInput): string {
  void input;
  throw new Error('not yet');
}

/** The same report as JSON text. */
export function sessionReportJson(input: SessionReportInput): string {
  void input;
  throw new Error('not yet');
}
