import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage } from "./support/browser";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

/**
 * The daily work of officers and sponsors (issue 17): chase a late sponsor
 * and give a laureate a sponsor from « À relancer »; a sponsor offered only
 * their scope, a guided update that keeps the previous synthesis apart and
 * leads to the next project; the Aide page and its « ? » links.
 */
const CHASED = DEMO.sponsorInterieur;
const SPONSOR = DEMO.sponsorSante;

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let officer: Page;
let admin: Page;
let sponsor: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  const pages: Page[] = [];
  for (const account of [DEMO.officer, DEMO.admin, SPONSOR]) {
    const opened = await openPage(browser, server.baseUrl);
    contexts.push(opened.context);
    await signInAsDemo(opened.page, account);
    pages.push(opened.page);
  }
  [officer, admin, sponsor] = pages as [Page, Page, Page];
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser.close();
  await server.stop();
});

/** A name as the start of an accessible name, its parentheses taken literally. */
const startingWith = (text: string) => new RegExp(`^${text.replace(/[()]/g, "\\$&")}`);
/** What a follow-up card says of a part whose update is due. */
const STALE_TEXT = /dernière mise à jour le|jamais mis à jour/;

const remindButton = (page: Page) =>
  page.getByRole("button", { name: `Relancer maintenant ${CHASED.displayName}`, exact: true });

describe("chasing from « À relancer »", () => {
  it("gives a late sponsor's address, and reminds them in one action, written in the outbox", async () => {
    await openAt(officer, "/a-relancer", "À relancer");
    // The administrator opened the page too, before the officer's reminder.
    await openAt(admin, "/a-relancer", "À relancer");
    const section = officer.getByRole("region", { name: startingWith(CHASED.displayName) });
    expect(await section.getByRole("link", { name: CHASED.email }).getAttribute("href")).toBe(
      `mailto:${CHASED.email}`,
    );
    expect(await section.innerText()).toContain("Dernier rappel :");
    await expectNoAxeViolations(officer, "à relancer");

    await remindButton(officer).click();
    await officer.getByText(startingWith(`Relance écrite pour ${CHASED.displayName}`)).waitFor();
    // Once a day: the action is now disabled, and says why.
    await officer.waitForFunction(
      (name) =>
        Array.from(document.querySelectorAll("button")).some(
          (button) => button.textContent === `Relancer maintenant ${name}` && button.disabled,
        ),
      CHASED.displayName,
    );
    const reasonId = (await remindButton(officer).getAttribute("aria-describedby")) ?? "";
    expect(await officer.locator(`[id="${reasonId}"]`).innerText()).toBe(
      `${CHASED.displayName} a déjà été relancé·e aujourd'hui : une relance par jour au plus.`,
    );
    await expectNoAxeViolations(officer, "à relancer, relance écrite");

    await openAt(officer, "/rappels", "Rappels et boîte d'envoi");
    const mail = officer.getByRole("button", { name: /^Défis : relance de la DITP/ }).first();
    await mail.click();
    // The accordion opens with a transition: its text is read once shown.
    const message = officer.locator("pre").first();
    await message.waitFor({ state: "visible" });
    const body = await message.innerText();
    expect(body).toContain(`Bonjour ${CHASED.displayName},`);
    expect(body).toContain(`${DEMO.officer.displayName}, de la DITP, vous relance`);
    expect(body).toMatch(/■ .+\n/);
  });

  it("answers a second reminder from another page in plain French, without a support reference", async () => {
    // The administrator's page was read before the reminder: its button is still enabled.
    await remindButton(admin).click();
    const alert = admin.getByRole("alert").filter({ hasText: "La relance n'a pas été écrite" });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("a déjà été relancé·e aujourd'hui");
    expect(text).not.toContain("référence");
    await expectNoAxeViolations(admin, "à relancer, relance refusée");
  });

  it("gives a sponsor to a laureate that had none", async () => {
    await openAt(officer, "/a-relancer", "À relancer");
    const orphans = officer.getByRole("region", { name: /^Sans sponsor désigné/ });
    // Two laureates whose update is due, so that the sponsor then has a next project to update.
    for (let given = 0; given < 2; given += 1) {
      const before = await orphans.getByRole("article").count();
      const card = orphans.getByRole("article").filter({ hasText: STALE_TEXT }).first();
      const title = await card.getByRole("heading").innerText();
      await card
        .getByRole("combobox", { name: /^Sponsor à désigner/ })
        .selectOption({ label: SPONSOR.displayName });
      await card.getByRole("button", { name: `Attribuer « ${title} »`, exact: true }).click();
      await officer
        .getByText(`« ${title} » est maintenant suivi par ${SPONSOR.displayName}.`, { exact: true })
        .waitFor();
      await expect.poll(() => orphans.getByRole("article").count()).toBe(before - 1);
    }
    await expectNoAxeViolations(officer, "à relancer, sponsor désigné");
  });
});

describe("a sponsor's guided update", () => {
  it("offers nothing outside the scope", async () => {
    await sponsor.goto("/mes-projets/dggn-lab-innovation/mise-a-jour");
    await waitForPage(sponsor, /^Mise à jour de « /);
    await sponsor.getByText("Ce lauréat n'est pas dans votre périmètre", { exact: true }).waitFor();
    expect(await sponsor.getByRole("button", { name: "Étape suivante" }).count()).toBe(0);
    await expectNoAxeViolations(sponsor, "mise à jour hors périmètre");
  });

  it("keeps the previous synthesis apart, goes on after it in one click, then leads to the next project", async () => {
    await openAt(sponsor, "/mes-projets", "Mes projets");
    await sponsor
      .getByRole("article")
      .filter({ hasText: STALE_TEXT })
      .first()
      .getByRole("link", { name: /^Mettre à jour « / })
      .click();
    await sponsor.getByText("Étape 1 sur 4").waitFor();
    const synthesis = sponsor.getByRole("textbox", { name: /^Synthèse/ });
    expect(await synthesis.inputValue()).toBe("");
    const reference = sponsor.getByRole("region", { name: /^Pour mémoire : synthèse de / });
    const previous = (await reference.locator("p").first().innerText()).trim();
    await expectNoAxeViolations(sponsor, "mise à jour guidée, synthèse précédente");
    await reference.getByRole("button", { name: "Repartir du texte précédent", exact: true }).click();
    await sponsor.keyboard.type(" Le partenaire a signé.");
    expect(await synthesis.inputValue()).toBe(`${previous} Le partenaire a signé.`);
    await sponsor
      .locator("label")
      .filter({ hasText: /^Nuage/ })
      .click();
    for (let step = 0; step < 3; step += 1) {
      await sponsor.getByRole("button", { name: "Étape suivante", exact: true }).click();
    }
    await sponsor.getByRole("button", { name: "Enregistrer la mise à jour", exact: true }).click();
    await waitForPage(sponsor, "Mise à jour enregistrée");
    const next = sponsor.getByRole("link", { name: /^Mettre à jour le projet suivant/ });
    await next.waitFor();
    await expectNoAxeViolations(sponsor, "mise à jour enregistrée, projet suivant");
    const firstUrl = sponsor.url();
    await next.click();
    await sponsor.getByText("Étape 1 sur 4").waitFor();
    expect(sponsor.url()).not.toBe(firstUrl);
    expect(await sponsor.getByRole("textbox", { name: /^Synthèse/ }).inputValue()).toBe("");
  });
});

describe("Aide", () => {
  it("is reachable from every page and answers, per role, what to do first; printable", async () => {
    await openAt(sponsor, "/mes-projets", "Mes projets");
    await sponsor.getByRole("link", { name: "Aide", exact: true }).first().click();
    await waitForPage(sponsor, "Aide");
    for (const role of ["Sponsor ministériel", "Chargé·e de mission DITP", "Direction", "Administrateur"]) {
      await sponsor.getByRole("heading", { name: role, exact: true }).waitFor();
    }
    await expectNoAxeViolations(sponsor, "aide");
    await sponsor.emulateMedia({ media: "print" });
    expect(await sponsor.getByRole("button", { name: "Imprimer l'aide" }).isVisible()).toBe(false);
    expect(
      await sponsor.getByText("Un jalon en retard de 1 à 29 jours : nuage", { exact: false }).isVisible(),
    ).toBe(true);
    await sponsor.emulateMedia({ media: "screen" });
  });

  it("opens a term from the « ? » beside it, the term focused", async () => {
    await openAt(officer, "/a-relancer", "À relancer");
    await officer
      .getByRole("link", { name: "Comment la fraîcheur est-elle calculée ?", exact: true })
      .click();
    await waitForPage(officer, "Aide");
    await officer.waitForFunction(() => document.activeElement?.id === "fraicheur");
  });
});
