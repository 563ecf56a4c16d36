import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage } from "./support/browser";
import { laureateFinancesPath } from "./support/finances";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo, submitSignInForm, DEMO_PASSWORD, SIGN_IN_PATH } from "./support/session";

/**
 * The demonstration's deliberate divergence: the CHU de Toulouse declares
 * "soleil" while a milestone is 45 days late, and its solde waits for the
 * final evaluation. The santé sponsor covers it.
 */
const CHU = {
  slug: "chu-toulouse-parkinson",
  title: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
};
const FINAL_MILESTONE = "Évaluation et bilan partagé";
const SPONSOR = DEMO.sponsorSante;
const OFFICER = DEMO.officer;
const parisToday = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let sponsor: Page;
let officer: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  for (const account of [SPONSOR, OFFICER]) {
    const opened = await openPage(browser, server.baseUrl);
    contexts.push(opened.context);
    if (account === SPONSOR) sponsor = opened.page;
    else officer = opened.page;
  }
  await signInAsDemo(officer, OFFICER);
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser.close();
  await server.stop();
});

function card(page: Page, title: string): Locator {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

function soldeRow(page: Page): Locator {
  return page
    .getByRole("table", { name: /^Tranches de l'échéancier/ })
    .getByRole("row")
    .filter({ hasText: "Solde" });
}

describe("a sponsor keeps a project up to date; the officer sees it and the money follows", () => {
  it("shows the solde's 'service fait' disabled, with why, while its milestone is not reached", async () => {
    await openAt(officer, laureateFinancesPath(CHU.slug), CHU.title);
    const solde = soldeRow(officer);
    // Badges are written in capitals by the DSFR stylesheet.
    expect((await solde.innerText()).toLowerCase()).toContain(`${FINAL_MILESTONE} non atteint`.toLowerCase());
    // Refused early: the step is shown disabled, its reason written beside it and given as its description.
    const serviceFait = solde.getByRole("button", { name: "Service fait : Tranche 3 (solde)", exact: true });
    expect(await serviceFait.isDisabled()).toBe(true);
    const reasonId = (await serviceFait.getAttribute("aria-describedby")) ?? "";
    expect(await officer.locator(`[id="${reasonId}"]`).innerText()).toBe(
      `Cette tranche attend le jalon « ${FINAL_MILESTONE} » : le service fait ne peut être constaté qu'une fois ce jalon atteint.`,
    );
    await expectNoAxeViolations(officer, "service fait grisé faute de jalon");
  });

  it("lands the sponsor on their projects, the contradicted météo flagged", async () => {
    await sponsor.goto(SIGN_IN_PATH);
    await submitSignInForm(sponsor, SPONSOR.email, DEMO_PASSWORD);
    await waitForPage(sponsor, "Mes projets");
    expect(new URL(sponsor.url()).pathname).toBe("/mes-projets");
    const chu = card(sponsor, CHU.title);
    expect(await chu.innerText()).toContain("MÉTÉO À VÉRIFIER");
    await expectNoAxeViolations(sponsor, "Mes projets");
  });

  it("updates météo, milestones and comments through the guided flow, saved together", async () => {
    await card(sponsor, CHU.title)
      .getByRole("link", { name: `Mettre à jour « ${CHU.title} »` })
      .click();
    await waitForPage(sponsor, `Mise à jour de « ${CHU.title} »`);
    await sponsor.getByText("Étape 1 sur 4").waitFor();
    await sponsor
      .locator("label")
      .filter({ hasText: /^Couvert/ })
      .click();
    await sponsor.getByRole("textbox", { name: /^Synthèse/ }).fill("");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByText("Étape 2 sur 4").waitFor();
    await expectNoAxeViolations(sponsor, "mise à jour guidée, jalons");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByRole("button", { name: "Enregistrer la mise à jour", exact: true }).click();
    // The empty synthesis takes the sponsor back to the first step, nothing saved.
    await sponsor.getByText("Rédigez une synthèse de 10 caractères au moins.", { exact: true }).waitFor();
    await expectNoAxeViolations(sponsor, "mise à jour guidée, erreur de synthèse");
    await sponsor
      .getByRole("textbox", { name: /^Synthèse/ })
      .fill("Le prototype a pris du retard ; l'évaluation finale vient d'être rendue.");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();

    const milestone = sponsor.getByRole("group", { name: new RegExp(`^${FINAL_MILESTONE}`) });
    await milestone.getByRole("combobox", { name: "Statut" }).selectOption({ label: "Atteint" });
    await milestone.getByLabel("Atteint le").fill(parisToday);
    await milestone
      .getByRole("textbox", { name: /^Preuve : note/ })
      .fill("Rapport d'évaluation remis au comité");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor
      .getByRole("textbox", { name: "Risques et blocages" })
      .fill("Le recrutement de l'animateur reste à confirmer.");
    await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    await sponsor.getByText("Étape 4 sur 4").waitFor();
    await expectNoAxeViolations(sponsor, "mise à jour guidée, vérification");
    await sponsor.getByRole("button", { name: "Enregistrer la mise à jour", exact: true }).click();
    await waitForPage(sponsor, "Mise à jour enregistrée");
    await expectNoAxeViolations(sponsor, "mise à jour enregistrée");
  });

  it("shows the officer the change, its freshness and author, and no flag any more", async () => {
    await openAt(officer, "/a-relancer", "À relancer");
    expect(await officer.getByRole("region", { name: /^Météo à vérifier/ }).count()).toBe(0);
    await expectNoAxeViolations(officer, "À relancer");

    await openAt(officer, `/laureats/${CHU.slug}?onglet=suivi`, CHU.title);
    const health = officer.getByRole("region", { name: "Météo déclarée et santé calculée" });
    await health.waitFor();
    expect(await health.innerText()).not.toContain("à vérifier avec le sponsor");
    const freshness = officer.getByRole("table", { name: /^Dernières mises à jour/ });
    for (const part of ["Jalons", "Météo"]) {
      const row = freshness.getByRole("row").filter({ hasText: part });
      expect(await row.innerText()).toContain(SPONSOR.displayName);
      expect(await row.innerText()).toContain("À JOUR");
    }
    const milestones = officer.getByRole("table", { name: /jalons, dont/ });
    expect(await milestones.getByRole("row").filter({ hasText: FINAL_MILESTONE }).innerText()).toContain(
      "ATTEINT",
    );
    expect(await officer.getByRole("region", { name: "Risques et blocages" }).innerText()).toContain(
      "Le recrutement de l'animateur reste à confirmer.",
    );
    await expectNoAxeViolations(officer, "suivi du lauréat");
  });

  it("lets the solde pass 'service fait' now that its milestone is reached", async () => {
    await openAt(officer, laureateFinancesPath(CHU.slug), CHU.title);
    const solde = soldeRow(officer);
    expect((await solde.innerText()).toLowerCase()).toContain(`${FINAL_MILESTONE} atteint`.toLowerCase());
    await solde.getByRole("button", { name: "Service fait : Tranche 3 (solde)", exact: true }).click();
    const form = officer.getByRole("form", { name: "Constater le service fait — Tranche 3 (solde)" });
    await form.getByRole("button", { name: "Enregistrer le service fait", exact: true }).click();
    await officer.getByRole("status").filter({ hasText: "Tranche 3 (solde) : service fait le" }).waitFor();
  });

  it("puts the week's digest for the sponsor in the outbox the officer reads", async () => {
    await openAt(officer, "/rappels", "Rappels et boîte d'envoi");
    const digest = officer
      .getByRole("button")
      .filter({ hasText: `à ${SPONSOR.displayName}` })
      .first();
    await digest.waitFor();
    await digest.click();
    // The accordion opens with a transition: wait for the link to be shown rather than ask at once.
    await officer.getByText(`/laureats/${CHU.slug}`, { exact: false }).first().waitFor();
    await expectNoAxeViolations(officer, "boîte d'envoi");
  });
});
