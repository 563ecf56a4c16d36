import { describe, expect, it } from "vitest";
import { downloadFileName, MONEY_TABLE_DOWNLOADS, WORKBOOK_DOWNLOAD } from "@defis/domain";
import { parisDay } from "../paris-day.js";
import { decimalText, eurosFromCents, toCsv, type Column } from "./csv.js";

interface Line {
  label: string;
  cents: number | null;
  day: string | null;
  count: number | null;
}

const columns: Column<Line>[] = [
  { header: "Libellé", value: (line) => line.label },
  { header: "Montant", kind: "euros", value: (line) => line.cents },
  { header: "Date", kind: "date", value: (line) => line.day },
  { header: "Nombre", kind: "integer", value: (line) => line.count },
];

describe("eurosFromCents", () => {
  it("writes two decimals from the integer's digits, negatives too", () => {
    const cases: [number, string][] = [
      [0, "0,00"],
      [5, "0,05"],
      [-5, "-0,05"],
      [99, "0,99"],
      [100, "1,00"],
      [-100, "-1,00"],
      [123_456, "1234,56"],
      [-123_456, "-1234,56"],
      [300_000_000, "3000000,00"],
      // The largest exact integer: digits only, so no rounding at any size.
      [Number.MAX_SAFE_INTEGER, "90071992547409,91"],
    ];
    for (const [cents, text] of cases) {
      expect(eurosFromCents(cents, ",")).toBe(text);
      expect(eurosFromCents(cents, ".")).toBe(text.replace(",", "."));
    }
  });

  it("refuses what is not a whole number of cents", () => {
    expect(() => eurosFromCents(12.5, ",")).toThrow(RangeError);
    expect(() => eurosFromCents(Number.NaN, ".")).toThrow(RangeError);
  });
});

describe("decimalText", () => {
  it("writes a measured value with the dialect's decimal separator, without trailing zeros", () => {
    expect(decimalText(12.5, ",")).toBe("12,5");
    expect(decimalText(12.5, ".")).toBe("12.5");
    expect(decimalText(-0.25, ",")).toBe("-0,25");
    expect(decimalText(1000, ",")).toBe("1000");
    expect(decimalText(1_234_567.89, ".")).toBe("1234567.89");
  });
});

describe("toCsv", () => {
  const lines: Line[] = [
    { label: "Simple", cents: 123_456, day: "2024-03-15", count: 3 },
    { label: "Avec ; point-virgule, et virgule", cents: -5, day: null, count: null },
    { label: 'Des "guillemets"\r\net une ligne', cents: null, day: "2024-12-31", count: 0 },
    { label: '=HYPERLINK("http://example.com")', cents: 0, day: null, count: 1 },
    { label: "-2+3", cents: 1, day: null, count: null },
  ];

  it("writes Excel's dialect: BOM, ';', decimal comma, CRLF, formulas neutralised", () => {
    expect(toCsv(lines, columns, "excel")).toBe(
      "\uFEFFLibellé;Montant;Date;Nombre\r\n" +
        "Simple;1234,56;2024-03-15;3\r\n" +
        '"Avec ; point-virgule, et virgule";-0,05;;\r\n' +
        '"Des ""guillemets""\r\net une ligne";;2024-12-31;0\r\n' +
        '"\'=HYPERLINK(""http://example.com"")";0,00;;1\r\n' +
        "'-2+3;0,01;;\r\n",
    );
  });

  it("writes the open-data dialect: no BOM, ',', decimal point, CRLF, raw values", () => {
    expect(toCsv(lines, columns, "opendata")).toBe(
      "Libellé,Montant,Date,Nombre\r\n" +
        "Simple,1234.56,2024-03-15,3\r\n" +
        '"Avec ; point-virgule, et virgule",-0.05,,\r\n' +
        '"Des ""guillemets""\r\net une ligne",,2024-12-31,0\r\n' +
        '"=HYPERLINK(""http://example.com"")",0.00,,1\r\n' +
        "-2+3,0.01,,\r\n",
    );
  });

  it("writes the header alone for no rows", () => {
    expect(toCsv([], columns, "opendata")).toBe("Libellé,Montant,Date,Nombre\r\n");
  });
});

describe("the name of a download", () => {
  it("carries the product, the table, the dialect and the day in Paris", () => {
    const newYearsEve = parisDay(new Date("2024-12-31T23:30:00Z"));
    expect(downloadFileName(MONEY_TABLE_DOWNLOADS.paiements, "csv", newYearsEve)).toBe(
      "defis-versements-2025-01-01.csv",
    );
    expect(downloadFileName(MONEY_TABLE_DOWNLOADS.paiements, "csv", newYearsEve, "opendata")).toBe(
      "defis-versements-opendata-2025-01-01.csv",
    );
    expect(downloadFileName(WORKBOOK_DOWNLOAD, "xlsx", newYearsEve)).toBe(
      "defis-portefeuille-2025-01-01.xlsx",
    );
  });
});
