/**
 * The only place where numbers and dates become French text. Money arrives
 * as integer cents and is divided only here, at display time.
 */
const euroFormatter = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const wholeEuroFormatter = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const integerFormatter = new Intl.NumberFormat("fr-FR");
const percentFormatter = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const dateFormatter = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const shortDateFormatter = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });
const dateTimeFormatter = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** "1 234 567,89 €" (narrow no-break space between groups, no-break space before €). */
export function formatCents(cents: number): string {
  return euroFormatter.format(cents / 100);
}

/** "1 234 568 €": for tiles and charts where cents are noise. */
export function formatCentsRounded(cents: number): string {
  return wholeEuroFormatter.format(Math.round(cents / 100));
}

export function formatCount(value: number): string {
  return integerFormatter.format(value);
}

/** `ratio` between 0 and 1: "12,5 %". */
export function formatPercent(ratio: number): string {
  return percentFormatter.format(ratio);
}

/** Calendar dates ("2022-02-17") are read as such, never shifted by a time zone. */
function toDate(value: string | Date): Date {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T12:00:00Z`)
    : new Date(value);
}

/** "17 février 2022", in Europe/Paris. */
export function formatDate(value: string | Date): string {
  return dateFormatter.format(toDate(value));
}

/** "17/02/2022", in Europe/Paris. */
export function formatShortDate(value: string | Date): string {
  return shortDateFormatter.format(toDate(value));
}

/** "17/02/2022 10:15": an instant (journal, history), in Europe/Paris whatever the browser's zone. */
export function formatDateTime(value: string | Date): string {
  return dateTimeFormatter.format(new Date(value));
}

/** "1 lauréat", "27 lauréats". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count > 1 ? plural : singular}`;
}

const monthFormatter = new Intl.DateTimeFormat("fr-FR", {
  month: "long",
  year: "numeric",
  timeZone: "Europe/Paris",
});
const signedEuroFormatter = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  signDisplay: "exceptZero",
});
const isoDayFormatter = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/Paris",
});

/** "+1 000,00 €", "-250,00 €": a change of an amount (ledger movements). */
export function formatSignedCents(cents: number): string {
  return signedEuroFormatter.format(cents / 100);
}

const shortMonthFormatter = new Intl.DateTimeFormat("fr-FR", {
  month: "short",
  year: "2-digit",
  timeZone: "Europe/Paris",
});

/** "2024-03" → "mars 24": a chart's axis, where the long form would overlap. */
export function formatShortMonth(month: string): string {
  return shortMonthFormatter.format(toDate(`${month}-15`));
}

/** "2024-03" → "mars 2024". */
export function formatMonth(month: string): string {
  return monthFormatter.format(toDate(`${month}-15`));
}

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
