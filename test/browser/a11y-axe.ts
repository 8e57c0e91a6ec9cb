// axe-core run inside a page of the app, under the app's own CSP, and the critical or serious findings it reports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
/** axe's browser bundle, read once. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes (the first few) */
  nodes: string[];
}

/**
 * The critical and serious axe findings on the page as it is now (WCAG 2.1 A/AA and best practices). axe is evaluated
 * through the DevTools protocol, not added as an inline <script>: the app's CSP (default-src 'self') refuses inline
 * scripts, and the CSP is what is under test, so it stays as served.
 * @example expect(await axeFindings(page)).toEqual([]);
 */
export async function axeFindings(page: Page, exclude: string[] = []): Promise<Finding[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: RunOptions): Promise<AxeResults> } }).axe;
    const r = await axe.run(
      { include: [document], exclude: excluded.map((s) => [s]) },
      {
        resultTypes: ['violations'],
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      },
    );
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
    }));
  }, exclude);
  return results.filter((f) => f.impact === 'critical' || f.impact === 'serious');
}
