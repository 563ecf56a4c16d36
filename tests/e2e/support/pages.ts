import type { Page } from "playwright-core";
import { drawEveryChart } from "./charts";

export const DEMO_NOTICE_TITLE = "Données de démonstration";

/**
 * Waits for what every page shows once its data has arrived: the expected h1,
 * and the demonstration notice that comes with the session.
 */
export async function waitForPage(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
  await page.getByText(DEMO_NOTICE_TITLE, { exact: true }).waitFor();
}

export async function openAt(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await waitForPage(page, heading);
}

/** The replication page once its registry and its map (drawn when scrolled to) are there. */
export async function waitForReplicationPage(page: Page): Promise<void> {
  await page.getByRole("table", { name: "Adoptions enregistrées" }).waitFor();
  await drawEveryChart(page);
  await page.getByRole("group", { name: "Carte des adoptions par région" }).waitFor();
}
