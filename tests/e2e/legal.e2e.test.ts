import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { openAt, waitForPage } from "./support/pages";
import { SIGN_IN_HEADING, SIGN_IN_PATH } from "./support/session";

/** The footer names the accessibility link after the compliance status, as the DSFR requires. */
const LEGAL_PAGES = [
  {
    footerLink: "Accessibilité : non conforme",
    path: "/accessibilite",
    heading: "Déclaration d'accessibilité",
  },
  { footerLink: "Mentions légales", path: "/mentions-legales", heading: "Mentions légales" },
  { footerLink: "Données personnelles", path: "/donnees-personnelles", heading: "Données personnelles" },
];

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server.baseUrl));
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.stop();
});

async function waitForTitleOf(heading: string): Promise<string> {
  // The title is set once the page has rendered, a moment after its heading.
  await page.waitForFunction((name) => document.title.startsWith(name), heading);
  return page.title();
}

describe("pages obligatoires", () => {
  for (const { footerLink, path, heading } of LEGAL_PAGES) {
    // Anonymous, from the sign-in page: the law wants these pages open to everyone.
    it(`reaches « ${heading} » from the footer, without signing in`, async () => {
      await openAt(page, SIGN_IN_PATH, SIGN_IN_HEADING);
      await page.getByRole("contentinfo").getByRole("link", { name: footerLink, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await waitForPage(page, heading);
      await waitForTitleOf(heading);
    });
  }

  it("gives each page a title of its own", async () => {
    const titles: string[] = [];
    for (const { path, heading } of LEGAL_PAGES) {
      await openAt(page, path, heading);
      titles.push(await waitForTitleOf(heading));
    }
    expect(new Set(titles).size).toBe(LEGAL_PAGES.length);
  });
});
