import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { DEMO_NOTICE_TITLE, openAt } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

const HOME_HEADING = "Portefeuille des lauréats";
const ALL_LAUREATES = 27;

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

// Every page but the sign-in and legal ones needs a session: the read-only role is enough here.
beforeEach(async () => {
  ({ context, page } = await openPage(browser, server.baseUrl));
  await signInAsDemo(page, DEMO.direction);
});

afterEach(async () => {
  await context.close();
});

function laureatesTable(): Locator {
  return page.getByRole("table", { name: "Lauréats de l'appel à défis" });
}

/**
 * The list keeps the previous rows while the next ones load, so the row count
 * is only meaningful once the status line announces the new total.
 */
async function waitForCount(count: number, filtered: boolean): Promise<void> {
  const noun = count > 1 ? "lauréats" : "lauréat";
  const text = `${count} ${noun}${filtered ? " correspondant aux filtres" : ""}`;
  await page
    .getByRole("status")
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();
}

async function expectTableRows(count: number, filtered: boolean): Promise<void> {
  await waitForCount(count, filtered);
  expect(await laureatesTable().locator("tbody tr").count()).toBe(count);
}

async function chooseCategory(value: string): Promise<void> {
  await page.getByLabel("Catégorie", { exact: true }).selectOption(value);
}

function searchParam(name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

describe("portefeuille des lauréats", () => {
  it("lists the 27 laureates in a table and flags the demonstration data", async () => {
    await openAt(page, "/", HOME_HEADING);
    await expectTableRows(ALL_LAUREATES, false);
    await page.getByText(DEMO_NOTICE_TITLE, { exact: true }).waitFor();
  });

  it("filters by category, keeps the filter in the URL and restores it on reload", async () => {
    await openAt(page, "/", HOME_HEADING);
    await expectTableRows(ALL_LAUREATES, false);

    await chooseCategory("numerique");
    await page.waitForURL((url) => url.searchParams.get("categorie") === "numerique");
    await expectTableRows(5, true);

    await page.reload();
    await expectTableRows(5, true);
    expect(await page.locator("#filtre-categorie").inputValue()).toBe("numerique");

    await chooseCategory("organisations");
    await expectTableRows(8, true);
    expect(searchParam("categorie")).toBe("organisations");

    await chooseCategory("parcours-usagers");
    await expectTableRows(14, true);
    expect(searchParam("categorie")).toBe("parcours-usagers");
  });

  it("finds a laureate by a search typed without accents, then clears the filters", async () => {
    await openAt(page, "/", HOME_HEADING);
    await expectTableRows(ALL_LAUREATES, false);

    // Typed key by key: the field waits for a pause in typing before it filters.
    await page.locator("#filtre-recherche").pressSequentially("reunion");
    await page.waitForURL((url) => url.searchParams.get("recherche") === "reunion");
    await expectTableRows(1, true);
    await laureatesTable()
      .getByRole("link", { name: "Modernisation du Registre des transports de La Réunion" })
      .waitFor();

    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    await expectTableRows(ALL_LAUREATES, false);
    expect(new URL(page.url()).search).toBe("");
    expect(await page.locator("#filtre-recherche").inputValue()).toBe("");
  });

  it("shows the laureates as cards and keeps that view in the URL", async () => {
    await openAt(page, "/", HOME_HEADING);
    await expectTableRows(ALL_LAUREATES, false);

    // The DSFR draws the segment over its radio button: a visitor clicks the label, so do we.
    const views = page.getByRole("group", { name: "Affichage des lauréats" });
    await views.getByText("Cartes", { exact: true }).click();
    // The choice goes through the URL before React checks the radio: wait for both, in that order.
    await page.waitForURL((url) => url.searchParams.get("vue") === "cartes");
    await page.locator(".fr-card").first().waitFor();
    expect(await views.getByRole("radio", { name: "Cartes", exact: true }).isChecked()).toBe(true);
    expect(await page.locator(".fr-card").count()).toBe(ALL_LAUREATES);
    expect(await laureatesTable().count()).toBe(0);
  });
});
