import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage, type ColorScheme } from "./support/browser";
import { drawEveryChart, openChartData } from "./support/charts";
import { csvObjects, parseCsv } from "./support/csv";
import {
  cellTexts,
  centsOf,
  FINANCES_HEADING,
  FINANCES_PATH,
  longDate,
  readFigures,
  readTables,
  readTiles,
  rowNamed,
  shortDate,
} from "./support/finances";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, DEMO_PASSWORD, SIGN_IN_PATH, signInAsDemo, submitSignInForm } from "./support/session";

const DASHBOARD_PATH = "/pilotage";
const REVIEWS = { path: "/revues", heading: "Revues du portefeuille" };
const TILES = "Chiffres clés";
const REVIEW_LIST = "Revues, de la plus récente à la plus ancienne";
/** Every chart of the dashboard has this table beside it, behind « Voir les données ». */
const CHART_TABLES = [
  "Versements prévus, réalisés et atterrissage par mois",
  /^Alloué et versé par /,
  "Alloué et versé par région",
  "Lauréats par météo déclarée",
  "Météo des lauréats par période",
  "Jalons par situation",
  "Jalons par mois d'échéance et situation",
  "Adoptions par étape",
  /^Indicateurs propres aux lauréats au /,
];

function parisToday(): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());
}

function shiftDay(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dashboard's h1 on `day`, or, without one, on today in Paris: a run
 * that straddles midnight there sees the day on either side of it.
 */
function dashboardHeading(day?: string): string | RegExp {
  const title = (isoDay: string) => `Pilotage du portefeuille au ${longDate(isoDay)}`;
  if (day) return title(day);
  const today = parisToday();
  return new RegExp(`^(${[-1, 0, 1].map((shift) => title(shiftDay(today, shift))).join("|")})$`);
}

async function waitForDashboard(page: Page, day?: string): Promise<void> {
  await waitForPage(page, dashboardHeading(day));
  // Named after the day of the figures it shows: the previous day's stay on screen while the new ones load.
  const shortDay = day?.split("-").reverse().join("/");
  await page.getByRole("region", { name: shortDay ? `Synthèse au ${shortDay}` : /^Synthèse au / }).waitFor();
  for (const name of CHART_TABLES) {
    await page.locator("details caption").filter({ hasText: name }).first().waitFor({ state: "attached" });
  }
}

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server.baseUrl));
  // Without a page to return to, as after typing the address of the site.
  await page.goto(SIGN_IN_PATH);
  await submitSignInForm(page, DEMO.direction.email, DEMO_PASSWORD);
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.stop();
});

describe("the direction's dashboard and portfolio reviews", () => {
  const tilesToday: Record<string, string> = {};

  it("lands the direction on the dashboard, every chart with its table, the figures those of the finances page", async () => {
    await waitForDashboard(page);
    expect(new URL(page.url()).pathname).toBe(DASHBOARD_PATH);
    Object.assign(tilesToday, await readTiles(page, TILES));
    for (const name of CHART_TABLES) {
      // Closed until asked for: the page reads as charts; each table is one disclosure away.
      expect(await page.getByRole("table", { name }).count(), String(name)).toBe(0);
      const table = await openChartData(page, name);
      expect(await table.locator("tbody tr").count(), String(name)).toBeGreaterThan(0);
    }
    // Nothing to edit for the direction: no review can be opened from here.
    expect(await page.getByRole("button", { name: /Ouvrir/ }).count()).toBe(0);

    await openAt(page, FINANCES_PATH, FINANCES_HEADING);
    const finances = await readTiles(page);
    // The same rules, the same day: /pilotage and /finances give the same figure.
    for (const label of [
      "Enveloppe",
      "Alloué",
      "Engagé",
      "Non engagé",
      "Versé",
      "Restes à payer",
      "Bloqué par un jalon",
      "Réserve non allouée",
    ]) {
      expect(tilesToday[label], label).toBe(finances[label]);
    }
    expect(centsOf(tilesToday["Versé"] ?? "")).toBeGreaterThan(0);
  });

  it("gives each chart's data as an Excel CSV with the table's numbers", async () => {
    await page.goto(DASHBOARD_PATH);
    await waitForDashboard(page);
    const section = page.getByRole("region", { name: /sous ciel couvert ou orage/ });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: /Télécharger les données \(CSV\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    const records = csvObjects(parseCsv(bytes.subarray(3).toString("utf8"), ";"));
    await openChartData(section, "Lauréats par météo déclarée");
    const [table] = await readTables(section);
    expect(records.map((record) => Object.values(record)[1])).toEqual(table?.rows.map((row) => row[1]));

    await section.locator(".defis-chart svg").first().waitFor();
    const [image] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: /Télécharger l'image \(PNG\)/ }).click(),
    ]);
    expect(image.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile(await image.path());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("reaches a chart's tooltip with the keyboard", async () => {
    const chart = page.getByRole("group", { name: /^Graphique : .*sous ciel couvert ou orage/ });
    await chart.scrollIntoViewIfNeeded();
    const surface = chart.locator("[tabindex='0']").first();
    await surface.focus();
    await page.keyboard.press("ArrowRight");
    const tooltip = chart.locator(".recharts-tooltip-wrapper");
    await tooltip.filter({ hasText: /Soleil|Nuage|Couvert|Orage/ }).waitFor();
    expect(await tooltip.isVisible()).toBe(true);
  });

  it("drills down from a slice to the filtered portfolio, which counts as many laureates", async () => {
    const table = await openChartData(page, "Lauréats par météo déclarée");
    const row = rowNamed(table, /^(Soleil|Nuage|Couvert|Orage)$/).first();
    const level = ((await row.getByRole("rowheader").innerText()) || "").trim();
    const count = Number((await cellTexts(row))[0]);
    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Portefeuille des lauréats" }).waitFor();
    expect(new URL(page.url()).searchParams.get("meteo")).toBe(level.toLowerCase());
    await page
      .getByText(new RegExp(`^${count} lauréats?`))
      .first()
      .waitFor();

    await page.goBack();
    await waitForDashboard(page);
  });

  it("recomputes every figure as it stood on a past date, kept in the address", async () => {
    const day = "2023-12-31";
    await page.getByLabel("État au").fill(day);
    await waitForDashboard(page, day);
    expect(new URL(page.url()).searchParams.get("etat-au")).toBe(day);
    const past = await readTiles(page, TILES);
    expect(centsOf(past["Versé"] ?? "")).toBeLessThan(centsOf(tilesToday["Versé"] ?? ""));
    await page.reload();
    await waitForDashboard(page, day);
    expect(await readTiles(page, TILES)).toEqual(past);

    // /finances of the same day: the same money, as known then, under its banner.
    await openAt(page, `${FINANCES_PATH}?etat-au=${day}`, FINANCES_HEADING);
    await page.getByText(`État au ${shortDate(day)} : les chiffres tels qu'ils étaient connus`).waitFor();
    const finances = await readTiles(page);
    const versé = (tiles: Record<string, string>) =>
      centsOf(Object.entries(tiles).find(([label]) => label.startsWith("Versé"))?.[1] ?? "");
    expect(versé(finances)).toBe(versé(past));
    await page
      .getByRole("table", {
        name: new RegExp(`^Versements prévus et réalisés par mois, au ${longDate(day)}`),
      })
      .waitFor();
    await page.goBack();
    await waitForDashboard(page, day);

    await page.getByRole("link", { name: "Revenir à aujourd'hui" }).click();
    await waitForDashboard(page);
  });

  it("opens the latest review with what changed, one sheet per laureate, and prints it cleanly", async () => {
    await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Revues" })
      .first()
      .click();
    await waitForPage(page, REVIEWS.heading);
    const list = page.getByRole("table", { name: REVIEW_LIST });
    await list.getByRole("link").first().click();
    await page.getByRole("heading", { level: 2, name: /^Ce qui a changé depuis la revue du / }).waitFor();
    const sheets = page.getByRole("article");
    expect(await sheets.count()).toBe(27);

    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("banner").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Imprimer la revue" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(28);
    await page.emulateMedia({ media: "screen" });
  });

  it("holds the synthesis in the first screen at 1440×900: figures and their change, forecast, who needs a decision", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await page.goto(DASHBOARD_PATH);
      await waitForDashboard(page);
      const synthesis = page.getByRole("region", { name: /^Synthèse au / });
      const box = await synthesis.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? Infinity)).toBeLessThanOrEqual(900);

      const figures = synthesis.getByRole("region", { name: /^Chiffres clés/ });
      // The demonstration's latest review is the one compared with, and its day is said.
      expect(await figures.innerText()).toMatch(/Évolution depuis la revue du \d\d\/\d\d\/\d{4}/);
      const values = await readFigures(figures);
      // The synthesis reuses the dashboard's figures: the same amounts as its tiles.
      for (const label of ["Enveloppe", "Alloué", "Engagé", "Non engagé", "Versé", "Restes à payer"]) {
        expect(values[label], label).toBe(tilesToday[label]);
      }
      const changes = await figures.locator(".defis-key-figure__change").allInnerTexts();
      expect(changes.length).toBe(6);
      for (const change of changes)
        expect(change.replace(/\s+/g, " ").trim()).toMatch(/^(inchangé|en (hausse|baisse) de [+−-].*€)$/);

      const forecast = synthesis.getByRole("region", { name: "Atterrissage" });
      expect(await forecast.innerText()).toMatch(/après la date limite au rythme observé/);
      expect(await forecast.innerText()).toMatch(/\(dates de démonstration\)/);

      const decisions = synthesis.getByRole("region", { name: /une décision$/ });
      const first = decisions.getByRole("list").first().getByRole("listitem").first();
      await first.getByRole("link").first().waitFor();
      expect(await first.innerText()).toMatch(/orage|à vérifier|en retard|anomalie/i);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("never scrolls sideways at 390 px, charts drawn and their data opened", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(DASHBOARD_PATH);
      await waitForDashboard(page);
      const sideways = () =>
        page.evaluate(() => {
          const root = document.scrollingElement ?? document.documentElement;
          return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth };
        });
      const closed = await sideways();
      expect(closed.scrollWidth).toBeLessThanOrEqual(closed.innerWidth);
      await drawEveryChart(page);
      for (const name of CHART_TABLES) await openChartData(page, name);
      const opened = await sideways();
      expect(opened.scrollWidth).toBeLessThanOrEqual(opened.innerWidth);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("prints the note de synthèse on two A4 pages: figures, forecast, laureates needing a decision", async () => {
    await page.goto(DASHBOARD_PATH);
    await waitForDashboard(page);
    await page.getByRole("link", { name: "Note de synthèse à imprimer" }).click();
    await waitForPage(page, /^Note de synthèse du portefeuille au /);
    const synthesis = page.getByRole("region", { name: /^Synthèse au / });
    await synthesis.getByRole("region", { name: "Atterrissage" }).waitFor();
    // On paper, no disclosure: every laureate needing a decision is listed.
    expect(await synthesis.locator("details").count()).toBe(0);
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.getByRole("banner").isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Imprimer la note" }).isVisible()).toBe(false);
      const pdf = await page.pdf({ format: "A4" });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(2);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  for (const scheme of ["light", "dark"] as const satisfies readonly ColorScheme[]) {
    it(`passes axe on the dashboard, /finances of a past day and a review in the ${scheme} theme`, async () => {
      const themed = await openPage(browser, server.baseUrl, scheme);
      try {
        await signInAsDemo(themed.page, DEMO.direction, DASHBOARD_PATH);
        await waitForDashboard(themed.page);
        await expectNoAxeViolations(themed.page, `pilotage (${scheme})`);
        // The same page with every chart drawn and every table shown.
        await drawEveryChart(themed.page);
        for (const name of CHART_TABLES) await openChartData(themed.page, name);
        await expectNoAxeViolations(themed.page, `pilotage, données ouvertes (${scheme})`);
        await themed.page.goto(`${DASHBOARD_PATH}/note-de-synthese`);
        await waitForPage(themed.page, /^Note de synthèse du portefeuille au /);
        await themed.page.getByRole("region", { name: "Atterrissage" }).waitFor();
        await expectNoAxeViolations(themed.page, `note de synthèse (${scheme})`);
        await openAt(themed.page, `${FINANCES_PATH}?etat-au=2023-12-31`, FINANCES_HEADING);
        await themed.page.getByText(/^État au 31\/12\/2023 : /).waitFor();
        await expectNoAxeViolations(themed.page, `finances au 31/12/2023 (${scheme})`);
        await themed.page.goto(REVIEWS.path);
        await waitForPage(themed.page, REVIEWS.heading);
        await expectNoAxeViolations(themed.page, `revues (${scheme})`);
        await themed.page.getByRole("table", { name: REVIEW_LIST }).getByRole("link").first().click();
        await themed.page
          .getByRole("heading", { level: 2, name: /^Ce qui a changé depuis la revue du / })
          .waitFor();
        await expectNoAxeViolations(themed.page, `revue (${scheme})`);
      } finally {
        await themed.context.close();
      }
    });
  }
});

describe("an officer opening today's review", () => {
  it("freezes today's figures and lists what changed since the latest demonstration review", async () => {
    const officer = await openPage(browser, server.baseUrl);
    try {
      await signInAsDemo(officer.page, DEMO.officer);
      await openAt(officer.page, REVIEWS.path, REVIEWS.heading);
      await officer.page.getByLabel("Intitulé").fill("COPIL de décembre");
      await officer.page.getByLabel("État au").fill(parisToday());
      await officer.page.getByRole("button", { name: "Ouvrir la revue" }).click();
      await officer.page.getByRole("heading", { level: 1, name: /COPIL de décembre/ }).waitFor();
      await officer.page
        .getByRole("heading", { level: 2, name: /^Ce qui a changé depuis la revue du / })
        .waitFor();
      const tiles = await readTiles(officer.page, TILES);
      expect(tiles["Versé"]).toMatch(/€$/);
      // The same day again is refused, in French, and opens nothing.
      await openAt(officer.page, REVIEWS.path, REVIEWS.heading);
      const reviews = officer.page.getByRole("table", { name: REVIEW_LIST });
      await reviews.getByRole("link", { name: "COPIL de décembre" }).waitFor();
      const before = await reviews.locator("tbody tr").count();
      await officer.page.getByLabel("Intitulé").fill("Doublon");
      await officer.page.getByLabel("État au").fill(parisToday());
      await officer.page.getByRole("button", { name: "Ouvrir la revue" }).click();
      await officer.page.getByText(/Une revue existe déjà pour le/).waitFor();
      expect(await officer.page.getByRole("table", { name: REVIEW_LIST }).locator("tbody tr").count()).toBe(
        before,
      );
    } finally {
      await officer.context.close();
    }
  });
});
