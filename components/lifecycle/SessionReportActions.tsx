import { useState } from 'react';
import type { SessionReportInput } from '../../utils/lifecycle/model';
import { sessionReportJson, sessionReportMarkdown } from '../../utils/lifecycle/sessionReport';
import { CopyButton } from '../CopyButton';

/** The redacted session report (fingerprints only), built when copied or previewed, not on every tick. */
export function SessionReportActions({ input, copy }: { input: () => SessionReportInput; copy(text: string): Promise<boolean> }) {
  const [preview, setPreview] = useState(false);
  return (
    <div className="session-report">
      <div className="actions">
        <CopyButton label="Copy session report (Markdown)" text={() => sessionReportMarkdown(input())} copy={copy} testId="session-report-copy-md" />
        <CopyButton label="Copy session report (JSON)" text={() => sessionReportJson(input())} copy={copy} testId="session-report-copy-json" />
        <button type="button" aria-expanded={preview} onClick={() => setPreview((p) => !p)} data-testid="session-report-preview-toggle">
          {preview ? 'Hide preview' : 'Preview'}
        </button>
      </div>
      {preview && <pre data-testid="session-report-preview">{sessionReportMarkdown(input())}</pre>}
    </div>
  );
}
