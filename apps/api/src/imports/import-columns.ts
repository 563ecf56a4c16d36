import type { CellValue } from "./import-cells.js";

/**
 * The columns a kind of file must (or may) have, recognised by their header;
 * any other column is ignored (Chorus exports many). Plain data: it crosses
 * to the parse worker as it is.
 */
export interface ColumnSpec<Key extends string = string> {
  /** Each column's name in a message: "numéro EJ". */
  labels: Record<Key, string>;
  /** Accepted header names, once normalised (lower case, no accent, no punctuation). */
  aliases: Record<Key, readonly string[]>;
  /** Columns a file may leave out: their cells are then empty. */
  optional: readonly Key[];
  /** Said with every column problem. */
  expected: string;
}

/** The four columns of a statement of payments. */
export type PaymentColumn = "ejNumber" | "date" | "amount" | "reference";

export const PAYMENT_COLUMNS: ColumnSpec<PaymentColumn> = {
  labels: { ejNumber: "numéro EJ", date: "date", amount: "montant", reference: "référence" },
  aliases: {
    ejNumber: ["numero ej", "ej", "n ej", "no ej", "num ej", "numero d ej", "numero engagement juridique"],
    date: ["date", "date de paiement", "date paiement", "date du paiement", "date de versement"],
    amount: ["montant", "montant eur", "montant euros", "montant paye", "montant verse"],
    reference: ["reference", "ref", "reference du paiement", "reference paiement", "reference de paiement"],
  },
  optional: [],
  expected: "Colonnes attendues sur la première ligne : numéro EJ (ou EJ), date, montant, référence.",
};

/** The columns of a file of measures: source and comment may be left out. */
export type MeasureColumn = "laureate" | "indicator" | "date" | "value" | "source" | "comment";

export const MEASURE_COLUMNS: ColumnSpec<MeasureColumn> = {
  labels: {
    laureate: "lauréat",
    indicator: "indicateur",
    date: "date",
    value: "valeur",
    source: "source",
    comment: "commentaire",
  },
  aliases: {
    laureate: [
      "laureat",
      "laureat identifiant",
      "identifiant du laureat",
      "identifiant laureat",
      "laureat slug",
    ],
    indicator: [
      "indicateur",
      "indicateur numero",
      "indicateur numero ou nom",
      "numero de l indicateur",
      "numero indicateur",
      "indicateur nom",
    ],
    date: ["date", "date de mesure", "date de la mesure", "mesure le", "mesure du"],
    value: ["valeur", "valeur mesuree", "mesure"],
    source: ["source", "source de la mesure"],
    comment: ["commentaire", "commentaires", "note"],
  },
  optional: ["source", "comment"],
  expected:
    "Colonnes attendues sur la première ligne : lauréat (son identifiant), indicateur (son numéro ou son nom), " +
    "date, valeur ; source et commentaire sont facultatives.",
};

/** "Numéro  d'EJ" → "numero d ej"; "Montant (€)" → "montant". */
export function normalizedHeader(value: CellValue): string {
  return String(value ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

/** Where each column sits in the header row; an optional column left out has none. */
export type ColumnPositions<Key extends string = string> = Record<Key, number | undefined>;

/** Where each expected column sits in the header row; refuses a missing or repeated one. */
export function columnPositions<Key extends string>(
  header: readonly CellValue[],
  spec: ColumnSpec<Key>,
): ColumnPositions<Key> {
  const keys = Object.keys(spec.aliases) as Key[];
  const found: Partial<Record<Key, number>> = {};
  header.forEach((cell, index) => {
    const name = normalizedHeader(cell);
    const key = keys.find((candidate) => spec.aliases[candidate].includes(name));
    if (!key) return;
    if (found[key] !== undefined) {
      throw new ImportFileError(`La colonne « ${spec.labels[key]} » apparaît deux fois. ${spec.expected}`);
    }
    found[key] = index;
  });
  const missing = keys.filter((key) => found[key] === undefined && !spec.optional.includes(key));
  if (missing.length > 0) {
    const names = missing.map((key) => `« ${spec.labels[key]} »`).join(", ");
    throw new ImportFileError(
      `${missing.length > 1 ? "Colonnes manquantes" : "Colonne manquante"} : ${names}. ${spec.expected}`,
    );
  }
  return Object.fromEntries(keys.map((key) => [key, found[key]])) as ColumnPositions<Key>;
}
