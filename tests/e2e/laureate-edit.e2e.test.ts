import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { launchBrowser, openPage } from "./support/browser";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

const LAUREATE = {
  path: "/laureats/prevention-perte-autonomie",
  title: "Prévention de la perte d'autonomie des personnes âgées",
};
const NEW_PORTEUR = "Caisse nationale de solidarité pour l'autonomie (CNSA)";
const OFFICER = DEMO.officer;
const JOURNAL_HEADING = "Journal des modifications";

// One visit of the officer, step by step: each step starts where the previous one left the page.
let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server.baseUrl));
  await signInAsDemo(page, OFFICER);
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.stop();
});

function recordAside(): Locator {
  return page.getByRole("complementary", { name: "Fiche" });
}

/** The value beside a term of the record: "Porteur du projet" → its porteur. */
function factOf(term: string): Locator {
  return recordAside().locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
}

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim());
}

async function waitForJournalCount(text: string): Promise<void> {
  await page
    .getByRole("status")
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();
}

describe("parcours d'un·e chargé·e de mission", () => {
  it("sets the porteur of a laureate and sees it on the record, after a reload too", async () => {
    await openAt(page, LAUREATE.path, LAUREATE.title);
    expect(await factOf("Porteur du projet").innerText()).toBe("Non précisé dans l'annonce");

    await page.getByRole("button", { name: "Modifier la fiche", exact: true }).click();
    const form = page.getByRole("form", { name: "Modifier la fiche" });
    await form.getByRole("textbox", { name: "Porteur du projet" }).fill(NEW_PORTEUR);
    await form.getByRole("button", { name: "Enregistrer", exact: true }).click();

    await page.getByRole("status").filter({ hasText: "La fiche a été enregistrée." }).waitFor();
    expect(await form.count()).toBe(0);
    expect(await factOf("Porteur du projet").innerText()).toBe(NEW_PORTEUR);

    await page.reload();
    await waitForPage(page, LAUREATE.title);
    expect(await factOf("Porteur du projet").innerText()).toBe(NEW_PORTEUR);
  });

  it("lists the change in the laureate's history, with its author", async () => {
    await page.getByRole("tab", { name: "Historique", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("onglet") === "historique");
    const history = page.getByRole("table", { name: "Historique des modifications de la fiche" });
    await history.waitFor();
    const rows = history.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    const [, author, action, changes] = await cellTexts(rows.first());
    expect(author).toBe(`${OFFICER.displayName} (${OFFICER.roleLabel})`);
    expect(action).toBe("Modification de la fiche lauréat");
    expect(changes).toContain("Porteur du projet");
    expect(changes).toContain(NEW_PORTEUR);
  });

  it("finds the change in the journal, filtered by object and author, with a CSV link that keeps the filters", async () => {
    await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Journal" })
      .click();
    await page.waitForURL((url) => url.pathname === "/journal");
    await waitForPage(page, JOURNAL_HEADING);
    const journal = page.getByRole("table", { name: JOURNAL_HEADING });
    await journal.waitFor();

    await page.getByRole("combobox", { name: "Objet", exact: true }).selectOption({ label: "Lauréat" });
    await page.waitForURL((url) => url.searchParams.get("objet") === "laureat");
    await waitForJournalCount("1 événement correspondant aux filtres");

    const author = page.getByRole("combobox", { name: "Auteur", exact: true });
    const officerOption = author.getByRole("option", { name: `${OFFICER.displayName} (${OFFICER.email})` });
    const officerId = await officerOption.getAttribute("value");
    expect(officerId).toMatch(/^\d+$/);
    await author.selectOption(officerId ?? "");
    await page.waitForURL((url) => url.searchParams.get("acteur") === officerId);
    await waitForJournalCount("1 événement correspondant aux filtres");

    const [, name, role, action, object, laureate, changes] = await cellTexts(
      journal.locator("tbody tr").first(),
    );
    expect([name, role, action, object, laureate]).toEqual([
      OFFICER.displayName,
      OFFICER.roleLabel,
      "Modification de la fiche lauréat",
      "Lauréat",
      LAUREATE.title,
    ]);
    expect(changes).toContain(NEW_PORTEUR);

    const download = page.getByRole("link", { name: "Télécharger le journal (CSV)" });
    const href = new URL((await download.getAttribute("href")) ?? "", server.baseUrl);
    expect(href.pathname).toBe("/api/exports/journal.csv");
    expect(Object.fromEntries(href.searchParams)).toEqual({ acteur: officerId, objet: "laureat" });
  });

  it("serves that CSV for French Excel, with only the filtered events", async () => {
    const href = await page.getByRole("link", { name: "Télécharger le journal (CSV)" }).getAttribute("href");
    // page.request carries the page's session cookie, as the browser's download would.
    const response = await page.request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="defis-journal-\d{4}-\d{2}-\d{2}\.csv"$/,
    );

    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    // Every line break is a CRLF: no bare LF is left once they are split off.
    expect(lines.some((line) => line.includes("\n"))).toBe(false);
    expect(lines[0]?.split(";").slice(0, 5)).toEqual([
      "Date (heure de Paris)",
      "Auteur",
      "Adresse de l'auteur",
      "Rôle",
      "Action",
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.split(";").slice(1, 5)).toEqual([
      OFFICER.displayName,
      OFFICER.email,
      OFFICER.roleLabel,
      "Modification de la fiche lauréat",
    ]);
    expect(lines[1]).toContain(NEW_PORTEUR);

    // Without filters the journal holds more: the sign-ins, at least.
    const everything = await page.request.get("/api/exports/journal.csv");
    expect(
      (await everything.text()).split("\r\n").filter((line) => line.includes(";Connexion;")).length,
    ).toBeGreaterThan(0);
  });
});
