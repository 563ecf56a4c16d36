import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { waitForPage } from "./support/pages";
import { DEMO, signInAsDemo, waitForSignInPage } from "./support/session";

const HOME_HEADING = "Portefeuille des lauréats";

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every violation the pages reported: the `securitypolicyviolation` events and Chromium's console lines. */
const violations: string[] = [];

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server.baseUrl));
  await context.exposeFunction("reportViolation", (violation: string) => violations.push(violation));
  // Listening before any script of the page runs: zod's probe happens while the bundle starts.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (violation: string) => void }).reportViolation;
      report(
        `${event.violatedDirective} (${event.blockedURI}) ${event.sourceFile}:${String(event.lineNumber)}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.stop();
});

describe("politique de sécurité du contenu", () => {
  it("loads the sign-in page, then the home page once signed in, without a single violation", async () => {
    await page.goto("/");
    await waitForSignInPage(page);
    await signInAsDemo(page, DEMO.officer);
    await waitForPage(page, HOME_HEADING);
    // A report arrives a moment after what caused it: let the last ones in before judging.
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  });
});
