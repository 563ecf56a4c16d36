import { describe, expect, it } from "vitest";
import {
  formatCents,
  formatCentsRounded,
  formatDate,
  formatCentsForInput,
  formatDateTime,
  formatMonth,
  formatPercent,
  formatShortDate,
  formatSignedCents,
  parisToday,
  parseEuros,
  pluralize,
} from "./format";

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

describe("parseEuros", () => {
  it("reads French amounts: grouped by spaces (plain, no-break or narrow), decimal comma, optional €", () => {
    expect(parseEuros("12 345,67")).toBe(1_234_567);
    expect(parseEuros("1 234 567,89")).toBe(123_456_789);
    expect(parseEuros(`1${NARROW_NBSP}234${NARROW_NBSP}567,89${NBSP}€`)).toBe(123_456_789);
    expect(parseEuros(formatCents(300_000_000))).toBe(300_000_000);
    expect(parseEuros("  42€ ")).toBe(4_200);
    expect(parseEuros("0,5")).toBe(50);
    expect(parseEuros("0")).toBe(0);
  });

  it("reads international amounts with a decimal point", () => {
    expect(parseEuros("12345.67")).toBe(1_234_567);
    expect(parseEuros("12345")).toBe(1_234_500);
    expect(parseEuros("7.5")).toBe(750);
  });

  it("never goes through a float: every cent is exact", () => {
    // 0.29 * 100 is 28.999999999999996 and 1.005 * 100 is 100.49999999999999 in floating point.
    expect(parseEuros("0,29")).toBe(29);
    expect(parseEuros("1,01")).toBe(101);
    expect(parseEuros("4 503 599 627 370,49")).toBe(450_359_962_737_049);
    expect(Number.isInteger(parseEuros("19,99"))).toBe(true);
  });

  it("refuses both separators together rather than guessing which one is the decimal", () => {
    expect(parseEuros("12,345.67")).toBeNull();
    expect(parseEuros("12.345,67")).toBeNull();
    expect(parseEuros("1.234.567")).toBeNull();
  });

  it("refuses more than two decimals, so a lone separator before three digits is never a thousands one", () => {
    expect(parseEuros("1,234")).toBeNull();
    expect(parseEuros("1.234")).toBeNull();
    expect(parseEuros("10,005")).toBeNull();
  });

  it("refuses negative or signed amounts, text, badly grouped digits and amounts beyond exact integers", () => {
    expect(parseEuros("-5")).toBeNull();
    expect(parseEuros("-12,50 €")).toBeNull();
    expect(parseEuros("+5")).toBeNull();
    expect(parseEuros("")).toBeNull();
    expect(parseEuros("   ")).toBeNull();
    expect(parseEuros("douze")).toBeNull();
    expect(parseEuros("1e3")).toBeNull();
    expect(parseEuros("12,")).toBeNull();
    expect(parseEuros(",50")).toBeNull();
    expect(parseEuros("1 2345")).toBeNull();
    expect(parseEuros("12 34,00")).toBeNull();
    expect(parseEuros("€ 12")).toBeNull();
    expect(parseEuros("99999999999999999")).toBeNull();
  });
});

describe("money inputs and ledger figures", () => {
  it("prefills an input with an amount parseEuros reads back", () => {
    expect(formatCentsForInput(1_234_567)).toBe("12345,67");
    expect(formatCentsForInput(1_234_500)).toBe("12345");
    expect(formatCentsForInput(5)).toBe("0,05");
    expect(parseEuros(formatCentsForInput(987_654_321))).toBe(987_654_321);
  });

  it("signs a change of amount", () => {
    expect(formatSignedCents(100_000)).toBe(`+1${NARROW_NBSP}000,00${NBSP}€`);
    expect(formatSignedCents(-25_000)).toBe(`-250,00${NBSP}€`);
    expect(formatSignedCents(0)).toBe(`0,00${NBSP}€`);
  });
});

describe("months and today", () => {
  it("names a month", () => {
    expect(formatMonth("2024-03")).toBe("mars 2024");
    expect(formatMonth("2022-12")).toBe("décembre 2022");
  });

  it("gives today's calendar date in Paris, which may already be tomorrow in UTC terms", () => {
    expect(parisToday(new Date("2026-11-25T10:00:00Z"))).toBe("2026-11-25");
    expect(parisToday(new Date("2026-11-25T23:30:00Z"))).toBe("2026-11-26");
    expect(parisToday(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
  });
});
