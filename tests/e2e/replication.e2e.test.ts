import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage, type ColorScheme } from "./support/browser";
import { openChartData } from "./support/charts";
import { openAt, waitForReplicationPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

const REPLICATION = { path: "/essaimage", heading: "Essaimage" };
/** A laureate the demonstration scenario leaves unscored, without adoption or asset. */
const LAUREATE = {
  path: "/laureats/chms-ehpad-aix-les-bains?onglet=essaimage",
  title: "EHPAD co-conçu avec ses habitants au CH Métropole Savoie",
};
const ORGANISATION = "Centre hospitalier fictif de recette";
const CRITERIA = [
  "Maturité de la solution",
  "Preuves de résultats",
  "Transférabilité à d'autres territoires ou administrations",
  "Coût et effort de réplication",
  "Prérequis juridiques ou organisationnels",
  "Ouverture des ressources réutilisables",
];

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser, server.baseUrl));
  await signInAsDemo(page, DEMO.officer);
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.stop();
});

function cellsOf(row: Locator): Promise<string[]> {
  return row.locator("th, td").allInnerTexts();
}

/** The figures of one row, named by its first cell, of a table named `table`. */
async function rowOf(from: Page, table: string, name: string): Promise<string[] | null> {
  const rows = (await openChartData(from, table)).getByRole("row");
  for (const row of await rows.all()) {
    const cells = await cellsOf(row);
    if (cells[0]?.trim() === name) return cells.map((cell) => cell.trim());
  }
  return null;
}

async function openReplication(from: Page): Promise<void> {
  await openAt(from, REPLICATION.path, REPLICATION.heading);
  await waitForReplicationPage(from);
}

async function openLaureate(from: Page): Promise<void> {
  await from.goto(LAUREATE.path);
  await from.getByRole("heading", { name: "Potentiel d'essaimage", exact: true }).waitFor();
}

const before = { deployed: 0, bretagne: 0 };

describe("replication, from scoring to the national picture", () => {
  it("reads the national picture before the officer acts", async () => {
    await openReplication(page);
    before.deployed = Number((await rowOf(page, "Adoptions par étape", "Déployée"))?.[1] ?? "0");
    before.bretagne = Number(
      (await rowOf(page, "Adoptions en cours ou déployées par région", "Bretagne"))?.[1] ?? "0",
    );
    expect(await page.title()).toContain("Essaimage");
  });

  it("lets the officer score the laureate with the sponsor, and shows the index with its formula", async () => {
    await openLaureate(page);
    await page.getByRole("button", { name: "Noter le lauréat", exact: true }).click();
    const form = page.getByRole("form", { name: "Noter le potentiel d'essaimage" });
    const scores = [4, 3, 4, 2, 2, 3];
    for (const [index, criterion] of CRITERIA.entries()) {
      const group = form.getByRole("group", { name: criterion, exact: true });
      await group.getByText(new RegExp(`^${scores[index]} — `)).click();
      await group
        .getByRole("textbox", { name: /Justification/ })
        .fill(`Constat partagé en comité (${index + 1}).`);
    }
    await form.getByRole("textbox", { name: "Sponsor avec qui la grille a été remplie" }).fill("Sacha Petit");
    // 100 × (4 + 3 + 2×4 + 2 + 2 + 3) / 28 = 78.6 → 79
    await form.getByText("Indice calculé : 79 / 100 (potentiel élevé)").waitFor();
    await form.getByRole("button", { name: "Enregistrer la grille", exact: true }).click();
    await page.getByText("Grille enregistrée : indice 79 / 100 (potentiel élevé).").waitFor();
    await page.getByText("Indice de potentiel : 79 / 100 (potentiel élevé)").waitFor();
    await page
      .getByText(/Indice = 100 × \(maturité/)
      .first()
      .waitFor();
    expect(await rowOf(page, "Grille d'essaimage en vigueur", CRITERIA[2] ?? "")).toEqual([
      CRITERIA[2],
      "4",
      "Constat partagé en comité (3).",
    ]);
  });

  it("records an adoption and moves it through its stages", async () => {
    await page.getByRole("button", { name: "Enregistrer une adoption", exact: true }).click();
    const form = page.getByRole("form", { name: "Enregistrer une adoption" });
    await form.getByRole("textbox", { name: /Administration ou collectivité/ }).fill(ORGANISATION);
    await form.getByRole("combobox", { name: "Région", exact: true }).selectOption("53");
    await form.getByRole("combobox", { name: /Département/ }).selectOption("29");
    await form.getByRole("button", { name: "Enregistrer l'adoption", exact: true }).click();
    await page.getByText(`Adoption par « ${ORGANISATION} » enregistrée à l'étape « Identifiée ».`).waitFor();

    for (const stage of ["Contactée", "Pilote", "Déployée"]) {
      await page
        .getByRole("button", { name: `Passer à « ${stage} » : ${ORGANISATION}`, exact: true })
        .click();
      await page.getByRole("button", { name: "Enregistrer l'étape", exact: true }).click();
      await page.getByText(new RegExp(`^${ORGANISATION} : étape « ${stage} » enregistrée le `)).waitFor();
    }
    const table = page.getByRole("table", { name: /reprennent/ });
    const row = table.getByRole("row").filter({ hasText: ORGANISATION });
    await row.getByText("Déployée", { exact: true }).waitFor();
    await row.getByText("Bretagne, Finistère (29)").waitFor();
    // A deployed adoption offers no further step.
    expect(await row.getByRole("button", { name: /^Passer à/ }).count()).toBe(0);
  });

  it("shows the new adoption in the funnel, the matrix and the map", async () => {
    await openReplication(page);
    expect(Number((await rowOf(page, "Adoptions par étape", "Déployée"))?.[1])).toBe(before.deployed + 1);
    expect(Number((await rowOf(page, "Adoptions en cours ou déployées par région", "Bretagne"))?.[1])).toBe(
      before.bretagne + 1,
    );
    const point = await rowOf(
      page,
      "Indice de potentiel et avancement des adoptions par lauréat noté",
      LAUREATE.title,
    );
    expect(point?.slice(1)).toEqual(["79 / 100 (potentiel élevé)", "Déployée", "1"]);
    // The map's région filters the page, from the keyboard.
    await page.getByRole("button", { name: /^Bretagne : / }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/essaimage\?region=53$/);
    await page.getByRole("table", { name: "Adoptions enregistrées" }).getByText(ORGANISATION).waitFor();
  });

  for (const scheme of ["light", "dark"] as ColorScheme[]) {
    it(`has no axe violation on the replication pages in the ${scheme} theme`, async () => {
      const visit = await openPage(browser, server.baseUrl, scheme);
      try {
        await signInAsDemo(visit.page, DEMO.officer);
        await openReplication(visit.page);
        await expectNoAxeViolations(visit.page, `essaimage (thème ${scheme})`);
        await openLaureate(visit.page);
        await expectNoAxeViolations(visit.page, `essaimage du lauréat (thème ${scheme})`);
      } finally {
        await visit.context.close();
      }
    });
  }

  it("shows leadership the same picture, read-only", async () => {
    const visit = await openPage(browser, server.baseUrl);
    try {
      await signInAsDemo(visit.page, DEMO.direction);
      await openLaureate(visit.page);
      await visit.page.getByText("Indice de potentiel : 79 / 100 (potentiel élevé)").waitFor();
      await visit.page
        .getByRole("table", { name: /reprennent/ })
        .getByText(ORGANISATION)
        .waitFor();
      expect(
        await visit.page
          .getByRole("button", {
            name: /^(Noter|Enregistrer une adoption|Passer à|Abandonner|Modifier|Ajouter|Clôturer)/,
          })
          .count(),
      ).toBe(0);
      await openReplication(visit.page);
      await visit.page
        .getByRole("table", { name: "Adoptions enregistrées" })
        .getByText(ORGANISATION)
        .waitFor();
    } finally {
      await visit.context.close();
    }
  });
});
