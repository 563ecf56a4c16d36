import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { waitForPage } from "./support/pages";
import {
  DEMO,
  INVALID_CREDENTIALS,
  SIGN_IN_PATH,
  headerPerson,
  signInAsDemo,
  signInRefusal,
  signInWithPassword,
  signOut,
  submitSignInForm,
  waitForSignInPage,
  type Account,
} from "./support/session";

const USERS_HEADING = "Administration des comptes";
const DEMO_ACCOUNT_COUNT = 5;
const NEW_SPONSOR: Account = {
  email: "morgane.leroy@interieur.example",
  displayName: "Morgane Leroy (e2e)",
  roleLabel: "Sponsor ministériel",
};
const NEW_SPONSOR_PASSWORD = "un mot de passe assez long";
const LAUREATE_TITLE = "Laboratoire d'innovation de la gendarmerie nationale";

let server: AppServer;
let browser: Browser;
/** Every context opened by a test, closed after it whatever happened. */
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(): Promise<Page> {
  const { context, page } = await openPage(browser, server.baseUrl);
  contexts.push(context);
  return page;
}

async function openAccountsFromNavigation(page: Page): Promise<Locator> {
  await page
    .getByRole("navigation", { name: "Menu principal" })
    .getByRole("link", { name: "Administration" })
    .click();
  await page.waitForURL((url) => url.pathname === "/administration/utilisateurs");
  await waitForPage(page, USERS_HEADING);
  const table = page.getByRole("table");
  await table.waitFor();
  return table;
}

function accountRow(table: Locator, account: Account): Locator {
  return table.locator("tbody tr").filter({ hasText: account.email });
}

/** The cells' text as written, not as styled: the status badge is shown in capitals. */
async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole("cell").allTextContents()).map((text) => text.trim());
}

function notice(page: Page, text: string): Locator {
  return page.getByRole("status").filter({ hasText: text });
}

/** Asks to change the account's status, then confirms in the panel that opens. */
async function toggleStatus(page: Page, account: Account, verb: "Désactiver" | "Réactiver"): Promise<void> {
  await page
    .getByRole("button", { name: `${verb} le compte de ${account.displayName}`, exact: true })
    .click();
  await page
    .getByRole("heading", { name: `${verb} le compte de ${account.displayName} ?`, exact: true })
    .waitFor();
  await page.getByRole("button", { name: `${verb} le compte`, exact: true }).click();
}

describe("administration des comptes", () => {
  it("creates a sponsor account that signs in, then deactivates it so that it no longer can", async () => {
    const page = await newPage();
    await signInAsDemo(page, DEMO.admin);
    let table = await openAccountsFromNavigation(page);
    await table.getByText(`${DEMO_ACCOUNT_COUNT} comptes`, { exact: true }).waitFor();

    await page.getByRole("button", { name: "Créer un compte", exact: true }).click();
    const form = page.getByRole("form", { name: "Créer un compte" });
    await form.getByRole("textbox", { name: /^Adresse électronique/ }).fill(NEW_SPONSOR.email);
    await form.getByRole("textbox", { name: /^Nom/ }).fill(NEW_SPONSOR.displayName);
    await form.getByRole("combobox", { name: /^Rôle/ }).selectOption({ label: NEW_SPONSOR.roleLabel });
    await form.getByRole("button", { name: "Ajouter un élément au périmètre" }).click();
    const scopeEntry = form.getByRole("group", { name: "Élément 1" });
    expect(await scopeEntry.getByRole("combobox", { name: "Type" }).inputValue()).toBe("ministere");
    await scopeEntry
      .getByRole("combobox", { name: "Ministère", exact: true })
      .selectOption({ label: "Ministère de l'Intérieur" });
    await form.getByLabel(/^Mot de passe/).fill(NEW_SPONSOR_PASSWORD);
    await form.getByRole("button", { name: "Créer le compte", exact: true }).click();

    await notice(page, `Le compte de ${NEW_SPONSOR.displayName} a été créé.`).waitFor();
    await table.getByText(`${DEMO_ACCOUNT_COUNT + 1} comptes`, { exact: true }).waitFor();
    expect((await cellTexts(accountRow(table, NEW_SPONSOR))).slice(0, 6)).toEqual([
      NEW_SPONSOR.displayName,
      NEW_SPONSOR.email,
      NEW_SPONSOR.roleLabel,
      // A no-break space before the colon, as French typography asks.
      "Ministère\u00a0: Ministère de l'Intérieur",
      "Actif",
      "Jamais",
    ]);
    await signOut(page);

    await signInWithPassword(page, NEW_SPONSOR, NEW_SPONSOR_PASSWORD);
    await waitForPage(page, "Portefeuille des lauréats");
    expect(await headerPerson(page, NEW_SPONSOR).innerText()).toBe(
      `${NEW_SPONSOR.displayName} — Sponsor ministériel`,
    );
    expect(
      await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link").allInnerTexts(),
    ).toEqual(["Portefeuille", "Mes projets", "Pilotage", "Revues", "Finances", "Essaimage"]);
    await signOut(page);

    await signInAsDemo(page, DEMO.admin);
    table = await openAccountsFromNavigation(page);
    await toggleStatus(page, NEW_SPONSOR, "Désactiver");
    await notice(
      page,
      `Le compte de ${NEW_SPONSOR.displayName} a été désactivé ; ses sessions ont été fermées.`,
    ).waitFor();
    await table.getByText(`${DEMO_ACCOUNT_COUNT + 1} comptes, dont 1 désactivé`, { exact: true }).waitFor();
    expect((await cellTexts(accountRow(table, NEW_SPONSOR)))[4]).toBe("Désactivé");
    await signOut(page);

    await submitSignInForm(page, NEW_SPONSOR.email, NEW_SPONSOR_PASSWORD);
    await signInRefusal(page, INVALID_CREDENTIALS).waitFor();
    expect(new URL(page.url()).pathname).toBe(SIGN_IN_PATH);
  });

  it("closes the open sessions of a deactivated account at once, and lets it back in once reactivated", async () => {
    const admin = await newPage();
    await signInAsDemo(admin, DEMO.admin);
    await openAccountsFromNavigation(admin);

    const sponsor = await newPage();
    await signInAsDemo(sponsor, DEMO.sponsorSante);
    await waitForPage(sponsor, "Portefeuille des lauréats");
    const laureateLink = sponsor
      .getByRole("table", { name: "Lauréats de l'appel à défis" })
      .getByRole("link", { name: LAUREATE_TITLE });
    await laureateLink.waitFor();

    await toggleStatus(admin, DEMO.sponsorSante, "Désactiver");
    await notice(admin, `a été désactivé ; ses sessions ont été fermées.`).waitFor();

    // The sponsor's page is still on screen; its next request finds the session closed.
    await laureateLink.click();
    await waitForSignInPage(sponsor);
    expect(new URL(sponsor.url()).searchParams.get("retour")).toBe("/laureats/dggn-lab-innovation");
    // A deactivated demonstration account is no longer offered (the list is cached until a reload).
    await sponsor.reload();
    await waitForSignInPage(sponsor);
    expect(
      await sponsor
        .getByRole("button", { name: `Se connecter en tant que ${DEMO.sponsorSante.displayName}` })
        .count(),
    ).toBe(0);

    await toggleStatus(admin, DEMO.sponsorSante, "Réactiver");
    await notice(admin, `Le compte de ${DEMO.sponsorSante.displayName} a été réactivé.`).waitFor();

    await signInAsDemo(sponsor, DEMO.sponsorSante, "/laureats/dggn-lab-innovation");
    await waitForPage(sponsor, LAUREATE_TITLE);
  });
});
