import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import {
  DEMO,
  DEMO_PASSWORD,
  INVALID_CREDENTIALS,
  SIGN_IN_PATH,
  headerPerson,
  signInRefusal,
  signInWithPassword,
  submitSignInForm,
  waitForSignInPage,
  type Account,
} from "./support/session";

/** The limiter allows this many failures for one account from one address (login-limiter.ts). */
const ALLOWED_FAILURES = 5;
const TOO_MANY_ATTEMPTS = "Trop de tentatives de connexion pour ce compte";
const WRONG_PASSWORD = "pas-le-bon-mot-de-passe";

// One server for this file alone: the accounts it locks lock nobody else's journeys.
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
  await page.goto(SIGN_IN_PATH);
  await waitForSignInPage(page);
});

afterEach(async () => {
  await context.close();
});

/**
 * Submits the form and waits for the server's answer, then for the message it
 * brings: the previous attempt's alert, identical, must not pass for this one's.
 */
async function attempt(account: Account, password: string): Promise<number> {
  const answer = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === "/auth/login" && response.request().method() === "POST",
  );
  await submitSignInForm(page, account.email, password);
  return (await answer).status();
}

async function expectRefusal(message: string | RegExp): Promise<void> {
  const alert = page.getByRole("alert").filter({ hasText: message });
  await alert.waitFor();
  expect(new URL(page.url()).pathname).toBe(SIGN_IN_PATH);
  expect(await headerPerson(page, DEMO.direction).count()).toBe(0);
}

describe("connexion refusée", () => {
  it("says the email or the password is wrong, without telling which", async () => {
    expect(await attempt(DEMO.sponsorSante, WRONG_PASSWORD)).toBe(401);
    await signInRefusal(page, INVALID_CREDENTIALS).waitFor();
    expect(new URL(page.url()).pathname).toBe(SIGN_IN_PATH);

    // An unknown address reads the same: the page does not reveal which accounts exist.
    expect(await attempt({ ...DEMO.sponsorSante, email: "personne@defis.example" }, DEMO_PASSWORD)).toBe(401);
    await signInRefusal(page, INVALID_CREDENTIALS).waitFor();

    // The right password still works after a failure.
    expect(await attempt(DEMO.sponsorSante, DEMO_PASSWORD)).toBe(200);
    // Without a page to return to, a sponsor lands on their projects.
    await page.waitForURL((url) => url.pathname === "/mes-projets");
    await headerPerson(page, DEMO.sponsorSante).waitFor();
  });

  it(`locks an account after ${ALLOWED_FAILURES} failures, even for the right password`, async () => {
    for (let failure = 1; failure <= ALLOWED_FAILURES; failure += 1) {
      expect(await attempt(DEMO.direction, `${WRONG_PASSWORD}-${failure}`), `tentative ${failure}`).toBe(401);
      await expectRefusal(INVALID_CREDENTIALS);
    }
    expect(await attempt(DEMO.direction, DEMO_PASSWORD)).toBe(429);
    await expectRefusal(TOO_MANY_ATTEMPTS);
    expect(await page.getByRole("alert").innerText()).toContain("Réessayez dans 15 minutes.");
  });

  it("keeps the lock to that account: another one signs in from the same browser", async () => {
    expect(await attempt(DEMO.direction, DEMO_PASSWORD)).toBe(429);
    await expectRefusal(TOO_MANY_ATTEMPTS);
    await signInWithPassword(page, DEMO.officer);
  });
});
