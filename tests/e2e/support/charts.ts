import type { Locator, Page } from "playwright-core";

/** What ChartFrame puts on a chart not drawn yet. */
const PENDING_CLASS = "defis-chart--pending";

/**
 * The app draws a chart once it comes near the screen: this scrolls to each
 * one in turn, as a reader would, and waits until it is drawn.
 */
export async function drawEveryChart(page: Page): Promise<void> {
  for (const chart of await page.locator(".defis-chart").all()) {
    await chart.scrollIntoViewIfNeeded();
    await page.waitForFunction(([element, pending]) => !element.classList.contains(pending), [
      await chart.elementHandle(),
      PENDING_CLASS,
    ] as const);
  }
}

/**
 * A chart's table sits behind its « Voir les données » disclosure: this opens
 * it as a keyboard user would (focus, Enter) and gives the table, now shown.
 * A table outside any disclosure is given as it is.
 */
export async function openChartData(scope: Page | Locator, caption: string | RegExp): Promise<Locator> {
  const page = "page" in scope && typeof scope.page === "function" ? scope.page() : (scope as Page);
  const details = scope
    .locator("details")
    .filter({ has: page.locator("caption").filter({ hasText: caption }) });
  if ((await details.count()) > 0) {
    const disclosure = details.first();
    if (!(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open))) {
      const summary = disclosure.locator(":scope > summary");
      await summary.focus();
      await summary.press("Enter");
    }
  }
  const table = scope.getByRole("table", { name: caption }).first();
  await table.waitFor();
  return table;
}
