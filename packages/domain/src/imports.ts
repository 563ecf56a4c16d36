import type { TrancheKind, TrancheStatus } from "./finance/index.js";

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
  /**
   * In French: why a row is an error or a duplicate; for a row to import, what
   * changes ("Solde prévu le 01/06/2024 → payé ; service fait et demande de
   * paiement constatés par l'import du 06/12/2026"), or why it is recorded
   * outside the schedule.
   */
  message: string | null;
  /**
   * The open tranche the payment settles: the one planned for exactly this
   * amount, else the earliest open one; null for a payment outside the schedule.
   */
  tranche: {
    id: number;
    kind: TrancheKind;
    position: number;
    plannedOn: string;
    plannedAmountCents: number;
    /** Its status before the import. */
    status: TrancheStatus;
  } | null;
}

export interface ImportTotals {
  lines: number;
  toImport: number;
  duplicates: number;
  errors: number;
  toImportCents: number;
  /** Rows to import that settle a tranche. */
  tranchesToPay: number;
  /** Rows to import that no open tranche awaits: recorded outside the schedule, with the reason. */
  outsideSchedule: number;
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
  applied: { payments: number; amountCents: number; tranchesPaid: number; outsideSchedule: number } | null;
}
