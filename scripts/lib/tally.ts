import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const REPORT_DIR = path.resolve('.data', 'test-reports');
export const QUICK_REPORT = path.join(REPORT_DIR, 'vitest-quick.json');
export const LOAD_REPORT = path.join(REPORT_DIR, 'vitest-load.json');
export const PLAYWRIGHT_REPORT = path.join(REPORT_DIR, 'playwright.json');

export function resetReports() {
  rmSync(REPORT_DIR, { recursive: true, force: true });
  mkdirSync(REPORT_DIR, { recursive: true });
}

type Counts = { passed: number; failed: number; skipped: number };

function read<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };

function readVitest(): VitestReport | null {
  const reports = [QUICK_REPORT, LOAD_REPORT].map((file) => read<VitestReport>(file)).filter((report) => report !== null);
  if (reports.length === 0) return null;
  return reports.reduce((sum, report) => ({
    numPassedTests: sum.numPassedTests + report.numPassedTests,
    numFailedTests: sum.numFailedTests + report.numFailedTests,
    numPendingTests: sum.numPendingTests + report.numPendingTests,
    numTodoTests: sum.numTodoTests + report.numTodoTests,
  }));
}

// One closing line for the whole run: vitest's (quick and load tiers) and Playwright's JSON reports added up.
export function tally(): Counts {
  const vitest = readVitest();
  const playwright = read<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(PLAYWRIGHT_REPORT);
  return {
    passed: (vitest?.numPassedTests ?? 0) + (playwright ? playwright.stats.expected + playwright.stats.flaky : 0),
    failed: (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0),
    skipped: (vitest ? vitest.numPendingTests + vitest.numTodoTests : 0) + (playwright?.stats.skipped ?? 0),
  };
}
