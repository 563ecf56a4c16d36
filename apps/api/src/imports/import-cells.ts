import { hasControlCharacter } from "../input-hygiene.js";

/**
 * One cell of an extract as the readers give it: CSV gives text, a
 * spreadsheet may give a number or a date. Each parser below turns it into
 * the stored value, or a French reason to refuse the row.
 */
export type CellValue = string | number | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function accepted<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function refused<T>(error: string): Parsed<T> {
  return { ok: false, error };
}

/** What the person typed, for a message: "« 12,3,4 »". */
function quoted(value: CellValue): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `« ${text.length > 40 ? `${text.slice(0, 40)}…` : text} »`;
}

function textOf(value: CellValue): string {
  if (value === null) return "";
  return value instanceof Date ? value.toISOString() : String(value).trim();
}

/** Every kind of space a spreadsheet or a French locale puts in numbers: space, NBSP, U+202F, thin spaces. */
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu;
const MINUS_SIGNS = /^[-\u2212\u2012\u2013]|[-\u2212]$|^\(.*\)$/u;

/**
 * Whole euros, optionally grouped by spaces in threes ("12 345"), then at
 * most two decimals after one comma or one point. A lone separator is always
 * the decimal one, so "1.234" and "1,234" (three decimals) are refused rather
 * than guessed, and so is any text with both a comma and a point.
 */
const EUROS_PATTERN = /^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * An amount in integer cents, read digit by digit, never through floating
 * point: French ("1 234,56", with spaces, NBSP or U+202F) or international
 * ("1234.56"). A spreadsheet number is first written with the 15 significant
 * digits Excel shows, then read as text. Negative and zero amounts are refused.
 */
export function parseAmountCents(value: CellValue): Parsed<number> {
  if (value instanceof Date) return refused(`Montant invalide ${quoted(value)} : une date a été trouvée.`);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return refused("Montant invalide : nombre non fini.");
    return parseAmountText(excelDisplayed(value), value);
  }
  return parseAmountText(textOf(value), value);
}

/** "1234.56000000000" → "1234.56": what Excel displays, without a float operation on the amount. */
function excelDisplayed(value: number): string {
  const text = value.toPrecision(15);
  if (/e/i.test(text)) return text;
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

function parseAmountText(raw: string, original: CellValue): Parsed<number> {
  const text = raw
    .replace(SPACES, " ")
    .trim()
    .replace(/ ?(?:€|EUR|euros?)$/iu, "")
    .trim();
  if (text === "") return refused("Montant manquant.");
  if (MINUS_SIGNS.test(text)) {
    return refused(
      `Montant négatif ${quoted(original)} refusé : un import n'enregistre que des versements ; ` +
        "une contre-passation se fait depuis la fiche du lauréat.",
    );
  }
  const match = EUROS_PATTERN.exec(text.replace(/^\+/, ""));
  if (!match) {
    return refused(
      `Montant invalide ${quoted(original)} : écrivez par exemple « 1 234,56 » ou « 1234.56 » ` +
        "(deux décimales au plus, sans séparateur de milliers autre que l'espace).",
    );
  }
  const cents = BigInt((match[1] ?? "").replaceAll(" ", "")) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  if (cents === 0n) return refused("Le montant doit être supérieur à zéro.");
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return refused(`Montant trop grand ${quoted(original)}.`);
  return accepted(Number(cents));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A day, "AAAA-MM-JJ" or "JJ/MM/AAAA" (or a spreadsheet date, which Excel
 * stores without a time zone: its UTC day is the day typed).
 */
export function parseDay(value: CellValue): Parsed<string> {
  let day: string | null = null;
  if (value instanceof Date) {
    day = Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  } else {
    const text = textOf(value);
    if (text === "") return refused("Date manquante.");
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const [year, month, dayOfMonth] = iso
      ? [iso[1], iso[2], iso[3]].map(Number)
      : french
        ? [french[3], french[2], french[1]].map(Number)
        : [];
    if (year !== undefined && month !== undefined && dayOfMonth !== undefined) {
      day = isCalendarDay(year, month, dayOfMonth) ? isoDay(year, month, dayOfMonth) : null;
      if (!day) return refused(`Date inexistante ${quoted(value)}.`);
    }
  }
  if (!day) return refused(`Date invalide ${quoted(value)} : écrivez AAAA-MM-JJ ou JJ/MM/AAAA.`);
  return accepted(day);
}

/** A payment date (see parseDay), not after `today`: an extract lists payments made. */
export function parsePaymentDate(value: CellValue, today: string): Parsed<string> {
  const day = parseDay(value);
  if (day.ok && day.value > today)
    return refused(`La date ${quoted(value)} est dans le futur : un relevé liste des versements faits.`);
  return day;
}

/** A measure's day (see parseDay), not after `today`: a measure is taken, not foreseen. */
export function parseMeasureDate(value: CellValue, today: string): Parsed<string> {
  const day = parseDay(value);
  if (day.ok && day.value > today)
    return refused(`La date ${quoted(value)} est dans le futur : une mesure constate une valeur atteinte.`);
  return day;
}

/** A number as French or international writing gives it: "-1 234,5", "1234.56"; two decimals at most. */
const DECIMAL_PATTERN = /^([-\u2212]?)(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d{1,2}))?$/u;

/**
 * A measured value, two decimals at most, read digit by digit like an amount:
 * "12,5", "1 234,56", "1234.56", "-3" (a balance may be negative). A
 * spreadsheet number is read as Excel displays it. At most `limit` in size.
 */
export function parseDecimal(value: CellValue, limit: number): Parsed<number> {
  if (value instanceof Date) return refused(`Valeur invalide ${quoted(value)} : une date a été trouvée.`);
  if (typeof value === "number" && !Number.isFinite(value))
    return refused("Valeur invalide : nombre non fini.");
  const text = (typeof value === "number" ? excelDisplayed(value) : textOf(value))
    .replace(SPACES, " ")
    .trim();
  if (text === "") return refused("Valeur manquante.");
  const match = DECIMAL_PATTERN.exec(text.replace(/^\+/, ""));
  if (!match) {
    return refused(
      `Valeur invalide ${quoted(value)} : écrivez un nombre, par exemple « 12,5 » ou « 1 234,56 » ` +
        "(deux décimales au plus).",
    );
  }
  const hundredths =
    BigInt((match[2] ?? "").replaceAll(" ", "")) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  if (hundredths > BigInt(Math.round(limit * 100)))
    return refused(`Valeur hors des limites ${quoted(value)}.`);
  const number = Number(hundredths) / 100;
  return accepted(match[1] ? -number : number);
}

/** An EJ number as Chorus writes it: 10 digits (spaces ignored). */
export function parseEjNumber(value: CellValue): Parsed<string> {
  const text = textOf(typeof value === "number" && Number.isInteger(value) ? String(value) : value).replace(
    SPACES,
    "",
  );
  if (text === "") return refused("Numéro d'EJ manquant.");
  if (!/^\d{10}$/.test(text)) return refused(`Numéro d'EJ invalide ${quoted(value)} : 10 chiffres attendus.`);
  return accepted(text);
}

export const MAX_REFERENCE_LENGTH = 100;

/**
 * A free text (empty allowed), spaces collapsed so that a re-exported file
 * matches; `label` names it in a message: "Référence".
 */
export function parseText(value: CellValue, label: string, maxLength: number): Parsed<string | null> {
  const raw = value instanceof Date ? value.toISOString().slice(0, 10) : textOf(value);
  if (hasControlCharacter(raw))
    return refused(`${label} invalide : le texte contient un caractère de contrôle (invisible).`);
  const text = raw.replace(SPACES, " ").trim();
  if (text.length > maxLength) return refused(`${label} : ${maxLength} caractères au plus.`);
  return accepted(text === "" ? null : text);
}

/** The payment's reference (empty allowed). */
export function parseReference(value: CellValue): Parsed<string | null> {
  return parseText(value, "Référence", MAX_REFERENCE_LENGTH);
}

/** A cell as typed, for the report of a row whose cell could not be read. */
export function rawText(value: CellValue): string | null {
  if (value === null) return null;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  return text === "" ? null : text.slice(0, 40);
}

export function valueOf<T>(parsed: Parsed<T>): T | null {
  return parsed.ok ? parsed.value : null;
}
