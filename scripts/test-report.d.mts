export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Tests that passed only on a retry, by title. */
  flaky: string[];
}
/** Adds the counts of Vitest's and Playwright's JSON reports (either may be null: its step did not run). */
export declare function countResults(reports: { vitest?: unknown; playwright?: unknown }): Counts;
/** The closing paragraphs of `npm test`, each printed after a blank line. */
export declare function summary(counts: Counts, failedStep: string | null): string[];
