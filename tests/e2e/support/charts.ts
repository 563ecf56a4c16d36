import type { Page } from "playwright-core";

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
