/**
 * French text for the web app. Numbers and dates become French text in one
 * place, `packages/domain/src/french-format.ts`, shared with the server's
 * files; this module adds what only a form needs: today's date in Paris, an
 * amount to prefill an input, and the reading of a typed amount into cents.
 */
export {
  formatCents,
  formatCentsRounded,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMonth,
  formatPercent,
  formatShortDate,
  formatShortMonth,
  formatSignedCents,
  pluralize,
} from "@defis/domain";

const isoDayFormatter = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/Paris",
});

/** Today in Paris as a calendar date ("2026-11-25"), whatever the browser's time zone. */
export function parisToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(isoDayFormatter.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}`;
}

/** "12345,67": an amount as a person would type it, to prefill an input (no grouping, decimal comma). */
export function formatCentsForInput(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 100);
  const rest = absolute % 100;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole},${String(rest).padStart(2, "0")}`;
}

/**
 * Whole euros, optionally grouped by spaces in threes ("12 345"), then at most
 * two decimals after one comma or one point ("12 345,67", "12345.67"), then an
 * optional "€". A lone separator is always the decimal one: "1.234" and "1,234"
 * (three decimals) are refused rather than guessed, and so is any text with
 * both a comma and a point ("12,345.67", "12.345,67"), as is a sign.
 */
const EUROS_PATTERN = /^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * The only place where text becomes cents: French ("12 345,67") or
 * international ("12345.67") input, read digit by digit, never through a
 * float (0,29 € is 29 cents, not 28.999…). Null when the text is not an
 * amount (empty, negative, more than two decimals, ambiguous, too large).
 */
export function parseEuros(text: string): number | null {
  const normalized = text.replace(/\s+/gu, " ").trim().replace(/ ?€$/u, "");
  const match = EUROS_PATTERN.exec(normalized);
  if (!match) return null;
  const whole = (match[1] ?? "").replaceAll(" ", "");
  const decimals = (match[2] ?? "").padEnd(2, "0");
  const cents = BigInt(whole) * 100n + BigInt(decimals);
  return cents <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cents) : null;
}
