import type { TrancheKind } from "./finance/index.js";

/**
 * The answer of POST /api/imports/paiements, shared by the API that builds it
 * and the page that shows it.
 */
export type ImportFormat = "csv" | "xlsx";

export type ImportMode = "simulation" | "application";

export type ImportOutcome = "à importer" | "doublon" | "erreur";

/** One row of the extract, as read and as it would be (or was) imported. */
export interface ImportRowReport {
  /** Line in the file; the header is line 1. */
  line: number;
  /** As read when it is not a valid EJ number. */
  ejNumber: string | null;
  laureate: { slug: string; title: string } | null;
  /** AAAA-MM-JJ. */
  date: string | null;
  amountCents: number | null;
  reference: string | null;
  outcome: ImportOutcome;
  /** Why a row is an error or a duplicate, or which tranche it pays, in French. */
  message: string | null;
  /** The tranche the payment settles, when one waits for exactly this amount. */
  tranche: { id: number; kind: TrancheKind; position: number } | null;
}

export interface ImportTotals {
  lines: number;
  toImport: number;
  duplicates: number;
  errors: number;
  toImportCents: number;
  /** Rows to import that settle a tranche. */
  tranchesToPay: number;
}

export interface ImportReport {
  mode: ImportMode;
  format: ImportFormat;
  /** SHA-256 of the file, hexadecimal: the journal names the file by it. */
  sha256: string;
  totals: ImportTotals;
  /**
   * "toutes": every row of the file is in `rows`. "non importables": the file has more than
   * DETAIL_LIMIT rows, and `rows` holds only its first DETAIL_LIMIT duplicates and errors.
   * "erreurs": a refused application lists its first DETAIL_LIMIT errors.
   */
  detail: "toutes" | "non importables" | "erreurs";
  /** Says in French what `rows` holds when it is not the whole file; null otherwise. */
  notice: string | null;
  rows: ImportRowReport[];
  /** After an application: what was written. */
  applied: { payments: number; amountCents: number; tranchesPaid: number } | null;
}
