import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage } from "./support/browser";
import { cellTexts, FINANCES_HEADING, rowNamed } from "./support/finances";
import { waitForPage } from "./support/pages";
import { DEMO, signInAsDemo } from "./support/session";

const CONTROLS_HEADING = "Contrôles de cohérence";
/** A transfer of credits whose decision is not dated in the demonstration (one laureate in six is not signed). */
const INCOMPLETE = {
  slug: "mi-participation-citoyenne",
  title: "Stratégie de participation citoyenne du ministère de l'Intérieur",
};
const DECISION_DAY = "2024-02-01";

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

function navigation(): Locator {
  return page.getByRole("navigation", { name: "Menu principal" });
}

/** The number of anomalies the navigation announces, read from its accessible name. */
async function countInNavigation(): Promise<number> {
  // Chromium may put a space before the hidden words' comma: "Contrôles , 50 anomalies à corriger".
  const item = navigation().getByRole("link", { name: /^Contrôles ?, \d+ anomalies? à corriger$/ });
  await item.waitFor();
  const name = (await item.textContent()) ?? "";
  return Number(/(\d+) anomalies?/.exec(name)?.[1] ?? "NaN");
}

function kindTable(label: string): Locator {
  return page.getByRole("table", { name: new RegExp(`^${label} : \\d+ anomalies?$`) });
}

describe("the consistency controls, as an officer uses them", () => {
  let before = 0;

  it("counts the anomalies in the navigation and lists them by kind, accessibly", async () => {
    before = await countInNavigation();
    expect(before).toBeGreaterThan(0);
    await navigation()
      .getByRole("link", { name: /^Contrôles/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/controles");
    await waitForPage(page, CONTROLS_HEADING);
    await page
      .getByRole("status")
      .filter({ hasText: `${before} anomalies à corriger` })
      .waitFor();
    // The anomaly the demonstration made on purpose, said as such on the page.
    await page.getByText(/^Démonstration : une allocation a été augmentée exprès/).waitFor();
    const gap = await cellTexts(
      kindTable("Échéancier différent de l'allocation").locator("tbody tr").first(),
    );
    // The row header names the laureate; the cells: detail, amount, since, action.
    expect(gap[1]).toBe("+20\u202f000,00\u00a0€");
    await expectNoAxeViolations(page, "Contrôles de cohérence");
  });

  it("leads from an anomaly to the section that fixes it, where the fix makes it disappear", async () => {
    const incomplete = kindTable("Dossier de financement incomplet");
    await rowNamed(incomplete, INCOMPLETE.title)
      .getByRole("link", { name: /^Corriger/ })
      .click();
    await page.waitForURL(
      (url) =>
        url.pathname === `/laureats/${INCOMPLETE.slug}` &&
        url.searchParams.get("onglet") === "finances" &&
        url.hash === "#finances-financement-titre",
    );
    // Focus lands on the section's heading once the tab has drawn it.
    await page.waitForFunction(() => document.activeElement?.id === "finances-financement-titre");

    const funding = page.getByRole("region", { name: "Convention et engagement juridique", exact: true });
    await funding
      .getByRole("button", { name: "Modifier les informations de financement", exact: true })
      .click();
    const form = page.getByRole("form", { name: "Modifier les informations de financement" });
    await form.getByLabel("Date de signature de la convention", { exact: true }).fill(DECISION_DAY);
    await form.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await funding
      .getByRole("status")
      .filter({ hasText: "Les informations de financement ont été enregistrées." })
      .waitFor();

    await navigation()
      .getByRole("link", { name: /^Contrôles/ })
      .click();
    await waitForPage(page, CONTROLS_HEADING);
    await page
      .getByRole("status")
      .filter({ hasText: `${before - 1} anomalies à corriger` })
      .waitFor();
    expect(await incomplete.getByRole("row", { name: new RegExp(`^${INCOMPLETE.title}`) }).count()).toBe(0);
    expect(await countInNavigation()).toBe(before - 1);
  });

  it("offers the downloads on the finances page, named with the day, and tells beforehand what the SCDL file drops", async () => {
    await navigation().getByRole("link", { name: "Finances", exact: true }).click();
    await waitForPage(page, FINANCES_HEADING);
    const downloads = page.getByRole("region", { name: "Télécharger les données financières", exact: true });

    const [payments] = await Promise.all([
      page.waitForEvent("download"),
      downloads.getByRole("link", { name: /^CSV pour Excel : Versements et contre-passations/ }).click(),
    ]);
    expect(payments.suggestedFilename()).toMatch(/^defis-versements-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readDownload(payments);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toContain(";");

    // The demonstration enters no beneficiary's SIRET and the server has no attribuant's: every subsidy is dropped.
    const preview = downloads.getByText(
      /^Le fichier contiendra 0 ligne sur (\d+) subventions ; \1 subventions en sont écartées/,
    );
    await preview.waitFor();
    await downloads
      .getByText(/^SIRET de l'attribuant non configuré \(SCDL_ATTRIBUANT_SIRET\) : \d+ subventions$/)
      .waitFor();
    const [scdl] = await Promise.all([
      page.waitForEvent("download"),
      downloads.getByRole("link", { name: /^Subventions au format SCDL/ }).click(),
    ]);
    expect(scdl.suggestedFilename()).toMatch(/^defis-scdl-subventions-\d{4}-\d{2}-\d{2}\.csv$/);
    expect((await readDownload(scdl)).toString("utf8")).toMatch(/^nomAttribuant,idAttribuant,[^\r\n]+\r\n$/);
    await expectNoAxeViolations(page, "Finances, téléchargements");
  });
});

async function readDownload(download: {
  createReadStream(): Promise<NodeJS.ReadableStream>;
}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
