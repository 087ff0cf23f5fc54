// Prints the closing "N passed, N failed" line from vitest's JSON report. When the report is
// missing (typecheck or build failed before vitest ran), that failure counts as one failed test.
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
if (!existsSync(file)) {
  console.log(`0 passed, ${status === '0' ? 0 : 1} failed`);
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  const skipped = report.numPendingTests + report.numTodoTests;
  if (skipped) console.log(`(${skipped} skipped: each names its reason in the test output)`);
  console.log(`${report.numPassedTests} passed, ${failed} failed`);
}
