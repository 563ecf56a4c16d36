import { describe, expect, it } from "vitest";
import {
  formatCents,
  formatCentsRounded,
  formatDate,
  formatDateTime,
  formatIndicatorValue,
  formatMonth,
  formatPercent,
  formatPreciseDateTime,
  formatShortDate,
  formatSignedCents,
  pluralize,
} from "./french-format.js";

const NARROW_NBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatCents", () => {
  it("writes euros the French way: narrow no-break spaces between groups, no-break space before €", () => {
    expect(formatCents(123_456_789)).toBe(`1${NARROW_NBSP}234${NARROW_NBSP}567,89${NBSP}€`);
  });

  it("keeps two decimals, also for whole euros and zero", () => {
    expect(formatCents(300_000_000)).toBe(`3${NARROW_NBSP}000${NARROW_NBSP}000,00${NBSP}€`);
    expect(formatCents(5)).toBe(`0,05${NBSP}€`);
    expect(formatCents(0)).toBe(`0,00${NBSP}€`);
  });

  it("writes negative amounts (reversals) with a minus sign", () => {
    expect(formatCents(-1_050)).toBe(`-10,50${NBSP}€`);
  });
});

describe("formatCentsRounded", () => {
  it("rounds to the euro for tiles", () => {
    expect(formatCentsRounded(288_000_049)).toBe(`2${NARROW_NBSP}880${NARROW_NBSP}000${NBSP}€`);
  });
});

describe("dates", () => {
  it("reads a calendar date as that day in Paris, whatever the machine's time zone", () => {
    expect(formatDate("2022-02-17")).toBe("17 février 2022");
    expect(formatShortDate("2021-08-23")).toBe("23/08/2021");
  });

  it("shows an instant in Europe/Paris", () => {
    expect(formatShortDate(new Date("2021-12-31T23:30:00Z"))).toBe("01/01/2022");
  });
});

describe("formatDateTime", () => {
  it("shows the date and time in Paris, winter (UTC+1) and summer (UTC+2)", () => {
    expect(formatDateTime(new Date("2022-02-17T09:15:00Z"))).toBe("17/02/2022 10:15");
    expect(formatDateTime("2022-07-01T22:30:00.000Z")).toBe("02/07/2022 00:30");
  });
});

describe("formatPercent and pluralize", () => {
  it("writes percentages with a decimal comma", () => {
    expect(formatPercent(0.125)).toBe(`12,5${NBSP}%`);
  });

  it("agrees the noun with the count", () => {
    expect(pluralize(1, "lauréat")).toBe("1 lauréat");
    expect(pluralize(27, "lauréat")).toBe("27 lauréats");
    expect(pluralize(0, "lauréat")).toBe("0 lauréat");
  });
});

describe("ledger figures and months", () => {
  it("signs a change of amount", () => {
    expect(formatSignedCents(100_000)).toBe(`+1${NARROW_NBSP}000,00${NBSP}€`);
    expect(formatSignedCents(-25_000)).toBe(`-250,00${NBSP}€`);
    expect(formatSignedCents(0)).toBe(`0,00${NBSP}€`);
  });

  it("names a month", () => {
    expect(formatMonth("2024-03")).toBe("mars 2024");
    expect(formatMonth("2022-12")).toBe("décembre 2022");
  });

  it("gives an instant to the second, in Paris, for files", () => {
    expect(formatPreciseDateTime(new Date("2022-02-17T09:15:42Z"))).toBe("17/02/2022 10:15:42");
  });
});

describe("formatIndicatorValue", () => {
  it("writes the figure with its unit, grouped by thousands, two decimals at most", () => {
    expect(formatIndicatorValue(1200, { unit: "nombre", unitLabel: "usagers" })).toBe(
      `1${NARROW_NBSP}200${NBSP}usagers`,
    );
    expect(formatIndicatorValue(1200, { unit: "nombre", unitLabel: "" })).toBe(`1${NARROW_NBSP}200`);
    expect(formatIndicatorValue(45, { unit: "jours", unitLabel: "" })).toBe(`45${NBSP}jours`);
    expect(formatIndicatorValue(1, { unit: "jours", unitLabel: "" })).toBe(`1${NBSP}jour`);
    expect(formatIndicatorValue(12.5, { unit: "pourcentage", unitLabel: "" })).toBe(`12,5${NBSP}%`);
    expect(formatIndicatorValue(3, { unit: "etp", unitLabel: "" })).toBe(`3${NBSP}ETP`);
    expect(formatIndicatorValue(8.333, { unit: "libre", unitLabel: "dossiers par mois" })).toBe(
      `8,33${NBSP}dossiers par mois`,
    );
    expect(formatIndicatorValue(1.5, { unit: "jours", unitLabel: "" })).toBe(`1,5${NBSP}jour`);
    expect(formatIndicatorValue(1200.5, { unit: "euros", unitLabel: "" })).toBe(
      `1${NARROW_NBSP}200,5${NBSP}€`,
    );
  });
});
