import type { DatabaseHandle } from "@defis/db";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../env.js";
import { createTestDatabase, startTestServer } from "../testing/test-app.js";
import { TEST_ATTRIBUANT_SIRET, writeMoneyFixture, type MoneyFixture } from "./testing-fixture.js";

/** SCDL "subventions" 2.1.1, in the schema's order. */
const FIELDS = [
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
] as const;
type ScdlRecord = Record<(typeof FIELDS)[number], string>;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SIRET = /^\d{14}$/;
const RNA = /^W\d{9}$/;
const NATURES = new Set(["aide en numéraire", "aide en nature", "aide en numéraire;aide en nature"]);
const CONDITIONS = new Set(["unique", "échelonné", "autre"]);

function isRealDay(text: string): boolean {
  return DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** Every rule of the domain notes for one row; the list of what it breaks (empty: valid). */
function scdlViolations(row: ScdlRecord): string[] {
  const problems: string[] = [];
  const required = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "nomBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "notificationUE",
    "pourcentageSubvention",
  ] as const;
  for (const field of required) if (row[field].trim() === "") problems.push(`${field} manquant`);
  if (!SIRET.test(row.idAttribuant)) problems.push("idAttribuant n'est pas un SIRET");
  if (!isRealDay(row.dateConvention)) problems.push("dateConvention n'est pas AAAA-MM-JJ");
  if (row.idBeneficiaire === "" && row.rnaBeneficiaire === "")
    problems.push("ni idBeneficiaire ni rnaBeneficiaire");
  if (row.idBeneficiaire !== "" && !SIRET.test(row.idBeneficiaire))
    problems.push("idBeneficiaire n'est pas un SIRET");
  if (row.rnaBeneficiaire !== "" && !RNA.test(row.rnaBeneficiaire)) problems.push("rnaBeneficiaire invalide");
  if (Array.from(row.objet).length > 256) problems.push("objet de plus de 256 caractères");
  if (!/^\d+(\.\d{1,2})?$/.test(row.montant)) problems.push("montant sans point décimal");
  if (!NATURES.has(row.nature)) problems.push("nature inconnue");
  if (!CONDITIONS.has(row.conditionsVersement)) problems.push("conditionsVersement inconnues");
  const period = row.datesPeriodeVersement.split("/");
  if (period.length > 2 || !period.every(isRealDay)) problems.push("datesPeriodeVersement invalides");
  if (period.length === 2 && (period[0] ?? "") > (period[1] ?? "")) problems.push("période à l'envers");
  if (row.idRAE.length > 5) problems.push("idRAE de plus de 5 caractères");
  if (!["oui", "non"].includes(row.notificationUE)) problems.push("notificationUE ni oui ni non");
  const share = Number(row.pourcentageSubvention);
  if (!/^\d+(\.\d+)?$/.test(row.pourcentageSubvention) || share < 0.01 || share > 1)
    problems.push("pourcentageSubvention hors de [0.01, 1]");
  return problems;
}

const HEADER = FIELDS.join(",");
const ATTRIBUANT = "Direction interministérielle de la transformation publique";
const DISPOSITIF = "Appel à défis — Co-construire avec les usagers et les agents";
const SMICVAL_PORTEUR =
  "SMICVAL, syndicat mixte de collecte et de traitement des déchets du Libournais et de la Haute-Gironde " +
  "en partenariat avec le laboratoire d’innovation La Base et le Conseil départemental de la Gironde";
const COLLECTIF_PORTEUR =
  "le Collectif Rivage (avec le soutien de LaBase, la DREAL, la Préfecture de Région, " +
  "le Ministère de la Transition écologique)";

describe("scdl-subventions.csv", () => {
  let database: DatabaseHandle;
  let configured: Awaited<ReturnType<typeof startTestServer>>;
  let unconfigured: Awaited<ReturnType<typeof startTestServer>>;
  let fixture: MoneyFixture;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
    fixture = await writeMoneyFixture(database);
    configured = await startTestServer(database, { openData: { attribuantSiret: TEST_ATTRIBUANT_SIRET } });
    // An existing caller that passes no openData at all.
    unconfigured = await startTestServer(database);
  });
  afterAll(async () => {
    await Promise.all([configured.close(), unconfigured.close()]);
    await database.close();
  });

  async function download(baseUrl: string) {
    const response = await fetch(`${baseUrl}/api/exports/scdl-subventions.csv`, {
      headers: { cookie: fixture.officerCookie },
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      response,
      bytes,
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
    };
  }

  it("publishes the publishable subsidies, in the schema's field order, byte for byte", async () => {
    const { response, bytes, text } = await download(configured.url);
    // UTF-8 without a byte-order mark.
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe(
      `${HEADER}\r\n` +
        `${ATTRIBUANT},${TEST_ATTRIBUANT_SIRET},2022-06-15,2100123456,"${SMICVAL_PORTEUR}",21330001200019,,` +
        `Démarche collective de réduction des déchets du SMICVAL,123456.78,aide en numéraire,échelonné,` +
        `2022-07-01/2023-12-15,,non,1,${DISPOSITIF}\r\n` +
        `${ATTRIBUANT},${TEST_ATTRIBUANT_SIRET},2022-05-02,,"${COLLECTIF_PORTEUR}",,W332012345,` +
        `« Où atterrir ? » : enquêtes citoyennes sur l'habitabilité du territoire,10000.05,aide en numéraire,unique,` +
        `2022-05-02,,non,1,${DISPOSITIF}\r\n`,
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="defis-scdl-subventions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
  });

  it("gives rows that all satisfy every SCDL field rule, and no transfer of credits", async () => {
    const { text } = await download(configured.url);
    const records = parse<ScdlRecord>(text, { columns: true, record_delimiter: "\r\n" });
    expect(records.length).toBeGreaterThan(0);
    const headerLine = text.slice(0, text.indexOf("\r\n"));
    expect(headerLine.split(",")).toEqual([...FIELDS]);
    for (const record of records) {
      expect(Object.keys(record)).toEqual([...FIELDS]);
      expect(scdlViolations(record), record.objet).toEqual([]);
    }
    // The DGGN is a State service funded by a transfer: it has a SIRET, a date and an amount, and stays out.
    expect(text).not.toContain("18000456000017");
    expect(text).not.toContain("gendarmerie");
    expect(records.map((record) => record.objet)).toEqual([
      "Démarche collective de réduction des déchets du SMICVAL",
      "« Où atterrir ? » : enquêtes citoyennes sur l'habitabilité du territoire",
    ]);
  });

  it("says how many subsidies it left out, and why, in ASCII-safe headers", async () => {
    const { response } = await download(configured.url);
    // 10 subsidies: 2 published; the CHU has no convention date, 7 have nothing entered yet.
    expect(response.headers.get("x-lignes-ecartees")).toBe("8");
    const reasons = response.headers.get("x-lignes-ecartees-motifs") ?? "";
    expect(reasons).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURIComponent(reasons)).toBe(
      "sans date de convention : 8 ; sans SIRET ni RNA valide du bénéficiaire : 7 ; " +
        "sans montant alloué : 7 ; sans conditions de versement : 7",
    );
  });

  it("publishes no row while the DITP's SIRET is not configured, and says so", async () => {
    const { response, text } = await download(unconfigured.url);
    expect(text).toBe(`${HEADER}\r\n`);
    expect(response.headers.get("x-lignes-ecartees")).toBe("10");
    expect(decodeURIComponent(response.headers.get("x-lignes-ecartees-motifs") ?? "")).toMatch(
      /^SIRET de l'attribuant non configuré \(SCDL_ATTRIBUANT_SIRET\) : 10 ; /,
    );
  });
});

describe("SCDL_ATTRIBUANT_SIRET", () => {
  it("is optional, and read as null when unset", () => {
    expect(readEnv({}).openData).toEqual({ attribuantSiret: null });
  });

  it("accepts a SIRET with a valid key", () => {
    expect(readEnv({ SCDL_ATTRIBUANT_SIRET: ` ${TEST_ATTRIBUANT_SIRET} ` }).openData).toEqual({
      attribuantSiret: TEST_ATTRIBUANT_SIRET,
    });
  });

  it("refuses anything else at start, in French", () => {
    for (const value of ["12345678900016", "1234567890001", "1234567890001A", ""]) {
      expect(() => readEnv({ SCDL_ATTRIBUANT_SIRET: value })).toThrow(
        /SCDL_ATTRIBUANT_SIRET doit être un SIRET/,
      );
    }
  });
});
