// Checks a page in the browser: axe-core's serious and critical findings, and layout faults on
// narrow screens (sideways scrolling, text wrapped a character per line).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const LAYOUT_FAULTS_SOURCE = readFileSync(new URL('./layout-faults.browser.js', import.meta.url), 'utf8');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations of impact serious or critical, one line each (rule, impact, where). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE); // evaluated, not a script tag: the CSP forbids inline scripts
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => node.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ` … ${v.targets.length} in all` : ''}`);
}

/**
 * What does not fit the viewport: the document scrolling sideways, any element whose right edge
 * passes the viewport (except inside an element that deliberately scrolls sideways), and any
 * button, table cell or navigation link whose text breaks onto one line per character.
 */
export async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(LAYOUT_FAULTS_SOURCE) as Promise<string[]>;
}
