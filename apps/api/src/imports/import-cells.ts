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
 * A payment date, "AAAA-MM-JJ" or "JJ/MM/AAAA" (or a spreadsheet date, which
 * Excel stores without a time zone: its UTC day is the day typed). Not after
 * `today`: an extract lists payments made.
 */
export function parsePaymentDate(value: CellValue, today: string): Parsed<string> {
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
  if (day > today)
    return refused(`La date ${quoted(value)} est dans le futur : un relevé liste des versements faits.`);
  return accepted(day);
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

/** The payment's reference (empty allowed), spaces collapsed so that a re-exported file matches. */
export function parseReference(value: CellValue): Parsed<string | null> {
  const raw = value instanceof Date ? value.toISOString().slice(0, 10) : textOf(value);
  if (hasControlCharacter(raw))
    return refused("Référence invalide : elle contient un caractère de contrôle (invisible).");
  const text = raw.replace(SPACES, " ").trim();
  if (text.length > MAX_REFERENCE_LENGTH)
    return refused(`Référence trop longue : ${MAX_REFERENCE_LENGTH} caractères au plus.`);
  return accepted(text === "" ? null : text);
}
