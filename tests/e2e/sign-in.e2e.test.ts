import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { openAt, waitForPage } from "./support/pages";
import {
  DEMO,
  DEMO_PASSWORD,
  SESSION_COOKIE,
  headerPerson,
  signInAsDemo,
  signOut,
  submitSignInForm,
  waitForSignInPage,
  type Account,
} from "./support/session";

const HOME_HEADING = "Portefeuille des lauréats";
const LAUREATE = {
  path: "/laureats/dggn-lab-innovation",
  heading: "Laboratoire d'innovation de la gendarmerie nationale",
};

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
});

afterEach(async () => {
  await context.close();
});

/** Opens `path` anonymously and expects the sign-in page, asked to come back to `path` afterwards. */
async function expectSentToSignIn(path: string): Promise<void> {
  await page.goto(path);
  await waitForSignInPage(page);
  expect(new URL(page.url()).searchParams.get("retour")).toBe(path);
}

function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Menu principal" });
}

describe("pages réservées aux personnes connectées", () => {
  it("sends an anonymous visitor of the portfolio to the sign-in page, then back to it", async () => {
    await expectSentToSignIn("/");
    // The filters of the address asked for survive the detour too.
    await expectSentToSignIn("/?categorie=numerique");
    await page
      .getByRole("button", { name: `Se connecter en tant que ${DEMO.direction.displayName}`, exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === "/" && url.search === "?categorie=numerique");
    await waitForPage(page, HOME_HEADING);
    await page
      .getByRole("status")
      .filter({ hasText: /^5 lauréats correspondant aux filtres$/ })
      .waitFor();
  });

  it("sends an anonymous visitor of a laureate to the sign-in page, then back to the laureate", async () => {
    await expectSentToSignIn(LAUREATE.path);
    await submitSignInForm(page, DEMO.direction.email, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === LAUREATE.path);
    await waitForPage(page, LAUREATE.heading);
    await headerPerson(page, DEMO.direction).waitFor();
  });

  it("never follows a return address to another site", async () => {
    await page.goto("/connexion?retour=%2F%2Fexemple.org%2Fpiege");
    await waitForSignInPage(page);
    await page
      .getByRole("button", { name: `Se connecter en tant que ${DEMO.direction.displayName}`, exact: true })
      .click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === "/");
    await waitForPage(page, HOME_HEADING);
  });

  for (const { path, heading } of [
    { path: "/accessibilite", heading: "Déclaration d'accessibilité" },
    { path: "/mentions-legales", heading: "Mentions légales" },
    { path: "/donnees-personnelles", heading: "Données personnelles" },
  ]) {
    it(`keeps ${path} open to anonymous visitors`, async () => {
      await openAt(page, path, heading);
      expect(new URL(page.url()).pathname).toBe(path);
      // Nobody is signed in: the header offers to sign in rather than naming someone.
      await page.getByRole("banner").getByRole("link", { name: "Se connecter" }).waitFor();
    });
  }
});

interface RoleExpectations {
  account: Account;
  navigation: string[];
  canEdit: boolean;
  canReadJournal: boolean;
  canManageAccounts: boolean;
}

// Every role reads the dashboard, the reviews, the money (Finances) and the replication picture; the rest
// depends on the role.
const ROLES: RoleExpectations[] = [
  {
    account: DEMO.admin,
    navigation: [
      "Portefeuille",
      "À relancer",
      "Pilotage",
      "Revues",
      "Finances",
      "Essaimage",
      "Contrôles",
      "Indicateurs communs",
      "Journal",
      "Rappels",
      "Administration",
    ],
    canEdit: true,
    canReadJournal: true,
    canManageAccounts: true,
  },
  {
    account: DEMO.officer,
    navigation: [
      "Portefeuille",
      "À relancer",
      "Pilotage",
      "Revues",
      "Finances",
      "Essaimage",
      "Contrôles",
      "Indicateurs communs",
      "Journal",
      "Rappels",
    ],
    canEdit: true,
    canReadJournal: true,
    canManageAccounts: false,
  },
  {
    account: DEMO.sponsorInterieur,
    navigation: ["Portefeuille", "Mes projets", "Pilotage", "Revues", "Finances", "Essaimage"],
    canEdit: false,
    canReadJournal: false,
    canManageAccounts: false,
  },
  {
    account: DEMO.sponsorSante,
    navigation: ["Portefeuille", "Mes projets", "Pilotage", "Revues", "Finances", "Essaimage"],
    canEdit: false,
    canReadJournal: false,
    canManageAccounts: false,
  },
  {
    account: DEMO.direction,
    navigation: ["Portefeuille", "Pilotage", "Revues", "Finances", "Essaimage"],
    canEdit: false,
    canReadJournal: false,
    canManageAccounts: false,
  },
];

/** A page of a permission: its own heading for the roles that hold it, the refusal for the others. */
async function expectPageOrRefusal(path: string, heading: string, allowed: boolean): Promise<void> {
  await openAt(page, path, allowed ? heading : "Accès refusé");
  if (!allowed) {
    await page.getByText("Votre rôle ne permet pas d'ouvrir cette page", { exact: true }).waitFor();
  }
}

describe("comptes de démonstration", () => {
  for (const { account, navigation, canEdit, canReadJournal, canManageAccounts } of ROLES) {
    it(`signs in as ${account.email} and shows what the role « ${account.roleLabel} » may do`, async () => {
      await signInAsDemo(page, account);
      await waitForPage(page, HOME_HEADING);
      // Every role reads the whole portfolio (README): a sponsor's scope limits what it may change.
      await page
        .getByRole("status")
        .filter({ hasText: /^27 lauréats$/ })
        .waitFor();
      // Each item's first line: "Contrôles" carries its count of anomalies after it.
      const items = await mainNavigation(page).getByRole("link").allInnerTexts();
      expect(items.map((text) => text.split("\n")[0]?.trim())).toEqual(navigation);

      await openAt(page, LAUREATE.path, LAUREATE.heading);
      // The record is on screen, so a missing button is really missing, not yet to come.
      await page.getByRole("complementary", { name: "Fiche" }).getByText("Porteur du projet").waitFor();
      expect(await page.getByRole("button", { name: "Modifier la fiche" }).count()).toBe(canEdit ? 1 : 0);

      await expectPageOrRefusal("/journal", "Journal des modifications", canReadJournal);
      await expectPageOrRefusal(
        "/administration/utilisateurs",
        "Administration des comptes",
        canManageAccounts,
      );
    });
  }

  it("refuses the journal's data to a read-only role on the server too", async () => {
    await signInAsDemo(page, DEMO.direction);
    const download = await page.request.get("/api/exports/journal.csv");
    expect(download.status()).toBe(403);
  });
});

/** Who the server says a session cookie belongs to, asked outside the browser. */
async function signedInEmail(cookie: string): Promise<string | null> {
  const response = await fetch(`${server.baseUrl}/auth/me`, {
    headers: { cookie, accept: "application/json" },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user: { email: string } | null };
  return body.user?.email ?? null;
}

describe("déconnexion", () => {
  it("ends the session: the portfolio asks to sign in again and the old cookie opens nothing", async () => {
    await signInAsDemo(page, DEMO.officer);
    const session = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session?.secure).toBe(true);
    expect(session?.httpOnly).toBe(true);
    const oldCookie = `${SESSION_COOKIE}=${session?.value ?? ""}`;
    expect(await signedInEmail(oldCookie)).toBe(DEMO.officer.email);

    await signOut(page);
    expect((await context.cookies()).some((cookie) => cookie.name === SESSION_COOKIE)).toBe(false);
    // Revoked on the server, not merely forgotten by the browser.
    expect(await signedInEmail(oldCookie)).toBeNull();

    await expectSentToSignIn("/");
    expect(await headerPerson(page, DEMO.officer).count()).toBe(0);
  });
});
