import type { TestStats } from './model';
import type { TestRunRecord } from './types';

/** Outcomes of the Test tools now runs against one origin, by token age and by time left. */
export function testStats(runs: TestRunRecord[], origin: string): TestStats {
  void runs;
  void origin;
  throw new Error('not yet');
}
