/**
 * The only place where numbers and dates become French text, shared by the
 * web app (through `apps/web/src/lib/format.ts`) and the server's files (the
 * journal's CSV). Money arrives as integer cents and is divided only here.
 * Instants are shown in Europe/Paris whatever the machine's time zone.
 */
import type { IndicatorUnit } from "./impact/vocabulary.js";

const euroFormatter = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const wholeEuroFormatter = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const signedEuroFormatter = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  signDisplay: "exceptZero",
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
const preciseDateTimeFormatter = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});
const monthFormatter = new Intl.DateTimeFormat("fr-FR", {
  month: "long",
  year: "numeric",
  timeZone: "Europe/Paris",
});
const shortMonthFormatter = new Intl.DateTimeFormat("fr-FR", {
  month: "short",
  year: "2-digit",
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

/** "+1 000,00 €", "-250,00 €": a change of an amount (ledger movements). */
export function formatSignedCents(cents: number): string {
  return signedEuroFormatter.format(cents / 100);
}

export function formatCount(value: number): string {
  return integerFormatter.format(value);
}

/** `ratio` between 0 and 1: "12,5 %". */
export function formatPercent(ratio: number): string {
  return percentFormatter.format(ratio);
}

/** "1 lauréat", "27 lauréats". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count > 1 ? plural : singular}`;
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

/** "17/02/2022 10:15": an instant (journal, history), in Europe/Paris whatever the machine's zone. */
export function formatDateTime(value: string | Date): string {
  return dateTimeFormatter.format(new Date(value));
}

/** "17/02/2022 10:15:42": an instant to the second, for a file that orders events. */
export function formatPreciseDateTime(value: string | Date): string {
  return preciseDateTimeFormatter.format(new Date(value));
}

/** "2024-03" → "mars 2024". */
export function formatMonth(month: string): string {
  return monthFormatter.format(toDate(`${month}-15`));
}

/** "2024-03" → "mars 24": a chart's axis, where the long form would overlap. */
export function formatShortMonth(month: string): string {
  return shortMonthFormatter.format(toDate(`${month}-15`));
}

const decimalFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** An indicator's figure without its unit, two decimals at most: "1 200", "12,5", "-3". */
export function formatDecimal(value: number): string {
  return decimalFormatter.format(value);
}

/** An indicator's unit as written after its figures: "%", "jours", "€", "ETP", its own wording, or nothing. */
export function indicatorUnitWording(
  indicator: { unit: IndicatorUnit; unitLabel: string },
  value = 2,
): string {
  switch (indicator.unit) {
    case "pourcentage":
      return "%";
    case "jours":
      // French takes the plural from 2: "1,5 jour", "2 jours".
      return Math.abs(value) >= 2 ? "jours" : "jour";
    case "euros":
      return "€";
    case "etp":
      return "ETP";
    case "nombre":
    case "libre":
      return indicator.unitLabel.trim();
  }
}

/**
 * An indicator value with its unit: "1 200 usagers", "45 jours", "12,5 %",
 * "3 ETP", "1 200 €". A count takes its wording when one is given
 * ("usagers"), and so does a free unit ("dossiers par mois").
 */
export function formatIndicatorValue(
  value: number,
  indicator: { unit: IndicatorUnit; unitLabel: string },
): string {
  const unit = indicatorUnitWording(indicator, value);
  return unit === "" ? formatDecimal(value) : `${formatDecimal(value)}\u00a0${unit}`;
}
