import { formatCount, type ImportReport, type ImportRowReport, type ImportTotals } from "@defis/domain";

/** Beyond this, only the first non-importable rows are detailed: the answer stays small for 100 000 lines. */
export const DETAIL_LIMIT = 500;

/** Keeps the totals and a bounded sample of the rows while the file streams by. */
export class ReportBuilder {
  readonly totals: ImportTotals = {
    lines: 0,
    toImport: 0,
    duplicates: 0,
    errors: 0,
    toImportCents: 0,
    tranchesToPay: 0,
    outsideSchedule: 0,
  };
  private readonly firstRows: ImportRowReport[] = [];
  private readonly firstProblems: ImportRowReport[] = [];
  private readonly firstErrors: ImportRowReport[] = [];

  add(row: ImportRowReport): void {
    this.totals.lines += 1;
    if (row.outcome === "à importer") {
      this.totals.toImport += 1;
      this.totals.toImportCents += row.amountCents ?? 0;
      if (row.tranche) this.totals.tranchesToPay += 1;
      else this.totals.outsideSchedule += 1;
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
  simulation(base: Pick<ImportReport, "mode" | "format" | "sha256">): ImportReport {
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
  refusal(base: Pick<ImportReport, "mode" | "format" | "sha256">): ImportReport {
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
