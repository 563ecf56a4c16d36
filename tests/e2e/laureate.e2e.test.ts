import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

const NOT_FOUND_HEADING = "Page introuvable";

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

beforeEach(async () => {
  ({ context, page } = await openPage(browser, server.baseUrl));
  await signInAsDemo(page, DEMO.direction);
});

afterEach(async () => {
  await context.close();
});

describe("fiche d'un lauréat", () => {
  it("opens from the portfolio table and leads back through the breadcrumb", async () => {
    await openAt(page, "/", "Portefeuille des lauréats");
    const firstLink = page
      .getByRole("table", { name: "Lauréats de l'appel à défis" })
      .locator("tbody tr")
      .first()
      .getByRole("link");
    const title = (await firstLink.innerText()).trim();
    expect(title).not.toBe("");

    await firstLink.click();
    await page.waitForURL((url) => /^\/laureats\/[a-z0-9-]+$/.test(url.pathname));
    await waitForPage(page, title);
    await page.getByText("Porteur du projet", { exact: true }).waitFor();

    const breadcrumb = page.getByRole("navigation", { name: "vous êtes ici :" });
    await breadcrumb.getByRole("link", { name: "Portefeuille", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await waitForPage(page, "Portefeuille des lauréats");
  });

  it("says a laureate that does not exist cannot be found", async () => {
    await openAt(page, "/laureats/n-existe-pas", NOT_FOUND_HEADING);
    await page.getByText("Ce lauréat n'existe pas", { exact: false }).waitFor();
  });

  it("says an unknown address cannot be found", async () => {
    await openAt(page, "/nimporte-quoi", NOT_FOUND_HEADING);
    await page.getByRole("link", { name: "Retour au portefeuille" }).waitFor();
  });
});
