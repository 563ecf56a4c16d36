import type { CellValue } from "./import-cells.js";

/** The four columns an extract must have; any other column is ignored (Chorus exports many). */
export type ColumnKey = "ejNumber" | "date" | "amount" | "reference";

const COLUMN_LABELS: Record<ColumnKey, string> = {
  ejNumber: "numéro EJ",
  date: "date",
  amount: "montant",
  reference: "référence",
};

/** Accepted header names, once normalised (lower case, no accent, no punctuation). */
const ALIASES: Record<ColumnKey, readonly string[]> = {
  ejNumber: ["numero ej", "ej", "n ej", "no ej", "num ej", "numero d ej", "numero engagement juridique"],
  date: ["date", "date de paiement", "date paiement", "date du paiement", "date de versement"],
  amount: ["montant", "montant eur", "montant euros", "montant paye", "montant verse"],
  reference: ["reference", "ref", "reference du paiement", "reference paiement", "reference de paiement"],
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

export const EXPECTED_COLUMNS =
  "Colonnes attendues sur la première ligne : numéro EJ (ou EJ), date, montant, référence.";

export type ColumnPositions = Record<ColumnKey, number>;

/** Where each expected column sits in the header row; refuses a missing or repeated one. */
export function columnPositions(header: readonly CellValue[]): ColumnPositions {
  const found: Partial<ColumnPositions> = {};
  header.forEach((cell, index) => {
    const name = normalizedHeader(cell);
    const key = (Object.keys(ALIASES) as ColumnKey[]).find((candidate) => ALIASES[candidate].includes(name));
    if (!key) return;
    if (found[key] !== undefined) {
      throw new ImportFileError(
        `La colonne « ${COLUMN_LABELS[key]} » apparaît deux fois. ${EXPECTED_COLUMNS}`,
      );
    }
    found[key] = index;
  });
  const missing = (Object.keys(ALIASES) as ColumnKey[]).filter((key) => found[key] === undefined);
  if (missing.length > 0) {
    const names = missing.map((key) => `« ${COLUMN_LABELS[key]} »`).join(", ");
    throw new ImportFileError(
      `${missing.length > 1 ? "Colonnes manquantes" : "Colonne manquante"} : ${names}. ${EXPECTED_COLUMNS}`,
    );
  }
  return found as ColumnPositions;
}
