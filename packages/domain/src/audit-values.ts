import { SCOPE_KINDS } from "./accounts.js";
import { DEPARTEMENTS } from "./departements.js";
import { TRANCHE_KINDS } from "./finance/index.js";
import { formatCents, formatCount, formatMonth, formatShortDate } from "./french-format.js";
import { labelFrom } from "./labels.js";
import { MINISTRIES } from "./laureate.js";
import { REPLICATION_CRITERIA, SCORE_LABELS } from "./replication/index.js";

/**
 * How one kind of value of an audit payload reads in French: one function per
 * kind (amount, day, vocabulary, schedule…), shared by the journal page, a
 * laureate's history and the journal's CSV. A function receives a value the
 * payload holds (never null: "no value" is handled once, by the caller) and
 * always returns text: no code, no centimes, no "[object Object]".
 */
export type ValueFormat = (value: unknown) => string;

/** A field of a payload: what a reader calls it and how its value reads. */
export interface AuditField {
  label: string;
  format: ValueFormat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "oui" / "non". */
export const asYesNo: ValueFormat = (value) =>
  typeof value === "boolean" ? (value ? "oui" : "non") : asText(value);

/** Any value as a sentence: the fallback of every other format, so an unexpected shape still reads. */
export const asText: ValueFormat = (value) => {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatCount(value);
  if (typeof value === "boolean") return asYesNo(value);
  if (Array.isArray(value)) return value.length === 0 ? "aucun" : value.map(asText).join(", ");
  if (isRecord(value)) return describeRecord(value, {});
  return "";
};

/** Integer cents as "154 200,00 €". */
export const asEuros: ValueFormat = (value) =>
  typeof value === "number" ? formatCents(value) : asText(value);

/** "2024-03-01" as "01/03/2024". */
export const asDay: ValueFormat = (value) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatShortDate(value) : asText(value);

/** "2024-03" as "mars 2024". */
export const asMonth: ValueFormat = (value) =>
  typeof value === "string" && /^\d{4}-\d{2}$/.test(value) ? formatMonth(value) : asText(value);

/** "n° 42": the number of a record the event points to (a reversal, a payment). */
export const asNumber: ValueFormat = (value) => (typeof value === "number" ? `n° ${value}` : asText(value));

/** A format that reads the stored values of a vocabulary; the labels stay reachable for the tests. */
export type VocabularyFormat = ValueFormat & { labels: Readonly<Record<string, string>> };

/** A stored value of a domain vocabulary, by its label (a value stored as its label already stays). */
export function vocabulary(labels: Readonly<Record<string, string>>): VocabularyFormat {
  const format: ValueFormat = (value) =>
    typeof value === "string" ? labelFrom(labels, value) : asText(value);
  return Object.assign(format, { labels });
}

/** Items one after the other, "aucun" when there is none. */
export function listOf(item: ValueFormat): ValueFormat {
  return (value) =>
    Array.isArray(value) ? (value.length === 0 ? "aucun" : value.map(item).join(" ; ")) : item(value);
}

/** A nested object as "Libellé : valeur, Libellé : valeur", read with its own fields. */
export function recordOf(fields: Readonly<Record<string, AuditField>>): ValueFormat {
  return (value) => (isRecord(value) ? describeRecord(value, fields) : asText(value));
}

/** "montantHorsEcheancier" → "Montant hors echeancier": a field no table names yet still reads as words. */
export function wordsOf(key: string): string {
  const words = key
    .replace(/Centimes$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The field a table gives, or one guessed from the key (amounts in cents still read as euros). */
export function fieldOf(fields: Readonly<Record<string, AuditField>>, key: string): AuditField | null {
  return Object.hasOwn(fields, key) ? (fields[key] ?? null) : null;
}

export function guessedField(key: string): AuditField {
  return { label: wordsOf(key), format: key.endsWith("Centimes") ? asEuros : asText };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** A nested record in the order of its fields' table: jsonb does not keep the order the API wrote. */
function describeRecord(
  record: Record<string, unknown>,
  fields: Readonly<Record<string, AuditField>>,
): string {
  const order = Object.keys(fields);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(record)
    .sort(([left], [right]) => rank(left) - rank(right))
    .filter(([, value]) => !isEmpty(value))
    .map(([key, value]) => {
      const field = fieldOf(fields, key) ?? guessedField(key);
      return `${field.label} : ${field.format(value)}`;
    })
    .join(", ");
}

/** A schedule: "Avance 30 000,00 € le 01/03/2024 ; Solde 70 000,00 € le 01/09/2024". */
export const asSchedule: ValueFormat = listOf((tranche) => {
  if (!isRecord(tranche)) return asText(tranche);
  const { type, montantCentimes, datePrevue, ...rest } = tranche;
  const words = [
    typeof type === "string" ? labelFrom(TRANCHE_KINDS, type) : "Tranche",
    ...(isEmpty(montantCentimes) ? [] : [asEuros(montantCentimes)]),
    ...(isEmpty(datePrevue) ? [] : [`le ${asDay(datePrevue)}`]),
  ];
  const more = describeRecord(rest, {});
  return more ? `${words.join(" ")} (${more})` : words.join(" ");
});

/** An indicator's yearly targets: "2025 : 1 200 ; 2026 : 1 500". */
export const asYearlyTargets: ValueFormat = listOf((target) =>
  isRecord(target) && typeof target.annee === "number"
    ? `${String(target.annee)} : ${asText(target.valeur)}`
    : asText(target),
);

/** The criteria of the replication grid and their scores: "Maturité de la solution : 3 — bon, …". */
export const asScores: ValueFormat = (value) => {
  if (!isRecord(value)) return asText(value);
  return Object.entries(value)
    .map(([criterion, score]) => {
      const label = labelFrom(REPLICATION_CRITERIA, criterion);
      const scoreLabel = typeof score === "number" ? labelFrom(SCORE_LABELS, String(score)) : asText(score);
      return `${label} : ${scoreLabel}`;
    })
    .join(", ");
};

/** The potential index, out of 100. */
export const asIndex: ValueFormat = (value) => (typeof value === "number" ? `${value} / 100` : asText(value));

/**
 * A sponsor's scope as the accounts' audit writes it ("ministère interieur",
 * "lauréat dggn-lab-innovation"): the kind, then the ministry by its name.
 */
export const asScope: ValueFormat = listOf((entry) => {
  if (typeof entry !== "string") return asText(entry);
  for (const [kind, label] of Object.entries(SCOPE_KINDS)) {
    const prefix = `${label.toLowerCase()} `;
    if (!entry.startsWith(prefix)) continue;
    const target = entry.slice(prefix.length);
    return `${label} : ${kind === "ministere" ? labelFrom(MINISTRIES, target) : target}`;
  }
  return entry;
});

/** A département by its name, "Hautes-Alpes (05)". */
export const asDepartement: ValueFormat = (value) => {
  if (typeof value !== "string") return asText(value);
  const departement = (DEPARTEMENTS as Readonly<Record<string, { name: string }>>)[value];
  return departement ? `${departement.name} (${value})` : value;
};
