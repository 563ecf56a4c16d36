import { schema, type DatabaseHandle } from "@defis/db";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../auth/sessions.js";
import { sessionCookieName } from "../auth/session-cookie.js";
import { createTestDatabase, startTestServer } from "../testing/test-app.js";
import { DATE_FORMAT } from "./xlsx.js";

const { indicatorMeasures, indicators, laureates, users } = schema;

const BOM = "\uFEFF";
const DAY = String.raw`\d{4}-\d{2}-\d{2}`;
const SMICVAL = "Démarche collective de réduction des déchets du SMICVAL";

describe("impact exports", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  let delay: number;
  let files: number;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
    const [user] = await database.db
      .insert(users)
      .values({ email: "direction@ditp.example", displayName: "Direction", role: "direction" })
      .returning({ id: users.id });
    cookie = `${sessionCookieName(true)}=${await openSession(database.db, user?.id ?? 0)}`;
    const [smicval] = await database.db
      .select({ id: laureates.id })
      .from(laureates)
      .where(eq(laureates.slug, "smicval-zero-dechet"));
    const laureateId = smicval?.id ?? 0;
    const decidedAt = new Date("2023-02-01T10:00:00Z");
    const common = {
      laureateId,
      subject: "usagers" as const,
      baselineOn: "2023-01-01",
      targetOn: "2026-12-31",
      periodicity: "trimestrielle" as const,
    };
    const inserted = await database.db
      .insert(indicators)
      .values([
        {
          ...common,
          name: "Délai de traitement",
          unit: "jours",
          direction: "baisse",
          baselineValue: 45,
          targetValue: 20,
          status: "suivi",
          decidedAt,
        },
        {
          ...common,
          // A name that a spreadsheet would run as a formula.
          name: "=1+2",
          unit: "libre",
          unitLabel: "dossiers",
          subject: "agents",
          direction: "hausse",
          baselineValue: 0,
          targetValue: 1000.5,
          status: "suivi",
          decidedAt,
          isDemo: true,
        },
        {
          ...common,
          name: "Proposition",
          unit: "nombre",
          direction: "hausse",
          baselineValue: 0,
          targetValue: 10,
          status: "propose",
        },
      ])
      .returning({ id: indicators.id });
    delay = inserted[0]?.id ?? 0;
    files = inserted[1]?.id ?? 0;
    await database.db.insert(indicatorMeasures).values([
      { indicatorId: delay, laureateId, measuredOn: "2024-03-31", value: 38.5, source: "Tableau de bord" },
      {
        indicatorId: delay,
        laureateId,
        measuredOn: "2024-06-30",
        value: 32.5,
        comment: "Après la refonte; enfin",
      },
      {
        indicatorId: files,
        laureateId,
        measuredOn: "2024-06-30",
        value: 1250.25,
        importedFrom: "ab".repeat(32),
      },
    ]);
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  async function downloadText(path: string): Promise<{ response: Response; text: string }> {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { response, text };
  }

  it("lists the followed indicators where they stand, in Excel's dialect, formulas neutralised", async () => {
    const { response, text } = await downloadText("/api/exports/indicateurs.csv");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="defis-indicateurs-${DAY}\\.csv"$`),
    );
    expect(text).toBe(
      BOM +
        "Lauréat (identifiant);Titre du lauréat;Indicateur (numéro);Nom de l'indicateur;Unité;Bénéficiaires;" +
        "Sens souhaité;Valeur de référence;Date de référence;Valeur actuelle;Date de la valeur actuelle;Cible;" +
        "Date cible;Progression (%);Fraîcheur;Indicateur commun;Démonstration\r\n" +
        `smicval-zero-dechet;${SMICVAL};${delay};Délai de traitement;Jours;Usagers;À la baisse;45;2023-01-01;` +
        "32,5;2024-06-30;20;2026-12-31;50;À mettre à jour;;non\r\n" +
        `smicval-zero-dechet;${SMICVAL};${files};'=1+2;dossiers;Agents;À la hausse;0;2023-01-01;` +
        "1250,25;2024-06-30;1000,5;2026-12-31;100;À mettre à jour;;oui\r\n",
    );
  });

  it("writes the open-data dialect: decimal point, raw values", async () => {
    const { response, text } = await downloadText("/api/exports/indicateurs.csv?format=opendata");
    expect(response.headers.get("content-disposition")).toMatch(/defis-indicateurs-opendata-/);
    const lines = text.split("\r\n");
    expect(text.startsWith(BOM)).toBe(false);
    expect(lines[1]).toBe(
      `smicval-zero-dechet,${SMICVAL},${delay},Délai de traitement,Jours,Usagers,À la baisse,45,2023-01-01,` +
        "32.5,2024-06-30,20,2026-12-31,50,À mettre à jour,,non",
    );
    expect(lines[2]).toContain(`,${files},=1+2,dossiers,`);
  });

  it("lists every measure of the followed indicators, with its origin", async () => {
    const { response, text } = await downloadText("/api/exports/mesures.csv");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="defis-mesures-${DAY}\\.csv"$`),
    );
    expect(text).toBe(
      BOM +
        "Lauréat (identifiant);Titre du lauréat;Indicateur (numéro);Nom de l'indicateur;Date;Valeur;Unité;Source;" +
        "Commentaire;Origine;Démonstration\r\n" +
        `smicval-zero-dechet;${SMICVAL};${delay};Délai de traitement;2024-03-31;38,5;Jours;Tableau de bord;;saisie;non\r\n` +
        `smicval-zero-dechet;${SMICVAL};${delay};Délai de traitement;2024-06-30;32,5;Jours;;"Après la refonte; enfin";saisie;non\r\n` +
        `smicval-zero-dechet;${SMICVAL};${files};'=1+2;2024-06-30;1250,25;dossiers;;;import;non\r\n`,
    );
    const opendata = await downloadText("/api/exports/mesures.csv?format=opendata");
    expect(opendata.text.split("\r\n")[1]).toBe(
      `smicval-zero-dechet,${SMICVAL},${delay},Délai de traitement,2024-03-31,38.5,Jours,Tableau de bord,,saisie,non`,
    );
  });

  it("adds the indicators and the measures to the workbook, values as numbers and dates as dates", async () => {
    const response = await fetch(`${server.url}/api/exports/portefeuille.xlsx`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheetOf = (name: string) => {
      const found = workbook.getWorksheet(name);
      if (!found) throw new Error(`Feuille absente : ${name}`);
      return found;
    };
    const indicatorRow = sheetOf("Indicateurs").getRow(2);
    expect(indicatorRow.getCell(4).value).toBe("Délai de traitement");
    expect(indicatorRow.getCell(10).value).toBe(32.5);
    expect(indicatorRow.getCell(11).value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(indicatorRow.getCell(11).numFmt).toBe(DATE_FORMAT);
    expect(sheetOf("Indicateurs").getRow(3).getCell(4).value).toBe("=1+2");
    expect(sheetOf("Indicateurs").getRow(3).getCell(4).formula).toBeUndefined();
    expect(sheetOf("Mesures").rowCount).toBe(4);
    expect(sheetOf("Mesures").getRow(4).getCell(6).value).toBe(1250.25);
  });
});
