import type { ImportJob, ImportReport } from "../../packages/domain/src/imports";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage } from "./support/browser";
import { csvObjects, parseCsv } from "./support/csv";
import {
  cellTexts,
  centsOf,
  csvEuros,
  euros,
  FINANCES_HEADING,
  FINANCES_PATH,
  FRENCH_EUROS,
  laureateFinancesPath,
  leadingCentsOf,
  longDate,
  readFigures,
  readTables,
  readTiles,
  rowNamed,
  shortDate,
  typedEuros,
  withoutColumn,
  type TableText,
} from "./support/finances";
import { openAt, waitForPage } from "./support/pages";
import { DEMO, signInAsDemo, type Account } from "./support/session";

const OFFICER = DEMO.officer;
/** The laureate whose allocation the officer raises. */
const RAISED = {
  slug: "ddt77-projet-service-climat",
  title: "Projet de service de la DDT de Seine-et-Marne autour des enjeux climatiques",
};
/** Its funding record has no EJ and it has no schedule yet (packages/db/src/seed/demo-finance.ts). */
const UNSCHEDULED = {
  slug: "mi-participation-citoyenne",
  title: "Stratégie de participation citoyenne du ministère de l'Intérieur",
};
/** A demonstration laureate with a paid avance, not reversed, and tranches still planned. */
const UNDER_WAY = {
  slug: "dggn-lab-innovation",
  title: "Laboratoire d'innovation de la gendarmerie nationale",
};

const RAISE_CENTS = 1_234_567;
const RAISE_REASON = "Extension du projet à deux nouveaux services (comité du 12 mars)";
const CONVENTION_DAY = "2024-03-15";
const EJ_NUMBER = "2103456789";
const DP_REFERENCE = "DP-2024-000417";
const PAYMENT_REFERENCE = "VIR-2024-88812";
const REVERSAL_REASON = "Virement rejeté par la banque du bénéficiaire";

const MONEY_TILES = [
  "Enveloppe",
  "Alloué",
  "Réserve non allouée",
  "Engagé",
  "Versé",
  "Non engagé",
  "Restes à payer",
  "Bloqué par un jalon",
];
const STEP_BUTTON = /^(Service fait|Demande de paiement|Payé|Annuler) : Tranche \d+/;
/** Every button that moves money, by the start of its accessible name. */
const MONEY_BUTTONS =
  /^(Modifier l'allocation|Attribuer un montant|Réaffecter|Contre-passer|Proposer un échéancier|Modifier les tranches prévues|Modifier les informations de financement|Appliquer l'échéancier rééquilibré|Garder l'écart|Versement hors échéancier|(Service fait|Demande de paiement|Payé|Annuler|Jalon requis) : Tranche)/;

const LAUREATE_CSV_HEADER = [
  "Identifiant",
  "Titre",
  "Porteur",
  "Ministère",
  "Catégorie",
  "Région",
  "Département",
  "Mode de financement",
  "Montant alloué (€)",
  "Montant initial (€)",
  "Engagé",
  "Non engagé (€)",
  "Versé (€)",
  "Restes à payer (€)",
  "Bloqué par un jalon (€)",
  "Numéro EJ",
  "Date de convention",
  "Versé sans engagement (€)",
];
const LAUREATE_CSV_AMOUNTS = [
  "Montant alloué (€)",
  "Montant initial (€)",
  "Non engagé (€)",
  "Versé (€)",
  "Bloqué par un jalon (€)",
  "Versé sans engagement (€)",
];
/** Restes à payer are a number once committed, and empty (not 0) while nothing is. */
function expectRemainingToPay(record: Record<string, string>, decimal: "," | "."): void {
  const amount = new RegExp(`^-?\\d+\\${decimal}\\d{2}$`);
  expect(record["Restes à payer (€)"], record.Identifiant).toMatch(record.Engagé === "oui" ? amount : /^$/);
}
/** The 16 fields of the SCDL "subventions" 2.1.1 schema, in its order. */
const SCDL_FIELDS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "rnaBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
  "dispositifAide",
];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// One visit of the officer, step by step: each step starts where the previous one left the data.
let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** What the earlier steps did, for the exports and the other roles to find. */
const done = {
  raisedAllocationCents: 0,
  allocationCents: 0,
  avanceCents: 0,
  stepDay: "",
  paymentId: "",
  reversalId: "",
};

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

function allocationsTable(from: Page): Locator {
  return from.getByRole("table", { name: /^Montant alloué par lauréat, au / });
}

/** The finances page once every table has arrived: allocations, four splits, months. */
async function openFinances(from: Page): Promise<void> {
  await openAt(from, FINANCES_PATH, FINANCES_HEADING);
  await allocationsTable(from).waitFor();
  await from.getByRole("table", { name: /^Par mode de financement, au / }).waitFor();
  await from.getByRole("table", { name: /^Versements prévus et réalisés par mois, au / }).waitFor();
}

/** A laureate's "Finances" tab once its figures have arrived. */
async function openLaureateFinances(from: Page, laureate: { slug: string; title: string }): Promise<void> {
  await openAt(from, laureateFinancesPath(laureate.slug), laureate.title);
  await section(from, "Mouvements de l'allocation").waitFor();
}

/** A section of the page, by its heading: the allocation, the schedule, the payments… */
function section(from: Page, heading: string): Locator {
  return from.getByRole("region", { name: heading, exact: true });
}

/** A tranche's status, as written in its badge (which the DSFR shows in capitals). */
async function statusOf(row: Locator): Promise<string> {
  return ((await row.locator(".fr-badge").textContent()) ?? "").trim();
}

/** The success notice a section leaves once its panel closes. */
async function waitForNotice(scope: Locator, text: string): Promise<void> {
  await scope.getByRole("status").filter({ hasText: text }).waitFor();
}

function allocationFigures(): Promise<Record<string, string>> {
  return readFigures(section(page, "Allocation"));
}

/** The allocated amount, whether or not it is still flagged as demonstration data. */
function allocatedCentsOf(figures: Record<string, string>): number {
  return leadingCentsOf(figures["Montant alloué"] ?? figures["Montant alloué (démonstration)"] ?? "");
}

async function request(path: string) {
  // page.request carries the page's session cookie, as the browser's download would.
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return response;
}

function expectAttachment(headers: Record<string, string>, prefix: string, extension: string): void {
  expect(headers["content-disposition"]).toMatch(
    new RegExp(`^attachment; filename="${prefix}-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
  );
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/** A CSV download for French Excel: BOM, ";", CRLF; its records by column name. */
async function excelCsv(path: string, prefix: string): Promise<Record<string, string>[]> {
  const response = await request(path);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expectAttachment(response.headers(), prefix, "csv");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual(BYTE_ORDER_MARK);
  return csvObjects(parseCsv(bytes.subarray(3).toString("utf8"), ";"));
}

/** An open-data CSV download: no BOM, ",", CRLF. */
async function openDataCsv(path: string, prefix: string) {
  const response = await request(path);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expectAttachment(response.headers(), prefix, "csv");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).not.toEqual(BYTE_ORDER_MARK);
  return { response, table: parseCsv(bytes.toString("utf8"), ",") };
}

function recordsOf(
  records: Record<string, string>[],
  column: string,
  value: string,
): Record<string, string>[] {
  return records.filter((record) => record[column] === value);
}

describe("parcours d'un·e chargé·e de mission dans les finances", () => {
  it("reads the envelope's key figures, French-formatted and consistent with each other", async () => {
    await openFinances(page);
    const tiles = await readTiles(page);
    expect(Object.keys(tiles)).toEqual([...MONEY_TILES, "% versé"]);
    for (const label of MONEY_TILES) expect(tiles[label], label).toMatch(FRENCH_EUROS);
    expect(tiles["% versé"]).toMatch(/^\d{1,3}(,\d)?[\u00a0\u202f]%$/);

    const cents = (label: string) => centsOf(tiles[label] ?? "");
    expect(cents("Enveloppe")).toBe(300_000_000);
    expect(cents("Alloué") + cents("Réserve non allouée")).toBe(cents("Enveloppe"));
    // Every euro allocated is committed or not; restes à payer are what is left of the committed.
    expect(cents("Engagé") + cents("Non engagé")).toBe(cents("Alloué"));
    expect(cents("Restes à payer")).toBeLessThanOrEqual(cents("Engagé"));
    expect(cents("Bloqué par un jalon")).toBeGreaterThanOrEqual(0);
  });

  it("lists the late tranches and the money they hold, each linking to its laureate's finances", async () => {
    const late = page.getByRole("table", { name: /^Tranches en retard au / });
    await late.waitFor();
    // The demonstration's laboratory has two tranches planned in 2023 and 2024, still unpaid.
    const rows = late.locator("tbody tr").filter({ hasText: UNDER_WAY.title });
    expect(await rows.count()).toBe(2);
    let heldCents = 0;
    for (const cells of await Promise.all((await rows.all()).map((row) => cellTexts(row)))) {
      expect(cells[3]).toMatch(/^En retard de \d[\d\u202f]* jours$/);
      heldCents += centsOf(cells[4] ?? "");
    }
    const caption = (await late.locator("caption").innerText()).trim();
    const total = centsOf(caption.slice(caption.lastIndexOf(":") + 1).trim());
    expect(total).toBeGreaterThanOrEqual(heldCents);
    await rows
      .first()
      .getByRole("link", { name: `${UNDER_WAY.title} : ses finances`, exact: true })
      .waitFor();
  });

  it("raises one laureate's allocation with its reason, after a confirmation, and sees the table and the reserve follow", async () => {
    const tilesBefore = await readTiles(page);
    const reserveBefore = centsOf(tilesBefore["Réserve non allouée"] ?? "");
    const allocatedBefore = centsOf(tilesBefore.Alloué ?? "");
    const row = rowNamed(allocationsTable(page), `${RAISED.title} : ses finances`);
    const [, , amountBefore] = await cellTexts(row);
    const before = centsOf(amountBefore ?? "");
    const after = before + RAISE_CENTS;

    await row
      .getByRole("button", { name: `Modifier l'allocation de « ${RAISED.title} »`, exact: true })
      .click();
    const form = page.getByRole("form", { name: `Modifier l'allocation de « ${RAISED.title} »` });
    await form.getByRole("textbox", { name: /^Nouveau montant alloué/ }).fill(typedEuros(after));
    await form.getByRole("textbox", { name: /^Motif de la modification/ }).fill(RAISE_REASON);
    await form.getByRole("button", { name: "Vérifier avant d'enregistrer", exact: true }).click();

    // Nothing is saved before the confirmation, which shows before, after and the reserve left.
    const confirmation = page.getByRole("region", {
      name: `Confirmer la nouvelle allocation de « ${RAISED.title} »`,
    });
    await confirmation.waitFor();
    const gapFigure = "Écart échéancier / montant alloué après l'opération";
    await confirmation.getByText(gapFigure, { exact: true }).waitFor();
    const confirmed = await readFigures(confirmation);
    expect(confirmed).toMatchObject({
      "Montant alloué actuel": euros(before),
      "Nouveau montant alloué": euros(after),
      Variation: `+${euros(RAISE_CENTS)}`,
      "Réserve non allouée après l'opération": `${euros(reserveBefore - RAISE_CENTS)} (au lieu de ${euros(reserveBefore)})`,
      Motif: RAISE_REASON,
    });
    // Its schedule planned the whole allocation: the raise is the gap it will leave.
    expect(confirmed[gapFigure]).toContain(`+${euros(RAISE_CENTS)} (échéancier prévu : ${euros(before)})`);
    expect((await cellTexts(row))[2]).toBe(euros(before));

    await confirmation.getByRole("button", { name: "Confirmer la nouvelle allocation", exact: true }).click();
    await waitForNotice(
      section(page, "Allocations par lauréat"),
      `L'allocation de « ${RAISED.title} » est désormais de ${euros(after)}.`,
    );
    expect(await confirmation.count()).toBe(0);
    expect((await cellTexts(row))[2]).toBe(euros(after));
    const tiles = await readTiles(page);
    expect(tiles["Réserve non allouée"]).toBe(euros(reserveBefore - RAISE_CENTS));
    expect(tiles.Alloué).toBe(euros(allocatedBefore + RAISE_CENTS));
    done.raisedAllocationCents = after;
  });

  it("is offered the rebalanced schedule, the planned solde absorbing the raise, and applies it", async () => {
    const offer = page.getByRole("region", { name: "Échéancier et montant alloué", exact: true });
    await offer.waitFor();
    expect(await offer.innerText()).toContain(`écart échéancier / montant alloué : +${euros(RAISE_CENTS)}`);
    const proposal = offer.getByRole("table", {
      name: `Échéancier rééquilibré proposé pour « ${RAISED.title} »`,
    });
    const [solde] = await proposal.locator("tbody tr").all();
    expect(await proposal.locator("tbody tr").count()).toBe(1);
    const [before, proposed] = solde ? await cellTexts(solde) : [];
    expect(centsOf(proposed ?? "") - centsOf(before ?? "")).toBe(RAISE_CENTS);
    await offer
      .getByRole("button", { name: `Appliquer l'échéancier rééquilibré de « ${RAISED.title} »`, exact: true })
      .click();
    await waitForNotice(
      section(page, "Allocations par lauréat"),
      `L'échéancier de « ${RAISED.title} » suit désormais le montant alloué.`,
    );
    expect(await offer.count()).toBe(0);
  });

  it("finds the raise in the laureate's allocation movements, with its reason and author", async () => {
    await allocationsTable(page)
      .getByRole("link", { name: `${RAISED.title} : ses finances`, exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === `/laureats/${RAISED.slug}` && url.searchParams.get("onglet") === "finances",
    );
    await waitForPage(page, RAISED.title);
    const movements = section(page, "Mouvements de l'allocation").getByRole("table");
    await movements.waitFor();
    const [kind, delta, amountAfter, reason, author] = await cellTexts(movements.locator("tbody tr").first());
    expect([kind, delta, amountAfter, reason, author]).toEqual([
      "Augmentation",
      `+${euros(RAISE_CENTS)}`,
      euros(done.raisedAllocationCents),
      RAISE_REASON,
      OFFICER.displayName,
    ]);
    expect(allocatedCentsOf(await allocationFigures())).toBe(done.raisedAllocationCents);
    // The rebalanced schedule follows the allocation: no gap left to show.
    expect(await section(page, "Écart échéancier / montant alloué").count()).toBe(0);
    // Its solde, planned in 2024 and unpaid, says how late it is.
    const solde = rowNamed(section(page, "Échéancier").getByRole("table"), "3. Solde");
    expect((await cellTexts(solde))[2]).toMatch(/^Prévu en retard de \d[\d\u202f]* jours$/i);
  });

  it("records the convention and the legal commitment of a laureate that had neither", async () => {
    await openLaureateFinances(page, UNSCHEDULED);
    const allocation = await allocationFigures();
    done.allocationCents = allocatedCentsOf(allocation);
    // A transfer of credits is committed by its dated decision: the page says so beside the figure.
    expect(allocation["Engagé"]).toBe("NonEngagé : la décision de transfert de crédits est datée.");
    expect(leadingCentsOf(allocation["Versé"] ?? "")).toBe(0);
    // Nothing committed: no remaining amount is made up, not even 0.
    expect(allocation["Restes à payer (engagé moins versé)"]).toBe("Non calculés : rien n'est engagé");

    const funding = section(page, "Convention et engagement juridique");
    await funding
      .getByRole("button", { name: "Modifier les informations de financement", exact: true })
      .click();
    const form = page.getByRole("form", { name: "Modifier les informations de financement" });
    await form.getByLabel("Date de signature de la convention", { exact: true }).fill(CONVENTION_DAY);
    await form.getByRole("textbox", { name: /^Numéro d'engagement juridique \(EJ\) Chorus/ }).fill(EJ_NUMBER);
    await form.getByRole("button", { name: "Enregistrer", exact: true }).click();

    await waitForNotice(funding, "Les informations de financement ont été enregistrées.");
    const facts = await readFigures(funding);
    expect(facts["Date de signature de la convention"]).toBe(longDate(CONVENTION_DAY));
    expect(facts["Numéro d'engagement juridique (EJ)"]).toBe(EJ_NUMBER);
    const committed = await allocationFigures();
    expect(committed["Engagé"]).toBe(
      `Oui, EJ n° ${EJ_NUMBER}Engagé : la décision de transfert de crédits est datée.`,
    );
    expect(leadingCentsOf(committed["Restes à payer (engagé moins versé)"] ?? "")).toBe(done.allocationCents);
  });

  it("proposes the usual schedule (avance 30 %, one acompte, solde 20 %) and saves it", async () => {
    const schedule = section(page, "Échéancier");
    await schedule.getByRole("button", { name: "Proposer un échéancier", exact: true }).click();
    const planner = page.getByRole("form", { name: "Proposer un échéancier" });
    await planner.waitFor();

    const avance = Math.floor(done.allocationCents * 0.3);
    const solde = Math.floor(done.allocationCents * 0.2);
    const proposed: [string, number][] = [
      ["Avance", avance],
      ["Acompte", done.allocationCents - avance - solde],
      ["Solde", solde],
    ];
    for (const [index, [kind, cents]] of proposed.entries()) {
      const line = planner.getByRole("group", { name: `Tranche prévue ${index + 1}`, exact: true });
      const type = line.getByRole("combobox", { name: "Type", exact: true });
      expect(await type.locator("option:checked").innerText()).toBe(kind);
      expect(await line.getByRole("textbox", { name: "Montant prévu (en euros)" }).inputValue()).toBe(
        typedEuros(cents),
      );
    }
    expect(await planner.getByRole("group", { name: /^Tranche prévue/ }).count()).toBe(3);
    await planner.getByRole("button", { name: "Enregistrer l'échéancier", exact: true }).click();

    await waitForNotice(schedule, "L'échéancier a été enregistré : 3 tranches prévues.");
    const tranches = schedule.getByRole("table", { name: /^Tranches de l'échéancier, au / });
    for (const [index, [kind, cents]] of proposed.entries()) {
      const row = rowNamed(tranches, `${index + 1}. ${kind}`);
      expect((await cellTexts(row))[0]).toBe(euros(cents));
      expect(await statusOf(row)).toBe("Prévu");
    }
    done.avanceCents = avance;
  });

  it("moves the avance to service fait, then to its payment request with the DP number", async () => {
    const schedule = section(page, "Échéancier");
    const avanceRow = rowNamed(schedule.getByRole("table"), "1. Avance");

    await schedule.getByRole("button", { name: "Service fait : Tranche 1 (avance)", exact: true }).click();
    const serviceFait = page.getByRole("form", { name: "Constater le service fait — Tranche 1 (avance)" });
    // The step is dated today by default.
    done.stepDay = await serviceFait.getByLabel(/^Date du service fait/).inputValue();
    expect(done.stepDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await serviceFait.getByRole("button", { name: "Enregistrer le service fait", exact: true }).click();
    await waitForNotice(schedule, `Tranche 1 (avance) : service fait le ${longDate(done.stepDay)}.`);
    expect(await statusOf(avanceRow)).toBe("Service fait");
    expect((await cellTexts(avanceRow))[4]).toBe(`Service fait le ${shortDate(done.stepDay)}`);

    await schedule
      .getByRole("button", { name: "Demande de paiement : Tranche 1 (avance)", exact: true })
      .click();
    const request = page.getByRole("form", {
      name: "Enregistrer la demande de paiement — Tranche 1 (avance)",
    });
    await request
      .getByRole("textbox", { name: /^Numéro de la demande de paiement \(DP\)/ })
      .fill(DP_REFERENCE);
    await request.getByRole("button", { name: "Enregistrer la demande de paiement", exact: true }).click();
    await waitForNotice(
      schedule,
      `Tranche 1 (avance) : demande de paiement du ${longDate(done.stepDay)} enregistrée.`,
    );
    expect(await statusOf(avanceRow)).toBe("Demande de paiement");
    expect((await cellTexts(avanceRow))[4]).toContain(
      `Demande de paiement le ${shortDate(done.stepDay)} (DP n° ${DP_REFERENCE})`,
    );
  });

  it("pays the avance after a confirmation, lists the payment and counts it as paid", async () => {
    const schedule = section(page, "Échéancier");
    await schedule.getByRole("button", { name: "Payé : Tranche 1 (avance)", exact: true }).click();
    const form = page.getByRole("form", { name: "Enregistrer le paiement — Tranche 1 (avance)" });
    // The planned amount is offered by default.
    expect(await form.getByRole("textbox", { name: /^Montant payé/ }).inputValue()).toBe(
      typedEuros(done.avanceCents),
    );
    await form.getByRole("textbox", { name: /^Référence du paiement/ }).fill(PAYMENT_REFERENCE);
    await form.getByRole("button", { name: "Vérifier avant d'enregistrer", exact: true }).click();

    const confirmation = page.getByRole("region", { name: "Confirmer le paiement — Tranche 1 (avance)" });
    await confirmation.waitFor();
    const facts = await readFigures(confirmation);
    expect(facts["Montant payé"]).toBe(euros(done.avanceCents));
    expect(facts["Référence du paiement"]).toBe(PAYMENT_REFERENCE);
    // Not paid until confirmed.
    expect(leadingCentsOf((await allocationFigures())["Versé"] ?? "")).toBe(0);

    await confirmation.getByRole("button", { name: "Confirmer le paiement", exact: true }).click();
    await waitForNotice(
      schedule,
      `Tranche 1 (avance) : paiement de ${euros(done.avanceCents)} enregistré le ${longDate(done.stepDay)}.`,
    );
    expect(await statusOf(rowNamed(schedule.getByRole("table"), "1. Avance"))).toBe("Payé");

    const payments = section(page, "Versements").getByRole("table", { name: /^Versements enregistrés, au / });
    const rows = payments.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    const paymentId = (await rows.first().getByRole("rowheader").innerText()).trim();
    expect(paymentId).toMatch(/^n° \d+$/);
    done.paymentId = paymentId.slice("n° ".length);
    expect(await cellTexts(rows.first())).toEqual([
      shortDate(done.stepDay),
      euros(done.avanceCents),
      PAYMENT_REFERENCE,
      "Paiement d'une tranche",
      "Saisie",
      "—",
      `Contre-passer le versement n° ${done.paymentId}`,
    ]);

    const allocation = await allocationFigures();
    expect(leadingCentsOf(allocation["Versé"] ?? "")).toBe(done.avanceCents);
    expect(leadingCentsOf(allocation["Restes à payer (engagé moins versé)"] ?? "")).toBe(
      done.allocationCents - done.avanceCents,
    );
  });

  it("reverses that payment with a reason, after a confirmation, and sees the negative entry", async () => {
    const payments = section(page, "Versements");
    const name = `versement n° ${done.paymentId}`;
    await payments.getByRole("button", { name: `Contre-passer le ${name}`, exact: true }).click();
    const form = page.getByRole("form", { name: `Contre-passer le ${name}` });
    await form.getByRole("textbox", { name: /^Motif de la contre-passation/ }).fill(REVERSAL_REASON);
    await form.getByRole("button", { name: "Vérifier avant d'enregistrer", exact: true }).click();

    const confirmation = page.getByRole("region", { name: `Confirmer la contre-passation du ${name}` });
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain(`Motif : ${REVERSAL_REASON}`);
    expect(leadingCentsOf((await allocationFigures())["Versé"] ?? "")).toBe(done.avanceCents);
    await confirmation.getByRole("button", { name: "Confirmer la contre-passation", exact: true }).click();
    await waitForNotice(payments, `Le ${name} (${euros(done.avanceCents)}) a été contre-passé.`);

    const table = payments.getByRole("table", { name: /^Versements enregistrés, au / });
    expect(await table.locator("tbody tr").count()).toBe(2);
    const reversal = table
      .locator("tbody tr")
      .filter({ hasText: `Contre-passe le versement n° ${done.paymentId}` });
    const reversalId = (await reversal.getByRole("rowheader").innerText()).trim();
    expect(reversalId).toMatch(/^n° \d+$/);
    done.reversalId = reversalId.slice("n° ".length);
    const [day, amount, reference, nature, source, link, action] = await cellTexts(reversal);
    // Dated by the server, the day it is recorded.
    expect(day).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // The reversal carries the reference of the payment it cancels.
    expect([amount, reference, nature, source, action]).toEqual([
      euros(-done.avanceCents),
      PAYMENT_REFERENCE,
      "Contre-passation",
      "Saisie",
      "—",
    ]);
    expect(link).toBe(`Contre-passe le versement n° ${done.paymentId} ; motif : ${REVERSAL_REASON}`);
    expect(await cellTexts(rowNamed(table, `n° ${done.paymentId}`))).toEqual([
      shortDate(done.stepDay),
      euros(done.avanceCents),
      PAYMENT_REFERENCE,
      "Paiement d'une tranche",
      "Saisie",
      `Contre-passé par le versement n° ${done.reversalId}`,
      "—",
    ]);
    expect(await payments.getByRole("button", { name: /^Contre-passer/ }).count()).toBe(0);

    const allocation = await allocationFigures();
    expect(leadingCentsOf(allocation["Versé"] ?? "")).toBe(0);
    expect(leadingCentsOf(allocation["Restes à payer (engagé moins versé)"] ?? "")).toBe(
      done.allocationCents,
    );
  });
});

describe("exports des finances, avec la session de la page", () => {
  it("serves laureats.csv for French Excel: BOM, semicolons, CRLF, decimal comma", async () => {
    const records = await excelCsv("/api/exports/laureats.csv", "defis-laureats");
    expect(Object.keys(records[0] ?? {})).toEqual(LAUREATE_CSV_HEADER);
    expect(records).toHaveLength(27);
    for (const record of records) {
      for (const column of LAUREATE_CSV_AMOUNTS) expect(record[column], column).toMatch(/^-?\d+,\d{2}$/);
      expectRemainingToPay(record, ",");
    }
    const [raised] = recordsOf(records, "Identifiant", RAISED.slug);
    expect(raised?.["Montant alloué (€)"]).toBe(csvEuros(done.raisedAllocationCents, ","));
    const [funded] = recordsOf(records, "Identifiant", UNSCHEDULED.slug);
    expect(funded).toMatchObject({
      Titre: UNSCHEDULED.title,
      "Montant alloué (€)": csvEuros(done.allocationCents, ","),
      Engagé: "oui",
      "Non engagé (€)": "0,00",
      "Versé (€)": "0,00",
      "Restes à payer (€)": csvEuros(done.allocationCents, ","),
      "Bloqué par un jalon (€)": "0,00",
      "Numéro EJ": EJ_NUMBER,
      "Date de convention": CONVENTION_DAY,
    });
  });

  it("serves laureats.csv for open data: no BOM, commas, CRLF, decimal point", async () => {
    const { table } = await openDataCsv(
      "/api/exports/laureats.csv?format=opendata",
      "defis-laureats-opendata",
    );
    expect(table.header).toEqual(LAUREATE_CSV_HEADER);
    const records = csvObjects(table);
    expect(records).toHaveLength(27);
    for (const record of records) {
      for (const column of LAUREATE_CSV_AMOUNTS) expect(record[column], column).toMatch(/^-?\d+\.\d{2}$/);
      expectRemainingToPay(record, ".");
    }
    expect(recordsOf(records, "Identifiant", RAISED.slug)[0]?.["Montant alloué (€)"]).toBe(
      csvEuros(done.raisedAllocationCents, "."),
    );
    // An unknown dialect is refused rather than guessed.
    expect((await page.request.get("/api/exports/laureats.csv?format=tableur")).status()).toBe(400);
  });

  it("serves tranches.csv with the schedule and the steps just recorded", async () => {
    const records = recordsOf(
      await excelCsv("/api/exports/tranches.csv", "defis-tranches"),
      "Lauréat (identifiant)",
      UNSCHEDULED.slug,
    );
    expect(records.map((record) => [record.Ordre, record.Type, record.Statut])).toEqual([
      // The avance's payment was reversed: the tranche is due again.
      ["1", "Avance", "Demande de paiement"],
      ["2", "Acompte", "Prévu"],
      ["3", "Solde", "Prévu"],
    ]);
    expect(records[0]).toMatchObject({
      "Montant prévu (€)": csvEuros(done.avanceCents, ","),
      "Service fait le": done.stepDay,
      "Demande de paiement le": done.stepDay,
      "Référence de la demande de paiement": DP_REFERENCE,
      "Payé le": "",
    });
  });

  it("serves paiements.csv with the payment and its reversal", async () => {
    const records = recordsOf(
      await excelCsv("/api/exports/paiements.csv", "defis-versements"),
      "Lauréat (identifiant)",
      UNSCHEDULED.slug,
    );
    expect(records).toHaveLength(2);
    expect(recordsOf(records, "Identifiant", done.paymentId)[0]).toMatchObject({
      Date: done.stepDay,
      "Montant (€)": csvEuros(done.avanceCents, ","),
      Référence: PAYMENT_REFERENCE,
      "Contre-passation de": "",
    });
    expect(recordsOf(records, "Identifiant", done.reversalId)[0]).toMatchObject({
      "Montant (€)": csvEuros(-done.avanceCents, ","),
      "Contre-passation de": done.paymentId,
      Motif: REVERSAL_REASON,
    });
  });

  it("serves portefeuille.xlsx as a spreadsheet (a ZIP archive)", async () => {
    const response = await request("/api/exports/portefeuille.xlsx");
    expect(response.headers()["content-type"]).toBe(XLSX_TYPE);
    expectAttachment(response.headers(), "defis-portefeuille", "xlsx");
    const bytes = await response.body();
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    // The archive's entry names are stored uncompressed.
    expect(bytes.includes("xl/workbook.xml")).toBe(true);
  });

  it("serves scdl-subventions.csv with the 16 fields of the SCDL schema", async () => {
    const { response, table } = await openDataCsv(
      "/api/exports/scdl-subventions.csv",
      "defis-scdl-subventions",
    );
    expect(table.header).toEqual(SCDL_FIELDS);
    // Subsidies missing a required field (the DITP's SIRET is not configured here) are counted, not published.
    expect(response.headers()["x-lignes-ecartees"]).toMatch(/^\d+$/);
  });
});

/** The finances page as a role reads it: tiles and tables, without the officer's action column. */
async function financesAsRead(from: Page): Promise<{ tiles: Record<string, string>; tables: TableText[] }> {
  await openFinances(from);
  return {
    tiles: await readTiles(from),
    tables: (await readTables(from)).map((table) => withoutColumn(table, "Actions")),
  };
}

async function laureateFinancesAsRead(from: Page): Promise<TableText[]> {
  await openLaureateFinances(from, UNDER_WAY);
  return (await readTables(from)).map((table) =>
    withoutColumn(withoutColumn(table, "Actions"), "Étape suivante"),
  );
}

function moneyButtons(from: Page): Locator {
  return from.getByRole("button", { name: MONEY_BUTTONS });
}

/** A call to a money mutation made from the page, as a script of the signed-in person could. */
async function tryRecordPayment(from: Page): Promise<{ status: number; code: string | undefined }> {
  return from.evaluate(async (laureateSlug) => {
    const response = await fetch("/trpc/finance.recordPayment", {
      method: "POST",
      headers: { "content-type": "application/json", "x-trpc-source": "e2e" },
      body: JSON.stringify({
        json: {
          laureateSlug,
          amountCents: 100,
          paidOn: "2024-01-15",
          reference: "TRF-E2E-1",
          reason: "Versement hors échéancier d'essai",
          idempotencyKey: crypto.randomUUID(),
        },
      }),
    });
    const body = (await response.json()) as { error?: { json?: { data?: { code?: string } } } };
    return { status: response.status, code: body.error?.json?.data?.code };
  }, UNDER_WAY.slug);
}

/** What a reader must never find in the journal: centimes, stored codes, field code names, objects, blank authors. */
const UNREADABLE_IN_JOURNAL = [
  /centimes/i,
  /\[object Object\]/,
  /\b(?:demande_paiement|service_fait|paye|prevu|charge_mission)\b/,
  /\b(?:montantCentimes|numeroEj|dateConvention|datePrevue|conditionsVersement|contrePassation)\b/,
  /Non renseigné/,
];

describe("le journal raconte ces changements en français, sur la page et dans son CSV", () => {
  it("writes euros, status labels, the schedule as its tranches, on the journal page", async () => {
    await openAt(page, "/journal", "Journal des modifications");
    const journal = page.getByRole("table", { name: "Journal des modifications" });
    await journal.waitFor();
    // The arrow is hidden from screen readers, who hear "devient" (on a line of its own in innerText).
    const text = (await journal.innerText()).replace(/\s*devient\s*/g, " ");
    const raisedFrom = euros(done.raisedAllocationCents - RAISE_CENTS);
    expect(text).toContain(`Montant alloué : ${raisedFrom} → ${euros(done.raisedAllocationCents)}`);
    expect(text).toContain(`Numéro d'engagement juridique (EJ) : ${EJ_NUMBER}`);
    expect(text).toContain(`Date de la convention : ${shortDate(CONVENTION_DAY)}`);
    expect(text).toMatch(/Échéancier : Avance [\d\u202f]+,\d{2}\u00a0€ le \d{2}\/\d{2}\/\d{4} ; Acompte /);
    expect(text).toContain("Statut : Demande de paiement → Payé");
    expect(text).toContain(`Montant : ${euros(-done.avanceCents)}`);
    for (const pattern of UNREADABLE_IN_JOURNAL) expect(text).not.toMatch(pattern);
  });

  it("says the same in the CSV, and names the author of what the application did by itself", async () => {
    const records = await excelCsv("/api/exports/journal.csv", "defis-journal");
    const changes = records.map((record) => record.Modifications ?? "");
    expect(changes).toContain(
      `Montant alloué : ${euros(done.raisedAllocationCents - RAISE_CENTS)} → ${euros(done.raisedAllocationCents)} | ` +
        `Motif : ${RAISE_REASON}`,
    );
    expect(changes.some((text) => text.startsWith("Statut : Demande de paiement → Payé"))).toBe(true);
    for (const record of records) {
      expect(record.Auteur, JSON.stringify(record)).not.toBe("");
      for (const pattern of UNREADABLE_IN_JOURNAL)
        expect(Object.values(record).join(";")).not.toMatch(pattern);
    }
    // The demonstration's reviews were opened by no person: the journal names who did.
    const reviews = recordsOf(records, "Action", "Ouverture d'une revue de portefeuille");
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) expect(review.Auteur).toBe("Démonstration");
  });
});

describe("lecture seule pour la direction et les sponsors", () => {
  let officerView: Awaited<ReturnType<typeof financesAsRead>>;
  let officerLaureateView: TableText[];

  beforeAll(async () => {
    officerView = await financesAsRead(page);
    // The officer's own page has the buttons the others must not get: the check below means something.
    expect(await moneyButtons(page).count()).toBeGreaterThan(0);
    officerLaureateView = await laureateFinancesAsRead(page);
    expect(await page.getByRole("button", { name: STEP_BUTTON }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: /^Contre-passer/ }).count()).toBeGreaterThan(0);
  });

  const readers: Account[] = [DEMO.direction, DEMO.sponsorInterieur];
  for (const reader of readers) {
    describe(`${reader.roleLabel} (${reader.email})`, () => {
      let readerContext: BrowserContext;
      let readerPage: Page;

      beforeAll(async () => {
        ({ context: readerContext, page: readerPage } = await openPage(browser, server.baseUrl));
        await signInAsDemo(readerPage, reader);
      });

      afterAll(async () => {
        await readerContext.close();
      });

      it("sees the same tiles and tables on /finances, without any money action", async () => {
        const view = await financesAsRead(readerPage);
        expect(view.tiles).toEqual(officerView.tiles);
        expect(view.tables).toEqual(officerView.tables);
        expect(view.tables[0]?.headers).not.toContain("Actions");
        expect(await moneyButtons(readerPage).count()).toBe(0);
      });

      it("sees the same schedule, payments and movements on a laureate's Finances tab, without any action", async () => {
        expect(await laureateFinancesAsRead(readerPage)).toEqual(officerLaureateView);
        expect(await moneyButtons(readerPage).count()).toBe(0);
      });

      it("is refused a payment sent straight to the API (403)", async () => {
        expect(await tryRecordPayment(readerPage)).toEqual({ status: 403, code: "FORBIDDEN" });
        // Nothing was paid.
        expect(await laureateFinancesAsRead(readerPage)).toEqual(officerLaureateView);
      });
    });
  }

  it("accepts the same API call from the officer: the refusals above are the role's, not the request's", async () => {
    expect(await tryRecordPayment(page)).toEqual({ status: 200, code: undefined });
  });
});

/** A subvention of the demonstration, paid by tranches; the test below withdraws its EJ. */
const SUBVENTION = {
  slug: "corse-vulnerabilite-1000-jours",
  title: "Repérage de la vulnérabilité dans les 1 000 premiers jours de l'enfant en Corse",
};

function frenchDayOf(isoDay: string): string {
  const [year, month, day] = isoDay.split("-");
  return `${day}/${month}/${year}`;
}

/** Sends the extract (202: the server records the job), then reads the job until it has ended. */
async function postExtract(mode: "simulation" | "application", csv: string) {
  const headers = { "x-trpc-source": "e2e" };
  const response = await page.request.post(`/api/imports/paiements?mode=${mode}`, {
    headers: { ...headers, "content-type": "text/csv; charset=utf-8" },
    data: csv,
  });
  expect(response.status(), mode).toBe(202);
  let { job } = (await response.json()) as { job: ImportJob };
  while (job.status === "en_attente" || job.status === "en_cours") {
    await page.waitForTimeout(100);
    const read = await page.request.get(`/api/imports/paiements/travaux/${job.id}`, { headers });
    ({ job } = (await read.json()) as { job: ImportJob });
  }
  expect(job.status, job.message ?? mode).toBe("termine");
  return job.report as ImportReport;
}

describe("un relevé importé, et les règles du mode de financement", () => {
  it("pays from an imported extract a tranche still « prévu »; the tranches and payments exports then agree", async () => {
    await openLaureateFinances(page, UNSCHEDULED);
    const schedule = section(page, "Échéancier");
    const acompte = rowNamed(schedule.getByRole("table"), "2. Acompte");
    expect(await statusOf(acompte)).toBe("Prévu");
    const [planned = ""] = await cellTexts(acompte);
    const acompteCents = centsOf(planned);
    const csv = `EJ;date;montant;référence\n${EJ_NUMBER};${frenchDayOf(done.stepDay)};${typedEuros(acompteCents)};IMPORT-E2E-1\n`;

    const simulation = await postExtract("simulation", csv);
    expect(simulation.rows[0]?.tranche?.position).toBe(2);
    expect(simulation.rows[0]?.message).toMatch(
      /^Acompte n° 2 prévu le \d\d\/\d\d\/\d{4} → payé ; service fait et demande de paiement constatés par l'import du \d\d\/\d\d\/\d{4}\.$/,
    );
    const applied = await postExtract("application", csv);
    expect(applied.applied).toMatchObject({ payments: 1, tranchesPaid: 1, outsideSchedule: 0 });

    await openLaureateFinances(page, UNSCHEDULED);
    expect(await statusOf(rowNamed(section(page, "Échéancier").getByRole("table"), "2. Acompte"))).toBe(
      "Payé",
    );

    // For every laureate, each tranche read "Payé" has exactly one payment not reversed, and every other
    // payment is outside the schedule with its reason, or a reversal.
    const tranches = await excelCsv("/api/exports/tranches.csv", "defis-tranches");
    const payments = await excelCsv("/api/exports/paiements.csv", "defis-versements");
    const reversed = new Set(payments.map((payment) => payment["Contre-passation de"]).filter(Boolean));
    const standing = payments.filter(
      (payment) => payment["Contre-passation de"] === "" && !reversed.has(payment.Identifiant),
    );
    expect(payments.filter((payment) => payment.Nature === "Versement sans tranche")).toEqual([]);
    const slugs = new Set(tranches.map((tranche) => tranche["Lauréat (identifiant)"] ?? ""));
    for (const slug of slugs) {
      const paidTranches = recordsOf(tranches, "Lauréat (identifiant)", slug)
        .filter((tranche) => tranche.Statut === "Payé")
        .map((tranche) => tranche.Ordre)
        .sort();
      const paidOnTranches = recordsOf(standing, "Lauréat (identifiant)", slug)
        .filter((payment) => payment.Nature === "Paiement d'une tranche")
        .map((payment) => payment["Tranche payée (ordre)"])
        .sort();
      expect(paidOnTranches, slug).toEqual(paidTranches);
    }
    const imported = recordsOf(payments, "Référence", "IMPORT-E2E-1")[0];
    expect(imported).toMatchObject({
      "Montant (€)": csvEuros(acompteCents, ","),
      "Tranche payée (ordre)": "2",
    });
  });

  it("refuses to pay a subvention without its EJ, and says why next to the action", async () => {
    await openLaureateFinances(page, SUBVENTION);
    const funding = section(page, "Convention et engagement juridique");
    await funding
      .getByRole("button", { name: "Modifier les informations de financement", exact: true })
      .click();
    const form = page.getByRole("form", { name: "Modifier les informations de financement" });
    await form.getByRole("textbox", { name: /^Numéro d'engagement juridique \(EJ\) Chorus/ }).fill("");
    await form.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await waitForNotice(funding, "Les informations de financement ont été enregistrées.");
    expect((await allocationFigures())["Engagé"]).toMatch(/^Non/);

    const paymentsSection = section(page, "Versements");
    await paymentsSection.getByRole("button", { name: "Versement hors échéancier", exact: true }).click();
    const entry = page.getByRole("form", { name: "Versement hors échéancier" });
    await entry.getByRole("textbox", { name: /^Montant versé/ }).fill("100,00");
    await entry.getByLabel("Date du versement", { exact: true }).fill("2024-05-02");
    await entry
      .getByRole("textbox", { name: /^Pourquoi ce versement est hors échéancier/ })
      .fill("Essai sans EJ");
    await entry.getByRole("button", { name: "Vérifier avant d'enregistrer", exact: true }).click();
    await page.getByRole("button", { name: "Confirmer le versement", exact: true }).click();
    // The server's refusal, in the form's alert (the schedule's disabled steps give the same reason).
    const refusal = page.getByRole("alert").filter({ hasText: "Le versement n'a pas été enregistré" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /Une subvention ne peut avancer sans engagement : saisissez d'abord/,
    );
  });

  it("checks then imports an extract from the import page, which follows the job to its end", async () => {
    const csv = `EJ;date;montant;référence\n${EJ_NUMBER};${frenchDayOf(done.stepDay)};1,00;IMPORT-E2E-PAGE\n`;
    await openAt(page, "/finances/import", "Importer un relevé de paiements");
    await page
      .getByLabel(/^Relevé de paiements/)
      .setInputFiles({ name: "releve.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Vérifier le fichier", exact: true }).click();
    await page.getByRole("heading", { name: "Vérification du fichier « releve.csv »" }).waitFor();
    await expectNoAxeViolations(page, "relevé vérifié");
    await page.getByRole("button", { name: "Importer 1 versement", exact: true }).click();
    await page.getByRole("button", { name: "Confirmer l'import", exact: true }).click();
    const ended = page.getByRole("heading", { name: "Import terminé" });
    await ended.waitFor();
    expect(await page.locator("section", { has: ended }).textContent()).toContain("1 versement enregistré");
    await expectNoAxeViolations(page, "relevé importé");
  });
});
