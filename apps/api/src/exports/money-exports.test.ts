import type { DatabaseHandle } from "@defis/db";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, startTestServer } from "../testing/test-app.js";
import { writeMoneyFixture, type MoneyFixture } from "./testing-fixture.js";
import { DATE_FORMAT, EURO_FORMAT } from "./xlsx.js";

const BOM = "\uFEFF";
const DAY = String.raw`\d{4}-\d{2}-\d{2}`;

// The reference texts, as the seed stores them (curly apostrophes included).
const DGGN = {
  title: "Laboratoire d'innovation de la gendarmerie nationale",
  porteur: "Direction générale de la Gendarmerie nationale (DGGN) du ministère de l’Intérieur (MI)",
};
const SMICVAL = {
  title: "Démarche collective de réduction des déchets du SMICVAL",
  porteur:
    "SMICVAL, syndicat mixte de collecte et de traitement des déchets du Libournais et de la Haute-Gironde " +
    "en partenariat avec le laboratoire d’innovation La Base et le Conseil départemental de la Gironde",
};
const CHU = {
  title: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
  porteur: "CHU de Toulouse (ministère des Solidarités et de la Santé (MSS))",
};
const COLLECTIF = {
  title: "« Où atterrir ? » : enquêtes citoyennes sur l'habitabilité du territoire",
  porteur:
    "le Collectif Rivage (avec le soutien de LaBase, la DREAL, la Préfecture de Région, " +
    "le Ministère de la Transition écologique)",
};
const PARCOURS = "Amélioration du parcours usagers et de la qualité du service rendu";
const ORGANISATIONS = "Transformation des organisations et innovation managériale";
const AUCUN = "Aucun (collectivité, association ou autre organisme)";
const SUBVENTION = "Subvention (convention de financement)";

describe("money exports", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fixture: MoneyFixture;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
    fixture = await writeMoneyFixture(database);
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  async function download(path: string, cookie = fixture.officerCookie): Promise<Response> {
    return fetch(`${server.url}${path}`, { headers: { cookie } });
  }

  async function downloadText(path: string): Promise<{ response: Response; text: string }> {
    const response = await download(path);
    expect(response.status).toBe(200);
    // Decoded by hand: fetch's text() would drop the byte-order mark the test must see.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { response, text };
  }

  describe("tranches.csv", () => {
    const excel =
      BOM +
      "Lauréat (identifiant);Lauréat;Type;Ordre;Montant prévu (€);Date prévue;Statut;Service fait le;" +
      "Demande de paiement le;Référence de la demande de paiement;Payé le;Annulé le;Motif d'annulation\r\n" +
      `smicval-zero-dechet;${SMICVAL.title};Avance;1;37037,03;2022-07-01;Payé;2022-06-20;2022-06-25;DP-2022-001;2022-07-20;;\r\n` +
      `smicval-zero-dechet;${SMICVAL.title};Acompte;2;61728,39;2023-03-01;Demande de paiement;2023-02-10;2023-02-15;"DP-2023-017; lot ""B""";;;\r\n` +
      `smicval-zero-dechet;${SMICVAL.title};Solde;3;24691,36;2023-12-15;Prévu;;;;;;\r\n` +
      `smicval-zero-dechet;${SMICVAL.title};Acompte;4;1000,00;2024-06-30;Annulé;;;;;2023-01-05;Fusion avec l'acompte n° 2, à la demande du porteur\r\n`;
    const opendata =
      "Lauréat (identifiant),Lauréat,Type,Ordre,Montant prévu (€),Date prévue,Statut,Service fait le," +
      "Demande de paiement le,Référence de la demande de paiement,Payé le,Annulé le,Motif d'annulation\r\n" +
      `smicval-zero-dechet,${SMICVAL.title},Avance,1,37037.03,2022-07-01,Payé,2022-06-20,2022-06-25,DP-2022-001,2022-07-20,,\r\n` +
      `smicval-zero-dechet,${SMICVAL.title},Acompte,2,61728.39,2023-03-01,Demande de paiement,2023-02-10,2023-02-15,"DP-2023-017; lot ""B""",,,\r\n` +
      `smicval-zero-dechet,${SMICVAL.title},Solde,3,24691.36,2023-12-15,Prévu,,,,,,\r\n` +
      `smicval-zero-dechet,${SMICVAL.title},Acompte,4,1000.00,2024-06-30,Annulé,,,,,2023-01-05,"Fusion avec l'acompte n° 2, à la demande du porteur"\r\n`;

    it("writes Excel's dialect by default, byte for byte, as a dated attachment", async () => {
      const { response, text } = await downloadText("/api/exports/tranches.csv");
      expect(text).toBe(excel);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="defis-tranches-${DAY}\\.csv"$`),
      );
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect((await downloadText("/api/exports/tranches.csv?format=excel")).text).toBe(excel);
    });

    it("writes the open-data dialect on ?format=opendata, byte for byte, in a file named so", async () => {
      const { text, response } = await downloadText("/api/exports/tranches.csv?format=opendata");
      expect(text).toBe(opendata);
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="defis-tranches-opendata-${DAY}\\.csv"$`),
      );
    });
  });

  describe("paiements.csv", () => {
    it("lists payments and reversals (negative, with the reversed payment and the reason), byte for byte", async () => {
      const { dggnTransfer, smicvalAdvance, smicvalDuplicate, smicvalReversal } = fixture.payments;
      const header =
        "Identifiant;Lauréat (identifiant);Lauréat;Date;Montant (€);Référence;Contre-passation de;Motif;Source;" +
        "Nature;Tranche payée (ordre)";
      const { text: excel, response } = await downloadText("/api/exports/paiements.csv");
      expect(excel).toBe(
        `${BOM}${header}\r\n` +
          `${dggnTransfer};dggn-lab-innovation;${DGGN.title};2022-05-02;200000,00;TRF-2022-01;;Transfert en une fois, sans échéancier;Import d'un relevé;Hors échéancier;\r\n` +
          `${smicvalAdvance};smicval-zero-dechet;${SMICVAL.title};2022-07-20;37037,03;VIR-2022-0001;;;Saisie;Paiement d'une tranche;1\r\n` +
          `${smicvalDuplicate};smicval-zero-dechet;${SMICVAL.title};2022-09-01;500,00;'=1+2;;Frais de l'atelier usagers, hors échéancier;Saisie;Hors échéancier;\r\n` +
          `${smicvalReversal};smicval-zero-dechet;${SMICVAL.title};2022-09-10;-500,00;'=1+2;${smicvalDuplicate};Doublon, saisi deux fois;Saisie;Contre-passation;\r\n`,
      );
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="defis-versements-${DAY}\\.csv"$`),
      );

      const { text: opendata } = await downloadText("/api/exports/paiements.csv?format=opendata");
      expect(opendata).toBe(
        `${header.replaceAll(";", ",")}\r\n` +
          `${dggnTransfer},dggn-lab-innovation,${DGGN.title},2022-05-02,200000.00,TRF-2022-01,,"Transfert en une fois, sans échéancier",Import d'un relevé,Hors échéancier,\r\n` +
          `${smicvalAdvance},smicval-zero-dechet,${SMICVAL.title},2022-07-20,37037.03,VIR-2022-0001,,,Saisie,Paiement d'une tranche,1\r\n` +
          `${smicvalDuplicate},smicval-zero-dechet,${SMICVAL.title},2022-09-01,500.00,=1+2,,"Frais de l'atelier usagers, hors échéancier",Saisie,Hors échéancier,\r\n` +
          `${smicvalReversal},smicval-zero-dechet,${SMICVAL.title},2022-09-10,-500.00,=1+2,${smicvalDuplicate},"Doublon, saisi deux fois",Saisie,Contre-passation,\r\n`,
      );
    });
  });

  describe("laureats.csv", () => {
    const header =
      "Identifiant;Titre;Porteur;Ministère;Catégorie;Région;Département;Mode de financement;" +
      "Montant alloué (€);Montant initial (€);Engagé;Non engagé (€);Versé (€);Restes à payer (€);" +
      "Bloqué par un jalon (€);Numéro EJ;Date de convention;Versé sans engagement (€)";

    it("lists the 27 laureates with allocated, original, paid and remaining amounts, byte for byte", async () => {
      const { text, response } = await downloadText("/api/exports/laureats.csv");
      expect(text.startsWith(`${BOM}${header}\r\n`)).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      const lines = text.slice(BOM.length).split("\r\n");
      expect(lines.pop()).toBe("");
      expect(lines).toHaveLength(28);
      expect(lines.some((line) => line.includes("\n") || line.includes("\r"))).toBe(false);
      const expected = [
        `dggn-lab-innovation;${DGGN.title};${DGGN.porteur};Ministère de l'Intérieur;${ORGANISATIONS};National;;Transfert de crédits;200000,00;200000,00;oui;0,00;200000,00;0,00;0,00;2100999999;2022-04-01;0,00`,
        // Revised amount and original kept apart; committed, so RAP = 123 456,78 − 37 037,03.
        `smicval-zero-dechet;${SMICVAL.title};${SMICVAL.porteur};${AUCUN};${ORGANISATIONS};Nouvelle-Aquitaine;33;${SUBVENTION};123456,78;120000,00;oui;0,00;37037,03;86419,75;0,00;2100123456;2022-06-15;0,00`,
        // Not committed (a subvention without its EJ): the allocation is "non engagé", no RAP shown as 0.
        `chu-toulouse-parkinson;${CHU.title};${CHU.porteur};Ministère des Solidarités et de la Santé;${PARCOURS};Occitanie;31;${SUBVENTION};50000,01;50000,01;non;50000,01;0,00;;0,00;;;0,00`,
        `collectif-rivage-ou-atterrir;${COLLECTIF.title};${COLLECTIF.porteur};${AUCUN};${PARCOURS};Nouvelle-Aquitaine;33;${SUBVENTION};10000,05;10000,05;non;10000,05;0,00;;0,00;;2022-05-02;0,00`,
        // No allocation: the amounts are empty, not 0.
        `prevention-perte-autonomie;Prévention de la perte d'autonomie des personnes âgées;non précisé;Non précisé;${PARCOURS};National;;Non précisé;;;non;;0,00;;0,00;;;0,00`,
      ];
      const positions = expected.map((line) => lines.indexOf(line));
      expect(positions.every((position) => position > 0)).toBe(true);
      // In the announcement's order.
      expect([...positions].sort((left, right) => left - right)).toEqual(positions);
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="defis-laureats-${DAY}\\.csv"$`),
      );
    });

    it("quotes the fields that hold a comma in the open-data dialect, and has no BOM", async () => {
      const { text } = await downloadText("/api/exports/laureats.csv?format=opendata");
      expect(text.startsWith(`${header.replaceAll(";", ",")}\r\n`)).toBe(true);
      const lines = text.split("\r\n");
      expect(lines).toHaveLength(29);
      expect(lines).toContain(
        `smicval-zero-dechet,${SMICVAL.title},"${SMICVAL.porteur}","${AUCUN}",${ORGANISATIONS},Nouvelle-Aquitaine,33,${SUBVENTION},123456.78,120000.00,oui,0.00,37037.03,86419.75,0.00,2100123456,2022-06-15,0.00`,
      );
      expect(lines).toContain(
        `collectif-rivage-ou-atterrir,${COLLECTIF.title},"${COLLECTIF.porteur}","${AUCUN}",${PARCOURS},Nouvelle-Aquitaine,33,${SUBVENTION},10000.05,10000.05,non,10000.05,0.00,,0.00,,2022-05-02,0.00`,
      );
    });
  });

  describe("portefeuille.xlsx", () => {
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
      const response = await download("/api/exports/portefeuille.xlsx");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="defis-portefeuille-${DAY}\\.xlsx"$`),
      );
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
    });

    function sheet(name: string): ExcelJS.Worksheet {
      const worksheet = workbook.getWorksheet(name);
      if (!worksheet) throw new Error(`Feuille absente : ${name}`);
      return worksheet;
    }

    function rowOf(worksheet: ExcelJS.Worksheet, firstCell: string | number): ExcelJS.Row {
      for (let number = 2; number <= worksheet.rowCount; number += 1) {
        const row = worksheet.getRow(number);
        if (row.getCell(1).value === firstCell) return row;
      }
      throw new Error(`Ligne absente : ${firstCell}`);
    }

    it("has one sheet per table, each with a frozen header row, an autofilter and readable widths", () => {
      expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
        "Lauréats",
        "Tranches",
        "Paiements",
        "Indicateurs",
        "Mesures",
      ]);
      // No indicator in this fixture: their sheets hold their header (impact-exports.test.ts fills them).
      const expected = {
        Lauréats: [18, 28],
        Tranches: [13, 5],
        Paiements: [11, 5],
        Indicateurs: [17, 1],
        Mesures: [11, 1],
      } as const;
      for (const [name, [columns, rows]] of Object.entries(expected)) {
        const worksheet = sheet(name);
        expect(worksheet.rowCount).toBe(rows);
        expect(worksheet.columnCount).toBe(columns);
        expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
        const lastColumn = String.fromCharCode("A".charCodeAt(0) + columns - 1);
        expect(worksheet.autoFilter).toBe(`A1:${lastColumn}${rows}`);
        expect(worksheet.getRow(1).font).toMatchObject({ bold: true });
        for (let index = 1; index <= columns; index += 1) {
          expect(worksheet.getColumn(index).width).toBeGreaterThanOrEqual(10);
          expect(worksheet.getColumn(index).width).toBeLessThanOrEqual(60);
        }
      }
      expect(sheet("Lauréats").getRow(1).values).toEqual([
        undefined,
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
      ]);
    });

    it("stores euros as numbers in the euro format, and dates as real dates", () => {
      const smicval = rowOf(sheet("Lauréats"), "smicval-zero-dechet");
      expect([9, 10, 12, 13, 14, 15].map((column) => smicval.getCell(column).value)).toEqual([
        123_456.78, 120_000, 0, 37_037.03, 86_419.75, 0,
      ]);
      for (const column of [9, 10, 12, 13, 14, 15]) expect(smicval.getCell(column).numFmt).toBe(EURO_FORMAT);
      expect(smicval.getCell(11).value).toBe("oui");
      expect(smicval.getCell(17).value).toEqual(new Date(Date.UTC(2022, 5, 15)));
      expect(smicval.getCell(17).numFmt).toBe(DATE_FORMAT);
      const unallocated = rowOf(sheet("Lauréats"), "prevention-perte-autonomie");
      expect(unallocated.getCell(9).value).toBeNull();
      expect(unallocated.getCell(13).value).toBe(0);

      const acompte = sheet("Tranches").getRow(3);
      expect(acompte.getCell(4).value).toBe(2);
      expect(acompte.getCell(5).value).toBe(61_728.39);
      expect(acompte.getCell(5).numFmt).toBe(EURO_FORMAT);
      expect(acompte.getCell(6).value).toEqual(new Date(Date.UTC(2023, 2, 1)));
      expect(acompte.getCell(10).value).toBe('DP-2023-017; lot "B"');

      const reversal = rowOf(sheet("Paiements"), fixture.payments.smicvalReversal);
      expect(reversal.getCell(4).value).toEqual(new Date(Date.UTC(2022, 8, 10)));
      expect(reversal.getCell(5).value).toBe(-500);
      expect(reversal.getCell(5).numFmt).toBe(EURO_FORMAT);
      // A workbook stores text as text: the reference stays as typed, and is no formula.
      expect(reversal.getCell(6).value).toBe("=1+2");
      expect(reversal.getCell(6).formula).toBeUndefined();
      expect(reversal.getCell(7).value).toBe(fixture.payments.smicvalDuplicate);
      expect(reversal.getCell(8).value).toBe("Doublon, saisi deux fois");
    });
  });

  describe("access", () => {
    const paths = [
      "/api/exports/laureats.csv",
      "/api/exports/tranches.csv",
      "/api/exports/paiements.csv",
      "/api/exports/portefeuille.xlsx",
      "/api/exports/scdl-subventions.csv",
    ];

    it("refuses anonymous requests with 401", async () => {
      for (const path of paths) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(401);
        expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
          "Connectez-vous pour continuer.",
        );
      }
    });

    it("serves every signed-in role, leadership included", async () => {
      for (const path of paths) {
        expect((await download(path, fixture.leadershipCookie)).status, path).toBe(200);
      }
    });

    it("answers an unknown format with 400 and a French message", async () => {
      for (const path of paths.slice(0, 3)) {
        for (const format of ["tsv", "", "EXCEL"]) {
          const response = await download(`${path}?format=${format}`);
          expect(response.status, `${path}?format=${format}`).toBe(400);
          expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
            "Format inconnu : demandez format=excel (par défaut) ou format=opendata.",
          );
        }
        expect((await download(`${path}?format=excel&format=opendata`)).status).toBe(400);
      }
    });
  });
});
