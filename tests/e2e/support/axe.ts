import type { AxeResults, RunOptions } from "axe-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { drawEveryChart } from "./charts";

declare global {
  interface Window {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "RGAAv4"];
/** Beyond a few elements per rule the list stops helping and starts hiding the other rules. */
const TARGETS_SHOWN = 3;

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

function describe(violation: Violation): string {
  const shown = violation.targets.slice(0, TARGETS_SHOWN).map((target) => `      ${target}`);
  const more = violation.targets.length - shown.length;
  return [
    `  - ${violation.id} (${violation.impact ?? "impact inconnu"}) : ${violation.help}`,
    ...shown,
    ...(more > 0 ? [`      … et ${more} autre(s) élément(s)`] : []),
  ].join("\n");
}

/**
 * Evaluated rather than added as a <script> tag: the app's CSP refuses inline
 * scripts, and the test must see the page under its real policy. Every chart
 * is drawn first, so that axe checks the pictures people act on too.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await drawEveryChart(page);
  const alreadyInjected = await page.evaluate(() => window.axe !== undefined);
  if (!alreadyInjected) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    if (!window.axe) throw new Error("axe-core n'a pas pu être injecté dans la page");
    const results = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(" >>> ")),
    }));
  }, AXE_TAGS);
  if (violations.length > 0) {
    throw new Error(
      `${label} : ${violations.length} règle(s) axe non respectée(s)\n${violations.map(describe).join("\n")}`,
    );
  }
}
