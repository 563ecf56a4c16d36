import type { Database } from "@defis/db";
import { sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import type { ImportFormat, ImportReport } from "@defis/domain";
import { rowBatchesOf } from "./import-readers.js";
import { ReportBuilder } from "./import-report.js";
import { ImportWriter } from "./import-writer.js";
import { PaymentEvaluator } from "./payment-evaluator.js";

/** An uploaded extract: its bytes and how to read them. */
export interface ImportFile {
  bytes: Buffer;
  format: ImportFormat;
}

function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * What importing the file would do, row by row, without writing anything.
 * The rows stream through the evaluator; only totals and a bounded sample of
 * rows are kept.
 */
export async function simulatePaymentImport(
  db: Database,
  file: ImportFile,
  today: string,
): Promise<ImportReport> {
  const evaluator = new PaymentEvaluator(db, today, false);
  const report = new ReportBuilder();
  for await (const batch of rowBatchesOf(file.bytes, file.format)) {
    for (const row of await evaluator.evaluate(batch)) report.add(row.report);
  }
  return report.simulation({ mode: "simulation", format: file.format, sha256: sha256Of(file.bytes) });
}

/** The application found errors: nothing was written; the report lists them. */
export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    const errors = report.totals.errors;
    super(
      `Aucun versement n'a été importé : ${errors} ${errors > 1 ? "lignes sont" : "ligne est"} en erreur. ` +
        "Corrigez le fichier puis recommencez.",
    );
    this.name = "ImportRefused";
  }
}

/** Only one import writes at a time: two uploads of the same file cannot both pay it. */
const IMPORT_LOCK = "defis:import.paiements";

/**
 * Imports the file all or nothing, in one transaction under an advisory lock:
 * every row to import is recorded through the ledger: it pays its tranche
 * (the open tranche of its amount, else the earliest open one) or, when no
 * tranche is open, is recorded outside the schedule with the reason,
 * a thousand rows at a time (`ImportWriter`), duplicates are skipped, and one
 * audit event names the file by its SHA-256.
 * One row in error and nothing is written: ImportRefused carries the errors.
 * The same file imported again finds only duplicates and writes no payment.
 */
export async function applyPaymentImport(
  db: Database,
  actor: Actor,
  file: ImportFile,
  today: string,
): Promise<ImportReport> {
  const base = { mode: "application" as const, format: file.format, sha256: sha256Of(file.bytes) };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${IMPORT_LOCK}))`);
    const evaluator = new PaymentEvaluator(tx, today, true);
    const report = new ReportBuilder();
    const writer = new ImportWriter(tx, actor, report, today);
    for await (const batch of rowBatchesOf(file.bytes, file.format)) {
      await writer.write(await evaluator.evaluate(batch));
    }
    if (report.totals.errors > 0) throw new ImportRefused(report.refusal(base));
    await recordAudit(tx, actor, {
      action: "import.paiements",
      entityId: base.sha256,
      alsoConcerns: [...writer.paidLaureateIds],
      after: {
        format: file.format,
        sha256: base.sha256,
        lignes: report.totals.lines,
        versementsImportes: writer.applied.payments,
        montantCentimes: writer.applied.amountCents,
        tranchesPayees: writer.applied.tranchesPaid,
        horsEcheancier: writer.applied.outsideSchedule,
        doublonsIgnores: report.totals.duplicates,
      },
    });
    return { ...report.simulation(base), applied: { ...writer.applied } };
  });
}
