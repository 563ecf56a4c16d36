import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage, type BrowserPage, type ColorScheme } from "./support/browser";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

const REVIEWS = { path: "/revues", heading: "Revues du portefeuille" };
const REVIEW_LIST = "Revues, de la plus récente à la plus ancienne";
const FOLLOW_UP = /^Décisions des revues précédentes, statut au /;
const DECISION = "Relancer le sponsor pour le calendrier des jalons (essai de bout en bout)";
const CHU = {
  slug: "chu-toulouse-parkinson",
  title: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
};

function parisDay(shift = 0): string {
  const today = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
}

async function openLatestReview(page: Page): Promise<void> {
  await openAt(page, REVIEWS.path, REVIEWS.heading);
  await page.getByRole("table", { name: REVIEW_LIST }).getByRole("link").first().click();
  await page.getByRole("heading", { level: 2, name: "Suivi des décisions précédentes" }).waitFor();
}

function rowOf(page: Page, table: string | RegExp, text: string) {
  return page.getByRole("table", { name: table }).locator("tbody tr").filter({ hasText: text });
}

let server: AppServer;
let browser: Browser;
let officer: BrowserPage;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  officer = await openPage(browser, server.baseUrl);
  await signInAsDemo(officer.page, DEMO.officer);
});

afterAll(async () => {
  await officer.context.close();
  await browser.close();
  await server.stop();
});

describe("decisions carried from one review to the next", () => {
  it("shows the demonstration's follow-up, records a decision, and finds it with its status in the next review", async () => {
    const { page } = officer;
    await openLatestReview(page);
    // The second demonstration review follows up the first one's decisions, each where it stood.
    const followUp = page.getByRole("table", { name: FOLLOW_UP });
    const text = await followUp.textContent();
    for (const standing of ["Faite", "Abandonnée", "En retard"]) expect(text).toContain(standing);

    await page.getByRole("button", { name: "Enregistrer une décision" }).click();
    const form = page.getByRole("form", { name: "Enregistrer une décision" });
    await form.getByLabel(/^Décision/).fill(DECISION);
    await form.getByLabel(/^Responsable/).fill("Camille Durand");
    await form.getByLabel(/^Échéance/).fill(parisDay(14));
    await form.getByText(CHU.title, { exact: true }).click();
    await form.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.getByText(`La décision « ${DECISION} » est enregistrée.`).waitFor();
    await rowOf(page, /^Décisions prises à la revue du /, DECISION).waitFor();

    // The next review opens with it, in progress.
    await openAt(page, REVIEWS.path, REVIEWS.heading);
    await page.getByLabel("Intitulé").fill("COPIL des décisions");
    await page.getByLabel("État au").fill(parisDay());
    await page.getByRole("button", { name: "Ouvrir la revue" }).click();
    await page.getByRole("heading", { level: 1, name: "COPIL des décisions" }).waitFor();
    const carried = rowOf(page, FOLLOW_UP, DECISION);
    await carried.waitFor();
    expect(await carried.textContent()).toContain("En cours");
    expect(await carried.textContent()).toContain(CHU.title);

    await page.getByRole("button", { name: `Noter le statut : ${DECISION}` }).click();
    const status = page.getByRole("form", { name: `Suivi de la décision : ${DECISION}` });
    await status.getByLabel(/^Statut/).selectOption("faite");
    await status.getByLabel(/^Note/).fill("Relance envoyée");
    await status.getByRole("button", { name: "Noter le statut" }).click();
    await page.getByText(/statut « Faite » noté à la revue du/).waitFor();
    expect(await rowOf(page, FOLLOW_UP, DECISION).textContent()).toContain("Relance envoyée");

    // The laureate's page lists it, with its status.
    await page.goto(`/laureats/${CHU.slug}?onglet=suivi`);
    const ofLaureate = rowOf(page, /^Décisions des revues pour /, DECISION);
    await ofLaureate.waitFor();
    expect(await ofLaureate.textContent()).toContain("Faite");
  });

  it("prints the review with its charts, drawn from its frozen figures", async () => {
    const { page } = officer;
    await openLatestReview(page);
    // The charts' module loads beside the page; the last chart's data disclosure says it is there.
    await page.locator("summary", { hasText: "Adoptions par étape" }).waitFor();
    const charts = page.locator(".defis-chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(8);
    // Drawn at once, without scrolling: what the browser prints is there.
    for (const chart of await charts.all()) await chart.locator("svg").first().waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    try {
      for (const chart of await charts.all()) expect(await chart.isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Enregistrer une décision" }).isVisible()).toBe(false);
      const pdf = await page.pdf({ format: "A4" });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(28);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  for (const scheme of ["light", "dark"] as const satisfies readonly ColorScheme[]) {
    it(`passes axe on a review's decisions and their forms in the ${scheme} theme`, async () => {
      const themed = await openPage(browser, server.baseUrl, scheme);
      try {
        await signInAsDemo(themed.page, DEMO.officer);
        await openLatestReview(themed.page);
        await expectNoAxeViolations(themed.page, `revue et décisions (${scheme})`);
        await themed.page.getByRole("button", { name: "Enregistrer une décision" }).click();
        await themed.page.getByRole("form", { name: "Enregistrer une décision" }).waitFor();
        await expectNoAxeViolations(themed.page, `formulaire de décision (${scheme})`);
        await themed.page.goto(`/laureats/${CHU.slug}?onglet=suivi`);
        await waitForPage(themed.page, CHU.title);
        await themed.page.getByRole("heading", { level: 2, name: "Décisions des revues" }).waitFor();
        await expectNoAxeViolations(themed.page, `décisions d'un lauréat (${scheme})`);
      } finally {
        await themed.context.close();
      }
    });
  }
});
