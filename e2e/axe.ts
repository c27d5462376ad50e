import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// WCAG 2.1 A and AA: what the issue promises, and what a screen-reader or low-vision user would run into.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

// One line per serious or critical violation on the page as it stands: where, which rule, how bad, on what.
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // The page as it settles, not half-way through a colour transition (a submit button fading back from its pending
  // state once measured as a low-contrast mix of the two colours).
  // (A looping animation, a spinner, never finishes, so only those that end are waited for.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((animation) => animation.finished.catch(() => null)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => {
      const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join(' | ');
      return `${where}: ${violation.id} (${violation.impact}) on ${violation.nodes.length} element(s): ${targets}`;
    });
}
