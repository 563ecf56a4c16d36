import { describe, expect, it } from "vitest";
import {
  parseAmountCents,
  parseDecimal,
  parseEjNumber,
  parseMeasureDate,
  parsePaymentDate,
  parseReference,
} from "./import-cells.js";
import { columnPositions, ImportFileError, MEASURE_COLUMNS, PAYMENT_COLUMNS } from "./import-columns.js";
import { detectDelimiter } from "./import-readers.js";

const TODAY = "2025-06-30";

function cents(value: Parameters<typeof parseAmountCents>[0]): number | string {
  const parsed = parseAmountCents(value);
  return parsed.ok ? parsed.value : parsed.error;
}

describe("parseAmountCents", () => {
  it.each([
    ["1 234,56", 123_456],
    ["1\u00a0234,56", 123_456],
    ["1\u202f234\u202f567,89 €", 123_456_789],
    ["1234.56", 123_456],
    ["1234,5", 123_450],
    ["0,29", 29],
    ["0.29", 29],
    ["12", 1_200],
    ["  42,00 EUR ", 4_200],
    ["+15,10", 1_510],
  ])("reads %j as %i cents, digit by digit", (text, expected) => {
    expect(cents(text)).toBe(expected);
  });

  it("reads spreadsheet numbers as Excel shows them, without float drift", () => {
    expect(cents(1234.56)).toBe(123_456);
    expect(cents(0.29)).toBe(29);
    expect(cents(1_000_000)).toBe(100_000_000);
    expect(cents(0.1 + 0.2)).toBe(30);
    expect(cents(19.99 * 3)).toBe(5_997);
  });

  it.each(["-100,00", "−100,00", "(100,00)", "100,00-"])("refuses the negative amount %j", (text) => {
    expect(cents(text)).toMatch(/^Montant négatif .* refusé/);
  });

  it.each(["1.234,56", "1,234.56", "1,234", "12 34,56", "abc", "12,345", "1e3"])(
    "refuses the ambiguous or invalid amount %j",
    (text) => {
      expect(cents(text)).toMatch(/^Montant invalide/);
    },
  );

  it("refuses zero, empty and absurdly large amounts", () => {
    expect(cents("0,00")).toBe("Le montant doit être supérieur à zéro.");
    expect(cents("")).toBe("Montant manquant.");
    expect(cents(null)).toBe("Montant manquant.");
    expect(cents("99999999999999999999")).toMatch(/^Montant trop grand/);
    expect(cents(-12.5)).toMatch(/^Montant négatif/);
  });
});

describe("parseDecimal (a measured value)", () => {
  const read = (value: Parameters<typeof parseDecimal>[0]) => {
    const parsed = parseDecimal(value, 1_000_000);
    return parsed.ok ? parsed.value : parsed.error;
  };

  it("reads French and international writing, two decimals at most, negatives too", () => {
    expect(read("12,5")).toBe(12.5);
    expect(read("1 234,56")).toBe(1234.56);
    expect(read("1\u202f234,5")).toBe(1234.5);
    expect(read("1234.56")).toBe(1234.56);
    expect(read("-3")).toBe(-3);
    expect(read("0")).toBe(0);
    expect(read(38.5)).toBe(38.5);
  });

  it("refuses what is not a number, three decimals, and beyond the limit", () => {
    expect(read("beaucoup")).toBe(
      "Valeur invalide « beaucoup » : écrivez un nombre, par exemple « 12,5 » ou « 1 234,56 » (deux décimales au plus).",
    );
    expect(read("1,234")).toMatch(/^Valeur invalide « 1,234 »/);
    expect(read("1,2.3")).toMatch(/^Valeur invalide/);
    expect(read("")).toBe("Valeur manquante.");
    expect(read("2 000 000")).toBe("Valeur hors des limites « 2 000 000 ».");
    expect(read(new Date(Date.UTC(2024, 0, 1)))).toMatch(/une date a été trouvée/);
  });

  it("refuses a measure dated in the future", () => {
    expect(parseMeasureDate("2025-07-01", TODAY)).toEqual({
      ok: false,
      error: "La date « 2025-07-01 » est dans le futur : une mesure constate une valeur atteinte.",
    });
    expect(parseMeasureDate("30/06/2025", TODAY)).toEqual({ ok: true, value: "2025-06-30" });
  });
});

describe("parsePaymentDate", () => {
  it("reads AAAA-MM-JJ, JJ/MM/AAAA and spreadsheet dates", () => {
    expect(parsePaymentDate("2024-03-05", TODAY)).toEqual({ ok: true, value: "2024-03-05" });
    expect(parsePaymentDate("05/03/2024", TODAY)).toEqual({ ok: true, value: "2024-03-05" });
    expect(parsePaymentDate("5/3/2024", TODAY)).toEqual({ ok: true, value: "2024-03-05" });
    expect(parsePaymentDate(new Date(Date.UTC(2024, 2, 5)), TODAY)).toEqual({
      ok: true,
      value: "2024-03-05",
    });
  });

  it("refuses days that do not exist, other formats and future days", () => {
    expect(parsePaymentDate("31/02/2024", TODAY)).toMatchObject({ ok: false, error: /Date inexistante/ });
    expect(parsePaymentDate("2024/03/05", TODAY)).toMatchObject({
      ok: false,
      error: /AAAA-MM-JJ ou JJ\/MM\/AAAA/,
    });
    expect(parsePaymentDate("03-05-2024", TODAY)).toMatchObject({ ok: false });
    expect(parsePaymentDate("2025-07-01", TODAY)).toMatchObject({ ok: false, error: /dans le futur/ });
    expect(parsePaymentDate("", TODAY)).toEqual({ ok: false, error: "Date manquante." });
  });
});

describe("parseEjNumber and parseReference", () => {
  it("reads 10 digits, spaces ignored, from text or a number cell", () => {
    expect(parseEjNumber("21 0000 0001")).toEqual({ ok: true, value: "2100000001" });
    expect(parseEjNumber(2100000001)).toEqual({ ok: true, value: "2100000001" });
    expect(parseEjNumber("EJ-123")).toMatchObject({ ok: false, error: /10 chiffres attendus/ });
  });

  it("collapses spaces in references and keeps an empty one as none", () => {
    expect(parseReference("  VIR  2024-01 ")).toEqual({ ok: true, value: "VIR 2024-01" });
    expect(parseReference("")).toEqual({ ok: true, value: null });
    expect(parseReference("x".repeat(101))).toMatchObject({ ok: false });
  });

  it("refuses a reference holding a control character, NUL included", () => {
    expect(parseReference("VIR\u00002024")).toEqual({
      ok: false,
      error: "Référence invalide : le texte contient un caractère de contrôle (invisible).",
    });
    expect(parseReference("VIR\u001b[31m")).toMatchObject({ ok: false });
  });
});

describe("columns and separators", () => {
  it("reads the columns of a file of measures, source and comment optional", () => {
    expect(
      columnPositions(
        ["Lauréat (identifiant)", "Indicateur (numéro ou nom)", "Date", "Valeur"],
        MEASURE_COLUMNS,
      ),
    ).toEqual({
      laureate: 0,
      indicator: 1,
      date: 2,
      value: 3,
      source: undefined,
      comment: undefined,
    });
    expect(() => columnPositions(["Lauréat", "Date", "Valeur"], MEASURE_COLUMNS)).toThrow(
      /^Colonne manquante : « indicateur »\. Colonnes attendues sur la première ligne : lauréat/,
    );
  });

  it("finds the columns whatever their case and accents, among others", () => {
    expect(
      columnPositions(["Libellé", "Référence", "MONTANT (€)", "Date", "Numéro EJ"], PAYMENT_COLUMNS),
    ).toEqual({
      reference: 1,
      amount: 2,
      date: 3,
      ejNumber: 4,
    });
    expect(columnPositions(["ej", "date", "montant", "reference"], PAYMENT_COLUMNS)).toMatchObject({
      ejNumber: 0,
    });
  });

  it("names the missing and repeated columns", () => {
    expect(() => columnPositions(["EJ", "Date"], PAYMENT_COLUMNS)).toThrow(ImportFileError);
    expect(() => columnPositions(["EJ", "Date"], PAYMENT_COLUMNS)).toThrow(
      /Colonnes manquantes : « montant », « référence »/,
    );
    expect(() =>
      columnPositions(["EJ", "Numéro EJ", "date", "montant", "référence"], PAYMENT_COLUMNS),
    ).toThrow(/« numéro EJ » apparaît deux fois/);
  });

  it("detects ';' and ',' on the header line, ignoring quoted text", () => {
    expect(detectDelimiter(Buffer.from("\uFEFFnuméro EJ;date;montant;référence\n1;2;3,5;4"))).toBe(";");
    expect(detectDelimiter(Buffer.from("EJ,date,montant,référence\n1,2,3.5,4"))).toBe(",");
    expect(detectDelimiter(Buffer.from('"EJ;x",date,montant,référence\n'))).toBe(",");
  });
});
