import {
  formatCount,
  type AnyImportReport,
  type ImportCounts,
  type ImportFormat,
  type ImportMode,
  type ImportOutcome,
  type ImportReportOf,
} from "@defis/domain";

/** Beyond this, only the first non-importable rows are detailed: the answer stays small for 100 000 lines. */
export const DETAIL_LIMIT = 500;

type ReportBase = { mode: ImportMode; format: ImportFormat; sha256: string };

/**
 * Keeps the totals and a bounded sample of the rows while the file streams
 * by, whatever the file imports: `countToImport` adds what a row to import
 * brings to the totals beyond the counts every import keeps.
 */
export class ReportBuilder<Row extends { outcome: ImportOutcome }, Totals extends ImportCounts> {
  private readonly firstRows: Row[] = [];
  private readonly firstProblems: Row[] = [];
  private readonly firstErrors: Row[] = [];

  constructor(
    readonly totals: Totals,
    private readonly countToImport: (totals: Totals, row: Row) => void = () => undefined,
  ) {}

  add(row: Row): void {
    this.totals.lines += 1;
    if (row.outcome === "à importer") {
      this.totals.toImport += 1;
      this.countToImport(this.totals, row);
    } else if (row.outcome === "doublon") {
      this.totals.duplicates += 1;
    } else {
      this.totals.errors += 1;
      if (this.firstErrors.length < DETAIL_LIMIT) this.firstErrors.push(row);
    }
    if (this.firstRows.length < DETAIL_LIMIT) this.firstRows.push(row);
    if (row.outcome !== "à importer" && this.firstProblems.length < DETAIL_LIMIT)
      this.firstProblems.push(row);
  }

  /** Every row for a small file; the first non-importable ones for a large file. */
  simulation<Applied>(base: ReportBase): ImportReportOf<Row, Totals, Applied> {
    const whole = this.totals.lines <= DETAIL_LIMIT;
    const problems = this.totals.duplicates + this.totals.errors;
    return {
      ...base,
      totals: { ...this.totals },
      detail: whole ? "toutes" : "non importables",
      notice: whole
        ? null
        : `Le fichier compte ${formatCount(this.totals.lines)} lignes : seules ` +
          (problems > DETAIL_LIMIT
            ? `les ${formatCount(DETAIL_LIMIT)} premières des ${formatCount(problems)} lignes non importables sont détaillées`
            : "les lignes non importables sont détaillées") +
          " ; les totaux portent sur tout le fichier.",
      rows: whole ? [...this.firstRows] : [...this.firstProblems],
      applied: null,
    };
  }

  /** A refused application: its errors (the first DETAIL_LIMIT). */
  refusal<Applied>(base: ReportBase): ImportReportOf<Row, Totals, Applied> {
    return {
      ...base,
      totals: { ...this.totals },
      detail: "erreurs",
      notice:
        this.totals.errors > DETAIL_LIMIT
          ? `Seules les ${formatCount(DETAIL_LIMIT)} premières des ${formatCount(this.totals.errors)} erreurs sont détaillées.`
          : null,
      rows: [...this.firstErrors],
      applied: null,
    };
  }
}

/** Nothing was written: the file has errors; the report lists them. */
export class ImportRefused extends Error {
  constructor(
    readonly report: AnyImportReport,
    /** "Aucun versement n'a été importé". */
    nothingWritten: string,
  ) {
    const errors = report.totals.errors;
    super(
      `${nothingWritten} : ${errors} ${errors > 1 ? "lignes sont" : "ligne est"} en erreur. ` +
        "Corrigez le fichier puis recommencez.",
    );
    this.name = "ImportRefused";
  }
}
