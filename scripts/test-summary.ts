/**
 * Prints one closing line for the whole test run ("tests: N passed, N failed, N skipped") from the JSON
 * reports of Vitest and Playwright, and exits non-zero when a report is missing or counted no test.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  // A test that failed and then passed on a retry (`playwright test --retries N`) counts as passed, and
  // is named on a line of its own so it is never silent.
  if (r.stats.flaky > 0)
    console.log(`e2e: ${r.stats.flaky} test(s) passed only on a retry (see the list above)`);
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

const reports: [string, (f: string) => Counts][] = [
  ['reports/vitest.json', vitestCounts],
  ['reports/playwright.json', playwrightCounts],
];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let missing = false;
for (const [file, read] of reports) {
  if (!existsSync(file)) {
    console.error(`test summary: ${file} is missing: that test runner did not finish.`);
    missing = true;
    continue;
  }
  const c = read(file);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (missing || total.failed > 0 || total.passed === 0) process.exit(1);
