import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage, type ColorScheme } from "./support/browser";
import { openAt } from "./support/pages";

const HOME_HEADING = "Portefeuille des lauréats";

/** Every kind of page the app shows, each in the state a visitor sees once the data has arrived. */
const PAGES: { path: string; heading: string; readyWhen?: (page: Page) => Promise<void> }[] = [
  {
    path: "/",
    heading: HOME_HEADING,
    readyWhen: (page) => page.getByRole("table", { name: "Lauréats de l'appel à défis" }).waitFor(),
  },
  {
    path: "/?categorie=numerique",
    heading: HOME_HEADING,
    readyWhen: (page) =>
      page
        .getByRole("status")
        .filter({ hasText: /^5 lauréats correspondant/ })
        .waitFor(),
  },
  {
    path: "/?vue=cartes",
    heading: HOME_HEADING,
    readyWhen: (page) => page.locator(".fr-card").first().waitFor(),
  },
  {
    path: "/laureats/deal-reunion-registre-transports",
    heading: "Modernisation du Registre des transports de La Réunion",
  },
  { path: "/accessibilite", heading: "Déclaration d'accessibilité" },
  { path: "/mentions-legales", heading: "Mentions légales" },
  { path: "/donnees-personnelles", heading: "Données personnelles" },
  { path: "/nimporte-quoi", heading: "Page introuvable" },
];

const SCHEMES: ColorScheme[] = ["light", "dark"];

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

for (const scheme of SCHEMES) {
  describe(`accessibilité en thème ${scheme}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openPage(browser, server.baseUrl, scheme));
    });

    afterAll(async () => {
      await context.close();
    });

    for (const { path, heading, readyWhen } of PAGES) {
      it(`${path} has no axe violation`, async () => {
        await openAt(page, path, heading);
        await readyWhen?.(page);
        const theme = await page.evaluate(() => document.documentElement.getAttribute("data-fr-theme"));
        // Contrast is only judged in dark mode if the DSFR really switched to its dark palette.
        expect(theme).toBe(scheme);
        await expectNoAxeViolations(page, `${path} (thème ${scheme})`);
      });
    }
  });
}
