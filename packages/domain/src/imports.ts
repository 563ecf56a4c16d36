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

/** What every import counts, whatever it imports. */
export interface ImportCounts {
  lines: number;
  toImport: number;
  duplicates: number;
  errors: number;
}

export interface ImportTotals extends ImportCounts {
  toImportCents: number;
  /** Rows to import that settle a tranche. */
  tranchesToPay: number;
  /** Rows to import that no open tranche awaits: recorded outside the schedule, with the reason. */
  outsideSchedule: number;
}

/** The report of an import, whatever its rows: they are told apart by `Row`, `Totals` and `Applied`. */
export interface ImportReportOf<Row, Totals extends ImportCounts, Applied> {
  mode: ImportMode;
  format: ImportFormat;
  /** SHA-256 of the file, hexadecimal: the journal names the file by it. */
  sha256: string;
  totals: Totals;
  /**
   * "toutes": every row of the file is in `rows`. "non importables": the file has more than
   * DETAIL_LIMIT rows, and `rows` holds only its first DETAIL_LIMIT duplicates and errors.
   * "erreurs": a refused application lists its first DETAIL_LIMIT errors.
   */
  detail: "toutes" | "non importables" | "erreurs";
  /** Says in French what `rows` holds when it is not the whole file; null otherwise. */
  notice: string | null;
  rows: Row[];
  /** After an application: what was written. */
  applied: Applied | null;
}

/** The report of an import of payments. */
export type ImportReport = ImportReportOf<
  ImportRowReport,
  ImportTotals,
  { payments: number; amountCents: number; tranchesPaid: number; outsideSchedule: number }
>;

/** One row of a file of measures, as read and as it would be (or was) imported. */
export interface MeasureImportRow {
  /** Line in the file; the header is line 1. */
  line: number;
  /** The laureate's identifier as read, and its title once found. */
  laureateSlug: string | null;
  laureateTitle: string | null;
  /** The indicator as read (its number or its name), and its number and name once found. */
  indicatorRead: string | null;
  indicator: { id: number; name: string } | null;
  /** AAAA-MM-JJ. */
  date: string | null;
  value: number | null;
  source: string | null;
  comment: string | null;
  /** "doublon": the measure is already recorded (« déjà enregistrée »). */
  outcome: ImportOutcome;
  /** In French: why a row is refused or already recorded; what it writes otherwise. */
  message: string | null;
}

/** The report of an import of measures. */
export type MeasureImportReport = ImportReportOf<MeasureImportRow, ImportCounts, { measures: number }>;

/** The report of an import, whatever it imports. */
export type AnyImportReport = ImportReport | MeasureImportReport;

/** What a file imports: a statement of payments (Finances), or measures of impact indicators. */
export const IMPORT_KINDS = {
  paiements: "Relevé de paiements",
  mesures: "Mesures d'indicateurs",
} as const;
export type ImportKind = keyof typeof IMPORT_KINDS;

/**
 * Where an import job stands. An import runs as a job recorded in the
 * database: the page follows it by its id, and it survives the browser
 * leaving.
 */
export const IMPORT_JOB_STATUSES = {
  en_attente: "En attente",
  en_cours: "En cours",
  termine: "Terminé",
  refuse: "Refusé",
  annule: "Annulé",
  echoue: "Échoué",
} as const;
export type ImportJobStatus = keyof typeof IMPORT_JOB_STATUSES;

/** The statuses of a job still running: only one at a time. */
export const ACTIVE_IMPORT_JOB_STATUSES = ["en_attente", "en_cours"] as const satisfies ImportJobStatus[];

export function isActiveImportJob(status: ImportJobStatus): boolean {
  return (ACTIVE_IMPORT_JOB_STATUSES as readonly ImportJobStatus[]).includes(status);
}

/** An import job as the page follows it (GET /api/imports/paiements/travaux/:id, …/mesures/…). */
export interface ImportJob<Report = ImportReport> {
  id: number;
  kind: ImportKind;
  mode: ImportMode;
  status: ImportJobStatus;
  format: ImportFormat;
  sha256: string;
  /** Who started it; null if the account was deleted since. */
  requestedBy: string | null;
  /** ISO instants. */
  createdAt: string;
  finishedAt: string | null;
  /** Rows read so far, rows to import, rows in error, duplicates. */
  progress: { rowsRead: number; matched: number; refused: number; duplicates: number };
  /** In French: why it was refused, cancelled or failed; null otherwise. */
  message: string | null;
  /** Once finished (or refused with its errors): the report; null while it runs. */
  report: Report | null;
}
