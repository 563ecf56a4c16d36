import { schema, type DatabaseHandle } from "@defis/db";
import type { ImportJob, MeasureImportReport, MeasureImportRow } from "@defis/domain";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSession } from "../auth/sessions.js";
import { sessionCookieName } from "../auth/session-cookie.js";
import { createTestDatabase, startTestServer } from "../testing/test-app.js";
import { importJobsSettled } from "./import-jobs.js";
import { XLSX_CONTENT_TYPE } from "./imports.routes.js";

const { auditEvents, indicatorMeasureVersions, indicatorMeasures, indicators, laureates, users } = schema;

const SMICVAL = "smicval-zero-dechet";
const DGGN = "dggn-lab-innovation";
const BOM = "\uFEFF";
const HEADER = "Lauréat;Indicateur;Date;Valeur;Source;Commentaire\r\n";

interface Fixture {
  officerCookie: string;
  sponsorCookie: string;
  leadershipCookie: string;
  /** smicval's followed indicator (by number), its second one (by name), its proposal; dggn's one. */
  delay: number;
  reached: number;
  proposal: number;
  dggn: number;
}

async function account(
  database: DatabaseHandle,
  email: string,
  role: "charge_mission" | "direction" | "sponsor",
) {
  const [user] = await database.db
    .insert(users)
    .values({ email, displayName: email, role })
    .returning({ id: users.id });
  if (!user) throw new Error(`Compte non créé : ${email}`);
  return `${sessionCookieName(true)}=${await openSession(database.db, user.id)}`;
}

async function writeFixture(database: DatabaseHandle): Promise<Fixture> {
  const rows = await database.db.select({ id: laureates.id, slug: laureates.slug }).from(laureates);
  const idOf = (slug: string) => rows.find((row) => row.slug === slug)?.id ?? 0;
  const definition = {
    unit: "jours" as const,
    subject: "usagers" as const,
    direction: "baisse" as const,
    baselineValue: 45,
    baselineOn: "2023-01-01",
    targetValue: 20,
    targetOn: "2026-12-31",
    periodicity: "trimestrielle" as const,
  };
  const decidedAt = new Date("2023-02-01T10:00:00Z");
  const inserted = await database.db
    .insert(indicators)
    .values([
      { ...definition, laureateId: idOf(SMICVAL), name: "Délai de traitement", status: "suivi", decidedAt },
      {
        ...definition,
        laureateId: idOf(SMICVAL),
        name: "Usagers accompagnés",
        direction: "hausse",
        unit: "nombre",
        baselineValue: 0,
        targetValue: 1000,
        status: "suivi",
        decidedAt,
      },
      { ...definition, laureateId: idOf(SMICVAL), name: "Proposition en attente", status: "propose" },
      { ...definition, laureateId: idOf(DGGN), name: "Délai de traitement", status: "suivi", decidedAt },
    ])
    .returning({ id: indicators.id });
  const [delay, reached, proposal, dggn] = inserted.map((row) => row.id);
  return {
    officerCookie: await account(database, "agent@ditp.example", "charge_mission"),
    sponsorCookie: await account(database, "sponsor@ministere.example", "sponsor"),
    leadershipCookie: await account(database, "direction@ditp.example", "direction"),
    delay: delay ?? 0,
    reached: reached ?? 0,
    proposal: proposal ?? 0,
    dggn: dggn ?? 0,
  };
}

describe("POST /api/imports/mesures", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
    fixture = await writeFixture(database);
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });
  beforeEach(async () => {
    await database.db.delete(indicatorMeasures);
  });

  function upload(
    body: string | Buffer,
    options: { mode?: string; type?: string; cookie?: string } = {},
  ): Promise<Response> {
    return fetch(`${server.url}/api/imports/mesures?mode=${options.mode ?? "simulation"}`, {
      method: "POST",
      headers: {
        "content-type": options.type ?? "text/csv; charset=utf-8",
        "x-trpc-source": "test",
        cookie: options.cookie ?? fixture.officerCookie,
      },
      body: typeof body === "string" ? body : new Uint8Array(body),
    });
  }

  async function finished(
    body: string | Buffer,
    options: { mode?: string; type?: string } = {},
  ): Promise<ImportJob<MeasureImportReport>> {
    const response = await upload(body, options);
    const json = (await response.json()) as { job: ImportJob; error?: { message: string } };
    expect(response.status, json.error?.message).toBe(202);
    expect(json.job.kind).toBe("mesures");
    await importJobsSettled();
    const read = await fetch(`${server.url}/api/imports/mesures/travaux/${json.job.id}`, {
      headers: { "x-trpc-source": "test", cookie: fixture.officerCookie },
    });
    expect(read.status).toBe(200);
    return ((await read.json()) as { job: ImportJob<MeasureImportReport> }).job;
  }

  async function report(body: string | Buffer, options: { mode?: string; type?: string } = {}) {
    const job = await finished(body, options);
    expect(job.status, job.message ?? "").toBe("termine");
    if (!job.report) throw new Error("Import terminé sans compte rendu.");
    return job.report;
  }

  const stored = () =>
    database.db
      .select({
        indicatorId: indicatorMeasures.indicatorId,
        measuredOn: indicatorMeasures.measuredOn,
        value: indicatorMeasures.value,
        source: indicatorMeasures.source,
        comment: indicatorMeasures.comment,
        importedFrom: indicatorMeasures.importedFrom,
      })
      .from(indicatorMeasures)
      .orderBy(indicatorMeasures.indicatorId, indicatorMeasures.measuredOn);

  const brief = (row: MeasureImportRow) => [row.line, row.outcome, row.value, row.message];

  const goodFile = () =>
    `${BOM}${HEADER}` +
    `${SMICVAL};${fixture.delay};31/03/2024;"38,5";Tableau de bord;Premier trimestre\r\n` +
    `${SMICVAL};Usagers accompagnés;2024-06-30;1 250;;\r\n` +
    `${DGGN};Délai de traitement;2024-06-30;40;Registre;\r\n`;

  it("checks a file without writing anything: French decimals, an indicator by number or by name", async () => {
    const simulation = await report(goodFile());
    expect(simulation.totals).toEqual({ lines: 3, toImport: 3, duplicates: 0, errors: 0 });
    expect(simulation.rows.map(brief)).toEqual([
      [2, "à importer", 38.5, "Nouvelle mesure de « Délai de traitement »."],
      [3, "à importer", 1250, "Nouvelle mesure de « Usagers accompagnés »."],
      [4, "à importer", 40, "Nouvelle mesure de « Délai de traitement »."],
    ]);
    expect(simulation.rows[0]).toMatchObject({
      laureateSlug: SMICVAL,
      indicator: { id: fixture.delay, name: "Délai de traitement" },
      date: "2024-03-31",
      source: "Tableau de bord",
      comment: "Premier trimestre",
    });
    expect(await stored()).toEqual([]);
  });

  it("imports all the rows, marked with the file, with their first version and one journal entry; again, nothing", async () => {
    const applied = await report(goodFile(), { mode: "application" });
    expect(applied.applied).toEqual({ measures: 3 });
    const measures = await stored();
    expect(measures).toHaveLength(3);
    expect(measures[0]).toMatchObject({ indicatorId: fixture.delay, value: 38.5, source: "Tableau de bord" });
    expect(new Set(measures.map((measure) => measure.importedFrom))).toEqual(new Set([applied.sha256]));
    const [versions] = await database.db.select({ count: count() }).from(indicatorMeasureVersions);
    expect(versions?.count).toBeGreaterThanOrEqual(3);
    const events = await database.db
      .select({ entityId: auditEvents.entityId, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, "mesure.import"));
    expect(events.at(-1)).toEqual({
      entityId: applied.sha256,
      after: { format: "csv", sha256: applied.sha256, lignes: 3, mesuresImportees: 3, dejaEnregistrees: 0 },
    });

    const again = await report(goodFile(), { mode: "application" });
    expect(again.totals).toEqual({ lines: 3, toImport: 0, duplicates: 3, errors: 0 });
    expect(again.applied).toEqual({ measures: 0 });
    expect(again.rows[0]?.message).toBe("Mesure déjà enregistrée (même indicateur, même jour, même valeur).");
    expect(await stored()).toHaveLength(3);
  });

  it("refuses the whole file for one bad row, and says why for each, with its line", async () => {
    const csv =
      HEADER +
      `${SMICVAL};${fixture.delay};31/03/2024;38,5;;\r\n` +
      `inconnu;${fixture.delay};31/03/2024;38;;\r\n` +
      `${SMICVAL};Indicateur absent;31/03/2024;38;;\r\n` +
      `${SMICVAL};${fixture.delay};01/01/2099;38;;\r\n` +
      `${SMICVAL};${fixture.proposal};31/03/2024;38;;\r\n` +
      `${SMICVAL};${fixture.reached};31/03/2024;beaucoup;;\r\n` +
      `${SMICVAL};${fixture.reached};31/12/2022;10;;\r\n`;
    const job = await finished(csv, { mode: "application" });
    expect(job.status).toBe("refuse");
    expect(job.message).toBe(
      "Aucune mesure n'a été importée : 6 lignes sont en erreur. Corrigez le fichier puis recommencez.",
    );
    expect(job.report?.rows.map((row) => [row.line, row.message])).toEqual([
      [3, "Aucun lauréat n'a l'identifiant « inconnu »."],
      [4, `Le lauréat « ${SMICVAL} » n'a pas d'indicateur « Indicateur absent » (numéro ou nom exact).`],
      [5, "La date « 01/01/2099 » est dans le futur : une mesure constate une valeur atteinte."],
      [
        6,
        "L'indicateur « Proposition en attente » n'est pas suivi (proposé) : seules les mesures des indicateurs suivis s'importent.",
      ],
      [
        7,
        "Valeur invalide « beaucoup » : écrivez un nombre, par exemple « 12,5 » ou « 1 234,56 » (deux décimales au plus).",
      ],
      [8, "La date 31/12/2022 précède la valeur de référence de l'indicateur (01/01/2023)."],
    ]);
    expect(await stored()).toEqual([]);
  });

  it("refuses another value for a measure already recorded, and a file that gives two", async () => {
    await report(goodFile(), { mode: "application" });
    const csv =
      HEADER +
      `${SMICVAL};${fixture.delay};31/03/2024;37;;\r\n` +
      `${DGGN};Délai de traitement;2024-09-30;35;;\r\n` +
      `${DGGN};Délai de traitement;2024-09-30;36;;\r\n`;
    const simulation = await report(csv);
    expect(simulation.rows.map(brief)).toEqual([
      [
        2,
        "erreur",
        37,
        "Une autre valeur (38,5) est déjà enregistrée pour cet indicateur le 31/03/2024 : corrigez-la depuis l'onglet Impact du lauréat, où son historique est gardé.",
      ],
      [3, "à importer", 35, "Nouvelle mesure de « Délai de traitement »."],
      [
        4,
        "erreur",
        36,
        "La ligne 3 du fichier donne déjà une autre valeur (35) à cet indicateur le 30/09/2024 : une seule mesure par jour.",
      ],
    ]);
  });

  it("reads a workbook: spreadsheet numbers and dates", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Mesures");
    sheet.addRow(["Lauréat", "Indicateur", "Date", "Valeur"]);
    sheet.addRow([SMICVAL, fixture.delay, new Date(Date.UTC(2024, 2, 31)), 38.5]);
    sheet.addRow([DGGN, "Délai de traitement", "30/06/2024", "40,25"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const applied = await report(bytes, { mode: "application", type: XLSX_CONTENT_TYPE });
    expect(applied.format).toBe("xlsx");
    expect(applied.applied).toEqual({ measures: 2 });
    expect((await stored()).map((row) => [row.measuredOn, row.value])).toEqual([
      ["2024-03-31", 38.5],
      ["2024-06-30", 40.25],
    ]);
  });

  it("names a missing column", async () => {
    const job = await finished("Lauréat;Date;Valeur\r\nx;2024-01-01;1\r\n");
    expect(job.status).toBe("refuse");
    expect(job.message).toMatch(/^Colonne manquante : « indicateur »\./);
  });

  it("is for officers: a sponsor and the direction are refused", async () => {
    for (const cookie of [fixture.sponsorCookie, fixture.leadershipCookie]) {
      const response = await upload(goodFile(), { mode: "application", cookie });
      expect(response.status).toBe(403);
    }
    expect(await stored()).toEqual([]);
  });

  it("keeps the payment import's jobs apart", async () => {
    const job = await finished(goodFile());
    const elsewhere = await fetch(`${server.url}/api/imports/paiements/travaux/${job.id}`, {
      headers: { "x-trpc-source": "test", cookie: fixture.officerCookie },
    });
    expect(elsewhere.status).toBe(404);
    const latest = await fetch(`${server.url}/api/imports/mesures/travaux/dernier`, {
      headers: { "x-trpc-source": "test", cookie: fixture.officerCookie },
    });
    expect(((await latest.json()) as { job: ImportJob }).job.id).toBe(job.id);
  });
});
