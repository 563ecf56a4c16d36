import { describe, expect, it } from "vitest";
import { formatCents, formatCentsForInput, parisToday, parseDecimal, parseEuros } from "./format";

const NARROW_NBSP = "\u202f";
const NBSP = "\u00a0";

describe("the French formats of the domain", () => {
  it("are the web app's too", () => {
    expect(formatCents(5)).toBe(`0,05${NBSP}€`);
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

describe("money inputs", () => {
  it("prefills an input with an amount parseEuros reads back", () => {
    expect(formatCentsForInput(1_234_567)).toBe("12345,67");
    expect(formatCentsForInput(1_234_500)).toBe("12345");
    expect(formatCentsForInput(5)).toBe("0,05");
    expect(parseEuros(formatCentsForInput(987_654_321))).toBe(987_654_321);
  });
});

describe("today", () => {
  it("gives today's calendar date in Paris, which may already be tomorrow in UTC terms", () => {
    expect(parisToday(new Date("2026-11-25T10:00:00Z"))).toBe("2026-11-25");
    expect(parisToday(new Date("2026-11-25T23:30:00Z"))).toBe("2026-11-26");
    expect(parisToday(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
  });
});

describe("parseDecimal", () => {
  it("reads a typed indicator value, grouped or not, with a comma or a point", () => {
    expect(parseDecimal("1 200")).toBe(1200);
    expect(parseDecimal(" 12,5 ")).toBe(12.5);
    expect(parseDecimal("-3.25")).toBe(-3.25);
    expect(parseDecimal("12,555")).toBe(12.555);
  });
  it("gives NaN for what is no number, so that the shared schema says so", () => {
    expect(parseDecimal("")).toBeNaN();
    expect(parseDecimal("12,5,1")).toBeNaN();
    expect(parseDecimal("douze")).toBeNaN();
    expect(parseDecimal("1 20")).toBeNaN();
  });
});
