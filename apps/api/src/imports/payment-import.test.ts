import {
  recordPaymentOutsideSchedule,
  reversePayment,
  scheduleLedgerBreaches,
  schema,
  setAllocation,
  type DatabaseHandle,
} from "@defis/db";
import { and, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../auth/sessions.js";
import { sessionCookieName } from "../auth/session-cookie.js";
import { createTestDatabase, startTestServer } from "../testing/test-app.js";
import type { ImportJob, ImportReport, ImportRowReport } from "@defis/domain";
import { importJobsSettled } from "./import-jobs.js";
import { XLSX_CONTENT_TYPE } from "./imports.routes.js";

const { allocations, auditEvents, fundingRecords, laureates, payments, tranches, users } = schema;

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const BOM = "\uFEFF";

/** The laureates of the tests, each with its EJ number, so that the groups of tests do not interfere. */
const EJ = {
  smicval: "2100000001",
  dggn: "2100000002",
  chu: "2100000003",
  collectif: "2100000005",
  dma: "2100000006",
  insep: "2100000007",
  sgmi: "2100000008",
  apilos: "2100000009",
  /** A subvention whose convention is not dated yet. */
  cnous: "2100000010",
  /** Its funding mode is not set. */
  autonomie: "2100000011",
  /** Its whole schedule still planned. */
  corse: "2100000012",
} as const;

const SLUGS: Record<keyof typeof EJ, string> = {
  smicval: "smicval-zero-dechet",
  dggn: "dggn-lab-innovation",
  chu: "chu-toulouse-parkinson",
  collectif: "collectif-rivage-ou-atterrir",
  dma: "dma-acceslibre",
  insep: "insep-catalyser",
  sgmi: "sgmi-intrapreneuriat",
  apilos: "apilos-conventions-apl",
  cnous: "cnous-arts-deco-residences",
  autonomie: "prevention-perte-autonomie",
  corse: "corse-vulnerabilite-1000-jours",
};

interface Fixture {
  officerCookie: string;
  leadershipCookie: string;
  ids: Record<keyof typeof EJ, number>;
  /** smicval's tranches: the advance awaits its payment, the first acompte has its service fait. */
  tranches: {
    smicvalAdvance: number;
    smicvalAcompte: number;
    smicvalSolde: number;
    collectifAdvance: number;
    corse: number[];
  };
}

async function account(database: DatabaseHandle, email: string, role: "charge_mission" | "direction") {
  const [user] = await database.db
    .insert(users)
    .values({ email, displayName: email, role })
    .returning({ id: users.id });
  if (!user) throw new Error(`Compte non créé : ${email}`);
  return { id: user.id, cookie: `${sessionCookieName(true)}=${await openSession(database.db, user.id)}` };
}

async function writeFixture(database: DatabaseHandle): Promise<Fixture> {
  const officer = await account(database, "agent@ditp.example", "charge_mission");
  const leadership = await account(database, "direction@ditp.example", "direction");
  const rows = await database.db.select({ id: laureates.id, slug: laureates.slug }).from(laureates);
  const ids = Object.fromEntries(
    Object.entries(SLUGS).map(([key, slug]) => [key, rows.find((row) => row.slug === slug)?.id ?? 0]),
  ) as Record<keyof typeof EJ, number>;
  const actor = { userId: officer.id };
  return database.db.transaction(async (tx) => {
    const allocated: [keyof typeof EJ, number][] = [
      ["smicval", 10_000_000],
      ["dggn", 500_000],
      ["collectif", 2_000_000],
      ["dma", 1_000_000],
      ["insep", 3_000_000],
      ["sgmi", 100_000_000],
      ["apilos", 1_000_000],
      ["cnous", 1_000_000],
      ["autonomie", 1_000_000],
      ["corse", 1_000_000],
    ];
    for (const [key, amountCents] of allocated) {
      await setAllocation(tx, actor, { laureateId: ids[key], amountCents, reason: "Attribution" });
    }
    await tx.insert(fundingRecords).values(
      (Object.keys(EJ) as (keyof typeof EJ)[]).map((key) => ({
        laureateId: ids[key],
        ejNumber: EJ[key],
        conventionDate: key === "cnous" ? null : "2022-03-01",
      })),
    );
    const planned = await tx
      .insert(tranches)
      .values([
        {
          laureateId: ids.smicval,
          kind: "avance" as const,
          position: 1,
          plannedAmountCents: 3_000_000,
          plannedOn: "2024-01-15",
          status: "demande_paiement" as const,
        },
        {
          laureateId: ids.smicval,
          kind: "acompte" as const,
          position: 2,
          plannedAmountCents: 4_000_000,
          plannedOn: "2024-06-15",
          status: "service_fait" as const,
        },
        {
          laureateId: ids.smicval,
          kind: "solde" as const,
          position: 3,
          plannedAmountCents: 3_000_000,
          plannedOn: "2025-01-15",
        },
        {
          laureateId: ids.collectif,
          kind: "avance" as const,
          position: 1,
          plannedAmountCents: 600_000,
          plannedOn: "2024-02-01",
          status: "demande_paiement" as const,
        },
        // Corse: avance, acompte and solde, all still planned.
        ...[300_000, 300_000, 400_000].map((plannedAmountCents, index) => ({
          laureateId: ids.corse,
          kind: (["avance", "acompte", "solde"] as const)[index] ?? "acompte",
          position: index + 1,
          plannedAmountCents,
          plannedOn: `2024-0${index + 3}-01`,
        })),
      ])
      .returning({ id: tranches.id });
    await recordPaymentOutsideSchedule(tx, actor, {
      laureateId: ids.dggn,
      amountCents: 100_000,
      paidOn: "2024-01-15",
      reference: "VIR-DGGN-1",
      reason: "Transfert sans échéancier",
    });
    const mistaken = await recordPaymentOutsideSchedule(tx, actor, {
      laureateId: ids.dggn,
      amountCents: 5_000,
      paidOn: "2024-01-20",
      reference: "VIR-DGGN-ERR",
      reason: "Transfert sans échéancier",
    });
    await reversePayment(tx, actor, {
      paymentId: mistaken,
      reason: "Saisie en double",
      reversedOn: "2024-01-21",
    });
    return {
      officerCookie: officer.cookie,
      leadershipCookie: leadership.cookie,
      ids,
      tranches: {
        smicvalAdvance: planned[0]?.id ?? 0,
        smicvalAcompte: planned[1]?.id ?? 0,
        smicvalSolde: planned[2]?.id ?? 0,
        collectifAdvance: planned[3]?.id ?? 0,
        corse: planned.slice(4).map((row) => row.id),
      },
    };
  });
}

describe("POST /api/imports/paiements", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fixture: Fixture;
  /** Every statement sent to the database while set. */
  let recorded: string[] | null = null;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false }, (query) => recorded?.push(query));
    fixture = await writeFixture(database);
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  interface Upload {
    mode?: string;
    type?: string;
    cookie?: string | null;
    headers?: Record<string, string>;
  }

  function upload(body: string | Buffer, options: Upload = {}): Promise<Response> {
    const headers: Record<string, string> = {
      "content-type": options.type ?? "text/csv; charset=utf-8",
      "x-trpc-source": "test",
      ...options.headers,
    };
    const cookie = options.cookie === undefined ? fixture.officerCookie : options.cookie;
    if (cookie) headers.cookie = cookie;
    return fetch(`${server.url}/api/imports/paiements?mode=${options.mode ?? "simulation"}`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : new Uint8Array(body),
    });
  }

  /** GET /api/imports/paiements/travaux/<path> as the officer. */
  async function jobAt(path: string | number): Promise<ImportJob> {
    const response = await fetch(`${server.url}/api/imports/paiements/travaux/${path}`, {
      headers: { "x-trpc-source": "test", cookie: fixture.officerCookie },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { job: ImportJob }).job;
  }

  /** Uploads the file (202: the job is recorded), then waits for the job to end and reads it. */
  async function finished(body: string | Buffer, options: Upload = {}): Promise<ImportJob> {
    const response = await upload(body, options);
    const json = (await response.json()) as { job: ImportJob; error?: { message: string } };
    expect(response.status, json.error?.message).toBe(202);
    expect(json.job).toMatchObject({ mode: options.mode ?? "simulation", status: "en_attente" });
    await importJobsSettled();
    return jobAt(json.job.id);
  }

  async function report(body: string | Buffer, options: Upload = {}): Promise<ImportReport> {
    const job = await finished(body, options);
    expect(job.status, job.message ?? "").toBe("termine");
    if (!job.report) throw new Error("Import terminé sans compte rendu.");
    return job.report;
  }

  async function paymentsOf(key: keyof typeof EJ) {
    return database.db
      .select({
        amountCents: payments.amountCents,
        paidOn: payments.paidOn,
        reference: payments.reference,
        source: payments.source,
        trancheId: payments.trancheId,
      })
      .from(payments)
      .where(eq(payments.laureateId, fixture.ids[key]))
      .orderBy(payments.id);
  }

  async function paidCentsOf(key: keyof typeof EJ): Promise<number> {
    const [allocation] = await database.db
      .select({ paidCents: allocations.paidCents })
      .from(allocations)
      .where(eq(allocations.laureateId, fixture.ids[key]));
    return allocation?.paidCents ?? -1;
  }

  async function importEvents() {
    return database.db
      .select({ entityId: auditEvents.entityId, after: auditEvents.after, actorRole: auditEvents.actorRole })
      .from(auditEvents)
      .where(eq(auditEvents.action, "import.paiements"))
      .orderBy(auditEvents.id);
  }

  const brief = (row: ImportRowReport) => [row.line, row.outcome, row.amountCents, row.message];
  const OUTSIDE = expect.stringMatching(
    /^Hors échéancier, motif : « Import du relevé du \d\d\/\d\d\/\d{4} : aucune tranche ouverte »\.$/,
  ) as unknown;
  const importDay = () => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(new Date());

  describe("simulation", () => {
    it("reads a French CSV (BOM, ';', JJ/MM/AAAA, spaces in amounts) and says which tranche each row pays", async () => {
      const csv =
        `${BOM}Numéro EJ;Date;Montant;Référence;Libellé\r\n` +
        `${EJ.smicval};15/01/2024;30${NNBSP}000,00;VIR-001;Avance\r\n` +
        `${EJ.smicval};20/06/2024;"40${NBSP}000,00 €";VIR-002;Acompte 1\r\n` +
        `${EJ.smicval};01/07/2024;1 234,56;VIR-003;Hors échéancier\r\n`;
      const simulation = await report(csv);
      expect(simulation.mode).toBe("simulation");
      expect(simulation.format).toBe("csv");
      expect(simulation.detail).toBe("toutes");
      expect(simulation.rows).toEqual([
        {
          line: 2,
          ejNumber: EJ.smicval,
          laureate: { slug: SLUGS.smicval, title: expect.any(String) as string },
          date: "2024-01-15",
          amountCents: 3_000_000,
          reference: "VIR-001",
          outcome: "à importer",
          message: "Avance n° 1 prévue le 15/01/2024 → payée.",
          tranche: {
            id: fixture.tranches.smicvalAdvance,
            kind: "avance",
            position: 1,
            plannedOn: "2024-01-15",
            plannedAmountCents: 3_000_000,
            status: "demande_paiement",
          },
        },
        expect.objectContaining({
          line: 3,
          date: "2024-06-20",
          amountCents: 4_000_000,
          outcome: "à importer",
          message: `Acompte n° 2 prévu le 15/06/2024 → payé ; demande de paiement constatée par l'import du ${importDay()}.`,
          tranche: expect.objectContaining({
            id: fixture.tranches.smicvalAcompte,
            status: "service_fait",
          }) as unknown,
        }),
        // No tranche of this amount: the earliest open one, the solde still planned.
        expect.objectContaining({
          line: 4,
          amountCents: 123_456,
          outcome: "à importer",
          message:
            `Solde n° 3 prévu le 15/01/2025 → payé (montant prévu : 30${NNBSP}000,00${NBSP}€) ; ` +
            `service fait et demande de paiement constatés par l'import du ${importDay()}.`,
          tranche: expect.objectContaining({ id: fixture.tranches.smicvalSolde, status: "prevu" }) as unknown,
        }),
      ]);
      expect(simulation.totals).toEqual({
        lines: 3,
        toImport: 3,
        duplicates: 0,
        errors: 0,
        toImportCents: 7_123_456,
        tranchesToPay: 3,
        outsideSchedule: 0,
      });
      expect(simulation.sha256).toBe(createHash("sha256").update(csv).digest("hex"));
      // A dry run writes nothing.
      expect(await paymentsOf("smicval")).toEqual([]);
      expect(await importEvents()).toEqual([]);
    });

    it("reads an international CSV (',', AAAA-MM-JJ, decimal point, quoted fields)", async () => {
      const csv =
        `EJ,date,montant,reference\n` +
        `${EJ.smicval},2024-01-15,30000.00,"VIR-001"\n` +
        `"${EJ.dggn}",2024-02-01,1234.5,"VIR, DGGN 2"\n`;
      const simulation = await report(csv);
      expect(simulation.rows.map((row) => [row.ejNumber, row.date, row.amountCents, row.reference])).toEqual([
        [EJ.smicval, "2024-01-15", 3_000_000, "VIR-001"],
        [EJ.dggn, "2024-02-01", 123_450, "VIR, DGGN 2"],
      ]);
      expect(simulation.rows.every((row) => row.outcome === "à importer")).toBe(true);
    });

    it("reports unknown EJ numbers, bad amounts and dates, missing allocations and overpayments in French", async () => {
      // dggn: 5 000,00 € allocated, 1 000,00 € paid; 4 000,00 € remain for the whole file.
      const csv =
        `numéro EJ;date;montant;référence\n` +
        `2199999999;01/02/2024;100,00;R1\n` +
        `${EJ.dggn};01/02/2024;12,345;R2\n` +
        `${EJ.dggn};01/02/2024;-100,00;R3\n` +
        `${EJ.dggn};31/02/2024;100,00;R4\n` +
        `${EJ.chu};01/02/2024;100,00;R5\n` +
        `${EJ.dggn};01/03/2024;2 500,00;R6\n` +
        `${EJ.dggn};01/04/2024;2 500,00;R7\n` +
        `${EJ.dggn};01/05/2024;1 500,00;R8\n` +
        `EJ-12;01/05/2024;abc;R9\n`;
      const simulation = await report(csv);
      expect(simulation.rows.map(brief)).toEqual([
        [2, "erreur", 10_000, expect.stringMatching(/^Aucun lauréat n'a l'EJ 2199999999/)],
        [3, "erreur", null, expect.stringMatching(/^Montant invalide « 12,345 »/)],
        [4, "erreur", null, expect.stringMatching(/^Montant négatif « -100,00 » refusé/)],
        [5, "erreur", 10_000, "Date inexistante « 31/02/2024 »."],
        [6, "erreur", 10_000, "Ce lauréat n'a pas d'allocation : attribuez-lui d'abord un montant."],
        [7, "à importer", 250_000, OUTSIDE],
        [
          8,
          "erreur",
          250_000,
          `Ce versement dépasserait le montant alloué : il reste 1${NNBSP}500,00${NBSP}€ à payer, lignes précédentes du fichier comprises.`,
        ],
        [9, "à importer", 150_000, OUTSIDE],
        [
          10,
          "erreur",
          null,
          expect.stringMatching(/^Numéro d'EJ invalide « EJ-12 ».*Montant invalide « abc »/),
        ],
      ]);
      expect(simulation.rows[0]?.laureate).toBeNull();
      expect(simulation.rows[5]?.laureate?.slug).toBe(SLUGS.dggn);
      expect(simulation.totals).toMatchObject({ lines: 9, toImport: 2, errors: 7, toImportCents: 400_000 });
    });

    it("flags duplicates of a recorded payment and of an earlier row of the file", async () => {
      const csv =
        `EJ;date;montant;référence\n` +
        `${EJ.dggn};15/01/2024;1 000,00;VIR-DGGN-1\n` +
        `${EJ.dggn};16/01/2024;10,00;VIR-DGGN-2\n` +
        `${EJ.dggn};2024-01-16;10;VIR-DGGN-2\n` +
        `${EJ.dggn};16/01/2024;10,00;VIR-DGGN-3\n` +
        `${EJ.dggn};20/01/2024;50,00;VIR-DGGN-ERR\n`;
      const simulation = await report(csv);
      expect(simulation.rows.map(brief)).toEqual([
        [
          2,
          "doublon",
          100_000,
          "Ce versement est déjà enregistré (même lauréat, date, montant et référence).",
        ],
        [3, "à importer", 1_000, OUTSIDE],
        [4, "doublon", 1_000, "Ligne identique à la ligne 3 du fichier."],
        [5, "à importer", 1_000, OUTSIDE],
        [
          6,
          "doublon",
          5_000,
          expect.stringMatching(/^Ce versement a déjà été enregistré, puis contre-passé/),
        ],
      ]);
      expect(simulation.totals).toMatchObject({ lines: 5, toImport: 2, duplicates: 3, errors: 0 });
    });

    it("refuses a file without the expected columns, an empty file, and a file that is not UTF-8", async () => {
      const missing = await finished("EJ;Date;Total\n2100000001;01/01/2024;10\n");
      expect(missing).toMatchObject({
        status: "refuse",
        message: expect.stringMatching(/^Colonnes manquantes : « montant », « référence »\./) as string,
        report: null,
      });
      const empty = await finished("");
      expect(empty).toMatchObject({ status: "refuse", message: "Le fichier est vide." });
      const latin1 = await finished(Buffer.from("num\xe9ro EJ;date;montant;r\xe9f\xe9rence\n", "latin1"));
      expect(latin1.message).toMatch(/UTF-8/);
      const broken = await finished(`EJ;date;montant;référence\n${EJ.dggn};01/01/2024;"10,00;R\n`);
      expect(broken).toMatchObject({ status: "refuse" });
      expect(broken.message).toMatch(/^Le fichier CSV est mal formé/);
    });

    it("keeps the answer bounded for 100 000 lines: totals of the whole file, the first 500 problems", async () => {
      const lines = ["EJ;date;montant;référence"];
      for (let index = 0; index < 100_000; index += 1) {
        // One line in a hundred names an unknown EJ: 1 000 errors, of which 500 are detailed.
        const ej = index % 100 === 99 ? "2199999999" : EJ.sgmi;
        lines.push(`${ej};02/01/2024;1,00;VIR-${index}`);
      }
      const job = await finished(`${lines.join("\n")}\n`);
      expect(job.progress).toEqual({ rowsRead: 100_000, matched: 99_000, refused: 1_000, duplicates: 0 });
      const text = JSON.stringify(job);
      expect(text.length).toBeLessThan(400_000);
      const simulation = job.report as ImportReport;
      expect(simulation.totals).toEqual({
        lines: 100_000,
        toImport: 99_000,
        duplicates: 0,
        errors: 1_000,
        toImportCents: 9_900_000,
        tranchesToPay: 0,
        outsideSchedule: 99_000,
      });
      expect(simulation.detail).toBe("non importables");
      expect(simulation.rows).toHaveLength(500);
      expect(simulation.rows[0]?.line).toBe(101);
      expect(simulation.rows.every((row) => row.outcome === "erreur")).toBe(true);
      expect(simulation.notice).toMatch(
        /100\u202f000 lignes : seules les 500 premières des 1\u202f000 lignes/,
      );
    }, 120_000);
  });

  describe("application", () => {
    it("writes nothing when one row is in error, and lists the errors (422)", async () => {
      const csv =
        `EJ;date;montant;référence\n` +
        `${EJ.collectif};01/02/2024;6 000,00;VIR-COL-1\n` +
        `${EJ.collectif};01/03/2024;1 000,00;VIR-COL-2\n` +
        `${EJ.collectif};01/04/2024;20 000,00;VIR-COL-3\n`;
      const job = await finished(csv, { mode: "application" });
      expect(job.status).toBe("refuse");
      expect(job.message).toBe(
        "Aucun versement n'a été importé : 1 ligne est en erreur. Corrigez le fichier puis recommencez.",
      );
      const refusal = job.report as ImportReport;
      expect(refusal.detail).toBe("erreurs");
      expect(refusal.rows.map(brief)).toEqual([[4, "erreur", 2_000_000, expect.any(String)]]);
      expect(refusal.totals).toMatchObject({ lines: 3, toImport: 2, errors: 1 });
      expect(await paymentsOf("collectif")).toEqual([]);
      expect(await paidCentsOf("collectif")).toBe(0);
      const [advance] = await database.db
        .select({ status: tranches.status })
        .from(tranches)
        .where(eq(tranches.id, fixture.tranches.collectifAdvance));
      expect(advance?.status).toBe("demande_paiement");
      expect(await importEvents()).toEqual([]);
    });

    it("records every row through the ledger, pays the matching tranche, audits once; a second import changes nothing", async () => {
      const csv =
        `EJ;date;montant;référence\n` +
        `${EJ.collectif};01/02/2024;6 000,00;VIR-COL-1\n` +
        `${EJ.collectif};01/03/2024;1 000,00;VIR-COL-2\n` +
        `${EJ.collectif};01/03/2024;1 000,00;VIR-COL-2\n`;
      const first = await report(csv, { mode: "application" });
      expect(first.applied).toEqual({
        payments: 2,
        amountCents: 700_000,
        tranchesPaid: 1,
        outsideSchedule: 1,
      });
      expect(first.totals).toMatchObject({ lines: 3, toImport: 2, duplicates: 1, errors: 0 });
      expect(await paymentsOf("collectif")).toEqual([
        {
          amountCents: 600_000,
          paidOn: "2024-02-01",
          reference: "VIR-COL-1",
          source: "import",
          trancheId: fixture.tranches.collectifAdvance,
        },
        {
          amountCents: 100_000,
          paidOn: "2024-03-01",
          reference: "VIR-COL-2",
          source: "import",
          trancheId: null,
        },
      ]);
      expect(await paidCentsOf("collectif")).toBe(700_000);
      const [advance] = await database.db
        .select({ status: tranches.status, paidOn: tranches.paidOn, version: tranches.version })
        .from(tranches)
        .where(eq(tranches.id, fixture.tranches.collectifAdvance));
      expect(advance).toEqual({ status: "paye", paidOn: "2024-02-01", version: 2 });
      const sha256 = createHash("sha256").update(csv).digest("hex");
      expect(await importEvents()).toEqual([
        {
          entityId: sha256,
          actorRole: "charge_mission",
          after: {
            format: "csv",
            sha256,
            lignes: 3,
            versementsImportes: 2,
            montantCentimes: 700_000,
            tranchesPayees: 1,
            horsEcheancier: 1,
            doublonsIgnores: 1,
          },
        },
      ]);

      const again = await report(csv, { mode: "application" });
      expect(again.applied).toEqual({ payments: 0, amountCents: 0, tranchesPaid: 0, outsideSchedule: 0 });
      expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
      expect(again.totals).toMatchObject({ lines: 3, toImport: 0, duplicates: 3, errors: 0 });
      expect(await paymentsOf("collectif")).toHaveLength(2);
      expect(await paidCentsOf("collectif")).toBe(700_000);
    });

    it("imports a workbook built with exceljs: number and date cells, the first sheet only", async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Paiements");
      sheet.addRow(["Numéro EJ", "Date", "Montant", "Référence", "Commentaire"]);
      sheet.addRow([EJ.insep, new Date(Date.UTC(2024, 2, 5)), 12_345.67, "XL-1", "date et nombre"]);
      sheet.addRow([Number(EJ.insep), "06/03/2024", "1 000,50", "XL-2", "texte"]);
      sheet.addRow([]);
      sheet.addRow([
        EJ.insep,
        "2024-03-07",
        { formula: "100*2", result: 200 },
        { richText: [{ text: "XL-3" }] },
      ]);
      sheet.getColumn(2).numFmt = "dd/mm/yyyy";
      workbook.addWorksheet("Notes").addRow(["EJ", "date", "montant", "référence"]);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

      const simulation = await report(bytes, { type: XLSX_CONTENT_TYPE });
      expect(simulation.format).toBe("xlsx");
      expect(
        simulation.rows.map((row) => [row.line, row.ejNumber, row.date, row.amountCents, row.reference]),
      ).toEqual([
        [2, EJ.insep, "2024-03-05", 1_234_567, "XL-1"],
        [3, EJ.insep, "2024-03-06", 100_050, "XL-2"],
        [5, EJ.insep, "2024-03-07", 20_000, "XL-3"],
      ]);
      expect(simulation.rows.every((row) => row.outcome === "à importer")).toBe(true);

      const applied = await report(bytes, { type: XLSX_CONTENT_TYPE, mode: "application" });
      expect(applied.applied).toEqual({
        payments: 3,
        amountCents: 1_354_617,
        tranchesPaid: 0,
        outsideSchedule: 3,
      });
      expect(await paidCentsOf("insep")).toBe(1_354_617);
    });

    it("pays tranches still planned, never one tranche for two rows, and dates what it observed", async () => {
      const csv =
        `EJ;date;montant;référence\n` +
        `${EJ.corse};02/03/2024;3 000,00;COR-1\n` +
        `${EJ.corse};03/03/2024;3 000,00;COR-2\n` +
        `${EJ.corse};04/03/2024;3 000,00;COR-3\n` +
        `${EJ.corse};05/03/2024;500,00;COR-4\n`;
      const applied = await report(csv, { mode: "application" });
      const [avance, acompte, solde] = fixture.tranches.corse;
      // Two rows of the planned amount take the avance then the acompte; the third, the solde (the
      // only one left open); the fourth finds no open tranche and is recorded outside the schedule.
      expect(applied.rows.map((row) => row.tranche?.id ?? null)).toEqual([avance, acompte, solde, null]);
      expect(applied.rows[3]?.message).toEqual(OUTSIDE);
      expect(applied.applied).toEqual({
        payments: 4,
        amountCents: 950_000,
        tranchesPaid: 3,
        outsideSchedule: 1,
      });
      const rows = await database.db
        .select({
          status: tranches.status,
          paidOn: tranches.paidOn,
          serviceFaitOn: tranches.serviceFaitOn,
          paymentRequestedOn: tranches.paymentRequestedOn,
        })
        .from(tranches)
        .where(eq(tranches.laureateId, fixture.ids.corse))
        .orderBy(tranches.position);
      const [day, month, year] = importDay().split("/");
      const today = `${year}-${month}-${day}`;
      expect(rows).toEqual([
        { status: "paye", paidOn: "2024-03-02", serviceFaitOn: today, paymentRequestedOn: today },
        { status: "paye", paidOn: "2024-03-03", serviceFaitOn: today, paymentRequestedOn: today },
        { status: "paye", paidOn: "2024-03-04", serviceFaitOn: today, paymentRequestedOn: today },
      ]);
      const [outside] = await database.db
        .select({ reason: payments.reason, trancheId: payments.trancheId })
        .from(payments)
        .where(and(eq(payments.laureateId, fixture.ids.corse), eq(payments.reference, "COR-4")));
      expect(outside).toEqual({
        reason: `Import du relevé du ${importDay()} : aucune tranche ouverte`,
        trancheId: null,
      });
      expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
    });

    it("refuses, in French, rows the funding mode does not allow yet", async () => {
      const csv =
        `EJ;date;montant;référence\n` +
        `${EJ.cnous};02/03/2024;100,00;CN-1\n` +
        `${EJ.autonomie};02/03/2024;100,00;AU-1\n` +
        `${EJ.dma};02/03/2024;100,00;\n`;
      const simulation = await report(csv);
      expect(simulation.rows.map(brief)).toEqual([
        [
          2,
          "erreur",
          10_000,
          expect.stringMatching(
            /^Une subvention ne peut avancer sans engagement : saisissez d'abord la date de la convention/,
          ),
        ],
        [3, "erreur", 10_000, expect.stringMatching(/^Précisez d'abord le mode de financement/)],
        [
          4,
          "erreur",
          10_000,
          "Un transfert de crédits payé porte sa référence : saisissez la référence du transfert.",
        ],
      ]);
    });

    it("refuses a file that is not a workbook", async () => {
      const job = await finished("not a zip", { type: XLSX_CONTENT_TYPE });
      expect(job.status).toBe("refuse");
      expect(job.message).toMatch(/^Le classeur n'a pas pu être lu/);
    });

    it("lets only one of two simultaneous imports of the same file write: the other is refused or finds duplicates", async () => {
      const csv =
        `EJ;date;montant;référence\n` +
        Array.from({ length: 20 }, (_, index) => `${EJ.apilos};10/01/2024;100,00;SIM-${index}`).join("\n");
      const answers = await Promise.all([
        upload(csv, { mode: "application" }),
        upload(csv, { mode: "application" }),
      ]);
      await importJobsSettled();
      const applied: number[] = [];
      for (const answer of answers) {
        const body = (await answer.json()) as { job?: ImportJob; error?: { message: string } };
        if (answer.status === 409) {
          expect(body.error?.message).toMatch(/^Un import est déjà en cours \(n° \d+, écriture lancée le /);
          continue;
        }
        expect(answer.status).toBe(202);
        applied.push((await jobAt(body.job?.id ?? 0)).report?.applied?.payments ?? -1);
      }
      expect(applied.sort()).toEqual(applied.length === 1 ? [20] : [0, 20]);
      const [written] = await database.db
        .select({ total: count() })
        .from(payments)
        .where(and(eq(payments.laureateId, fixture.ids.apilos), eq(payments.source, "import")));
      expect(written?.total).toBe(20);
      expect(await paidCentsOf("apilos")).toBe(200_000);
    });

    it("reads a large file a thousand rows at a time, in a few statements for each thousand, and writes it in a few", async () => {
      const statementsToImport = async (rows: number, first: number) => {
        const csv =
          `EJ;date;montant;référence\n` +
          Array.from({ length: rows }, (_, index) => `${EJ.sgmi};15/03/2024;10,00;LOT-${first + index}`).join(
            "\n",
          );
        recorded = [];
        try {
          expect((await report(csv, { mode: "application" })).applied?.payments).toBe(rows);
          return recorded.length;
        } finally {
          recorded = null;
        }
      };
      const oneRow = await statementsToImport(1, 0);
      const twoBatches = await statementsToImport(1_500, 1);
      // One more batch of the same laureate: the recorded payments it repeats and the job's progress;
      // the writing takes as many statements for 1 500 rows as for one.
      expect(twoBatches - oneRow).toBe(2);
      expect(await paidCentsOf("sgmi")).toBe(1_501 * 1_000);
    });

    it("knows a row repeated a batch later as a repetition of the file, not of the ledger", async () => {
      const rows = Array.from({ length: 1_000 }, (_, index) => `${EJ.sgmi};16/03/2024;10,00;SUITE-${index}`);
      const csv = `EJ;date;montant;référence\n${[...rows, rows[0]].join("\n")}\n`;
      const applied = await report(csv, { mode: "application" });
      expect(applied.totals).toMatchObject({ lines: 1_001, toImport: 1_000, duplicates: 1, errors: 0 });
      expect(applied.rows.map(brief)).toEqual([
        [1_002, "doublon", 1_000, "Ligne identique à la ligne 2 du fichier."],
      ]);
    });
  });

  describe("access", () => {
    const csv = `EJ;date;montant;référence\n${EJ.dma};01/02/2024;10,00;ACC-1\n`;

    it("refuses anonymous requests (401) and roles that do not manage money (403)", async () => {
      const anonymous = await upload(csv, { cookie: null, mode: "application" });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ error: { message: "Connectez-vous pour continuer." } });
      const leadership = await upload(csv, { cookie: fixture.leadershipCookie, mode: "application" });
      expect(leadership.status).toBe(403);
      expect(await leadership.json()).toEqual({
        error: { message: "Votre rôle ne permet pas cette action." },
      });
      expect(await paymentsOf("dma")).toEqual([]);
    });

    it("refuses a request without the custom header (400) or from another origin (403)", async () => {
      const withoutHeader = await fetch(`${server.url}/api/imports/paiements?mode=application`, {
        method: "POST",
        headers: { "content-type": "text/csv", cookie: fixture.officerCookie },
        body: csv,
      });
      expect(withoutHeader.status).toBe(400);
      expect(await withoutHeader.json()).toEqual({
        error: { message: "Requête refusée : l'en-tête x-trpc-source est requis." },
      });
      const foreign = await upload(csv, { mode: "application", headers: { origin: "https://evil.example" } });
      expect(foreign.status).toBe(403);
      expect(await paymentsOf("dma")).toEqual([]);
    });

    it("refuses an unknown mode (400) and another content type (415)", async () => {
      const mode = await upload(csv, { mode: "essai" });
      expect(mode.status).toBe(400);
      const type = await upload(csv, { type: "multipart/form-data; boundary=x" });
      expect(type.status).toBe(415);
      expect(await type.json()).toEqual({
        error: { message: "Envoyez un fichier CSV (text/csv) ou un classeur XLSX." },
      });
    });

    it("refuses a file above 20 Mo (413)", async () => {
      const response = await upload(Buffer.alloc(20 * 1024 * 1024 + 1, 0x41));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: { message: "Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers." },
      });
    });
  });
});
