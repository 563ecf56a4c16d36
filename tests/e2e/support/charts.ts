import type { Page } from "playwright-core";

/**
 * The app draws a chart once it comes near the screen: this scrolls to each
 * one in turn, as a reader would, and waits for its picture (or the map's
 * loading message) to be there.
 */
export async function drawEveryChart(page: Page): Promise<void> {
  for (const chart of await page.locator(".defis-chart").all()) {
    await chart.scrollIntoViewIfNeeded();
    await chart.locator(":scope > *").first().waitFor();
  }
}
