import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage } from "./support/browser";
import { drawEveryChart, openChartData } from "./support/charts";
import { csvObjects, parseCsv } from "./support/csv";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

/**
 * The demonstration's DDETS du Calvados has a quarterly indicator waiting
 * for its measure (« Dossiers mal orientés », 30 % → 10 %); the santé
 * sponsor covers it. The sponsor measures it in the guided update, the
 * officer reads it on the Impact tab and in the export, the direction on
 * /pilotage, and the next review lists it among the new measures.
 */
const DDETS = {
  slug: "ddets-calvados-orientation-sociale",
  title: "Outil d'orientation des travailleurs sociaux du Calvados",
};
const INDICATOR = "Dossiers mal orientés";
const TRAINED = "Travailleurs sociaux formés à l'outil d'orientation";
const parisToday = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];

async function signedIn(account: (typeof DEMO)[keyof typeof DEMO]): Promise<Page> {
  const opened = await openPage(browser, server.baseUrl);
  contexts.push(opened.context);
  pages.push(opened.page);
  await signInAsDemo(opened.page, account);
  return opened.page;
}

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser.close();
  await server.stop();
});

describe("impact: a sponsor measures, the officer, the direction and the review read the same figure", () => {
  let sponsor: Page;
  let officer: Page;

  it("asks the sponsor, in the guided update, for the measure that is due, and saves it with the rest", async () => {
    sponsor = await signedIn(DEMO.sponsorSante);
    await openAt(sponsor, "/mes-projets", "Mes projets");
    await sponsor.getByRole("link", { name: `Mettre à jour « ${DDETS.title} »` }).click();
    await waitForPage(sponsor, `Mise à jour de « ${DDETS.title} »`);
    await sponsor.getByText("Étape 1 sur 5").waitFor();
    await sponsor
      .locator("label")
      .filter({ hasText: /^Nuage/ })
      .click();
    await sponsor
      .getByRole("textbox", { name: /^Synthèse/ })
      .fill("L'outil est déployé dans deux territoires ; l'orientation s'améliore.");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByText("Étape 2 sur 5").waitFor();
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByText("Étape 3 sur 5").waitFor();
    const measure = sponsor.getByRole("group", { name: new RegExp(`^${INDICATOR}`) });
    await measure.getByRole("textbox", { name: /^Valeur/ }).fill("18,5");
    await measure.getByLabel("Date de la mesure").fill(parisToday);
    await expectNoAxeViolations(sponsor, "mise à jour guidée, indicateurs");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByText("Étape 5 sur 5").waitFor();
    await sponsor.getByRole("button", { name: "Enregistrer la mise à jour", exact: true }).click();
    await waitForPage(sponsor, "Mise à jour enregistrée");
  });

  it("shows the officer the new current value and progress rate on the Impact tab", async () => {
    officer = await signedIn(DEMO.officer);
    await openAt(officer, `/laureats/${DDETS.slug}?onglet=impact`, DDETS.title);
    // Its heading carries the « Démonstration » mark after the name.
    const indicator = officer.getByRole("region", { name: new RegExp(`^${INDICATOR}`) });
    await indicator.waitFor();
    const text = await indicator.innerText();
    expect(text).toContain("18,5\u00a0%");
    // (18,5 − 30) ÷ (10 − 30) = 57,5 %, shown rounded as the page rounds it.
    expect(text).toMatch(/5[78](,5)?\s?%/);
    expect(text.toLowerCase()).toContain("à jour");
    await expectNoAxeViolations(officer, "onglet Impact");
  });

  it("writes the same figure in the indicators' export", async () => {
    const response = await officer.request.get(`${server.baseUrl}/api/exports/indicateurs.csv`);
    expect(response.status()).toBe(200);
    const rows = csvObjects(parseCsv(await response.text(), ";"));
    const row = rows.find((item) => Object.values(item).includes(INDICATOR));
    expect(row).toBeDefined();
    expect(Object.values(row ?? {})).toContain("18,5");
  });

  it("imports a file of measures checked first, all or nothing, and finds it already recorded the second time", async () => {
    // The 15th of this month or, early in the month, of the previous one: never a demonstration measure's
    // day (those fall at the end of a month), never a day to come.
    const [year, month, day] = parisToday.split("-").map(Number) as [number, number, number];
    const back = day >= 15 ? 0 : 1;
    const measuredMonth = new Date(Date.UTC(year, month - 1 - back, 15));
    const measuredOn = measuredMonth.toISOString().slice(0, 10).split("-").reverse().join("/");
    const csv = `Lauréat;Indicateur;Date;Valeur;Source;Commentaire\n${DDETS.slug};${TRAINED};${measuredOn};212;Import e2e;\n`;
    const upload = async () => {
      await openAt(officer, "/indicateurs/import-mesures", "Importer des mesures");
      await officer
        .getByLabel(/^Fichier de mesures/)
        .setInputFiles({ name: "mesures.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await officer.getByRole("button", { name: "Vérifier le fichier", exact: true }).click();
      await officer.getByRole("heading", { name: "Vérification du fichier « mesures.csv »" }).waitFor();
    };
    await upload();
    await expectNoAxeViolations(officer, "mesures vérifiées");
    await officer.getByRole("button", { name: "Importer 1 mesure", exact: true }).click();
    await officer.getByRole("button", { name: "Confirmer l'import", exact: true }).click();
    const ended = officer.getByRole("heading", { name: "Import terminé" });
    await ended.waitFor();
    expect(await officer.locator("section", { has: ended }).textContent()).toContain("1 mesure enregistrée");

    await upload();
    await officer.getByText("Rien à importer : toutes les lignes sont déjà enregistrées.").waitFor();
  });

  it("lists the new measure in the next review, frozen with the other figures", async () => {
    await openAt(officer, "/revues", "Revues du portefeuille");
    await officer.getByLabel("Intitulé").fill("COPIL de l'impact");
    await officer.getByLabel("État au").fill(parisToday);
    await officer.getByRole("button", { name: "Ouvrir la revue" }).click();
    await officer.getByRole("heading", { level: 1, name: "COPIL de l'impact" }).waitFor();
    await officer
      .getByRole("heading", { level: 2, name: /^Impact : ce qui a changé depuis la revue du / })
      .waitFor();
    const measured = officer
      .getByRole("table", { name: "Nouvelles mesures" })
      .getByRole("row")
      .filter({ hasText: INDICATOR });
    expect(await measured.innerText()).toContain("18,5\u00a0%");
    expect(await measured.innerText()).toContain(DDETS.title);
    await expectNoAxeViolations(officer, "revue, impact");
  });

  it("adds the common indicators up for the direction on /pilotage, each chart with its table", async () => {
    const direction = await signedIn(DEMO.direction);
    await direction.goto("/pilotage");
    await waitForPage(direction, /^Pilotage du portefeuille au /);
    await drawEveryChart(direction);
    const impact = direction.getByRole("region", { name: "L'impact" });
    await impact.scrollIntoViewIfNeeded();
    const table = await openChartData(impact, /Agents formés/);
    expect(await table.getByRole("row").count()).toBeGreaterThan(1);
    await expectNoAxeViolations(direction, "pilotage, impact");
  });
});
