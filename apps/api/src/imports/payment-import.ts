import type { Database, Executor } from "@defis/db";
import { LedgerRefusal, recordPayment, schema } from "@defis/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import type { ImportFormat, ImportReport } from "@defis/domain";
import { rowsOf } from "./import-readers.js";
import { ReportBuilder } from "./import-report.js";
import { PAYABLE_TRANCHE_STATUSES, PaymentEvaluator, type PaymentToWrite } from "./payment-evaluator.js";

const { tranches } = schema;

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
  for await (const source of rowsOf(file.bytes, file.format)) {
    report.add((await evaluator.evaluate(source)).report);
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

async function writePayment(db: Executor, actor: Actor, payment: PaymentToWrite): Promise<void> {
  await recordPayment(db, { userId: actor.userId }, { ...payment, source: "import" });
  if (payment.trancheId === null) return;
  const [paid] = await db
    .update(tranches)
    .set({
      status: "paye",
      paidOn: payment.paidOn,
      paidBy: actor.userId,
      version: sql`${tranches.version} + 1`,
    })
    .where(and(eq(tranches.id, payment.trancheId), inArray(tranches.status, [...PAYABLE_TRANCHE_STATUSES])))
    .returning({ id: tranches.id });
  if (!paid) throw new LedgerRefusal("La tranche a changé entre-temps : vérifiez à nouveau le fichier.");
}

/**
 * Imports the file all or nothing, in one transaction under an advisory lock:
 * every row to import is recorded through the ledger (and pays its tranche),
 * duplicates are skipped, and one audit event names the file by its SHA-256.
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
    const applied = { payments: 0, amountCents: 0, tranchesPaid: 0 };
    const paidLaureateIds = new Set<number>();
    for await (const source of rowsOf(file.bytes, file.format)) {
      const row = await evaluator.evaluate(source);
      // After a first error the transaction will be rolled back: the rows are only checked.
      if (row.write && report.totals.errors === 0) {
        try {
          await writePayment(tx, actor, row.write);
          applied.payments += 1;
          paidLaureateIds.add(row.write.laureateId);
          applied.amountCents += row.write.amountCents;
          if (row.write.trancheId !== null) applied.tranchesPaid += 1;
        } catch (error) {
          if (!(error instanceof LedgerRefusal)) throw error;
          report.add({ ...row.report, outcome: "erreur", message: error.message, tranche: null });
          continue;
        }
      }
      report.add(row.report);
    }
    if (report.totals.errors > 0) throw new ImportRefused(report.refusal(base));
    await recordAudit(tx, actor, {
      action: "import.paiements",
      entity: "import",
      entityId: base.sha256,
      alsoConcerns: [...paidLaureateIds],
      after: {
        format: file.format,
        sha256: base.sha256,
        lignes: report.totals.lines,
        versementsImportes: applied.payments,
        montantCentimes: applied.amountCents,
        tranchesPayees: applied.tranchesPaid,
        doublonsIgnores: report.totals.duplicates,
      },
    });
    return { ...report.simulation(base), applied };
  });
}
