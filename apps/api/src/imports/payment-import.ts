import { PaymentRefusal, type Database } from "@defis/db";
import type { ImportReport, ImportRowReport, ImportTotals } from "@defis/domain";
import { sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { PAYMENT_COLUMNS } from "./import-columns.js";
import { parsedBatches } from "./import-parsing.js";
import { ImportRefused, ReportBuilder } from "./import-report.js";
import { ImportOutdated, sha256Of, UNFOLLOWED, type ImportFile, type ImportSteps } from "./import-run.js";
import { writeImportedPayments } from "./import-writer.js";
import { readLaureateLedgers } from "./import-ledgers.js";
import { PaymentEvaluator, type PaymentToWrite } from "./payment-evaluator.js";

/** Nothing was written, as the application of a refused file says. */
const NOTHING_WRITTEN = "Aucun versement n'a été importé";

/** Between the check of the rows and their writing, the ledger of a laureate of the file changed. */
function ledgerOutdated(detail: string | null = null): ImportOutdated {
  return new ImportOutdated(
    `${NOTHING_WRITTEN} : le grand livre d'un lauréat du fichier a changé pendant la ` +
      "vérification des lignes (versement, contre-passation, tranche ou allocation)" +
      (detail ? ` ; ${detail}` : "") +
      ". Relancez l'import : le fichier sera vérifié à nouveau.",
  );
}

/**
 * Every row of the file decided, a batch at a time, with plain reads outside
 * any transaction: the database is never held while 100 000 rows are read.
 * The same code serves the dry run and the application, so both agree.
 */
async function evaluateFile(db: Database, file: ImportFile, today: string, steps: ImportSteps<ImportReport>) {
  const evaluator = new PaymentEvaluator(db, today);
  const report = new ReportBuilder<ImportRowReport, ImportTotals>(
    {
      lines: 0,
      toImport: 0,
      duplicates: 0,
      errors: 0,
      toImportCents: 0,
      tranchesToPay: 0,
      outsideSchedule: 0,
    },
    (totals, row) => {
      totals.toImportCents += row.amountCents ?? 0;
      if (row.tranche) totals.tranchesToPay += 1;
      else totals.outsideSchedule += 1;
    },
  );
  const writes: { line: number; payment: PaymentToWrite }[] = [];
  for await (const batch of parsedBatches(file, PAYMENT_COLUMNS)) {
    for (const row of await evaluator.evaluate(batch)) {
      report.add(row.report);
      if (row.write) writes.push({ line: row.report.line, payment: row.write });
    }
    await steps.afterBatch(report.totals);
  }
  return { evaluator, report, writes };
}

/**
 * What importing the file would do, row by row, without writing anything.
 * Only totals and a bounded sample of rows are kept.
 */
export async function simulatePaymentImport(
  db: Database,
  file: ImportFile,
  today: string,
  steps: ImportSteps<ImportReport> = UNFOLLOWED,
): Promise<ImportReport> {
  const { report } = await evaluateFile(db, file, today, steps);
  return report.simulation({ mode: "simulation", format: file.format, sha256: sha256Of(file.bytes) });
}

/** Only one import writes at a time: two uploads of the same file cannot both pay it. */
const IMPORT_LOCK = "defis:import.paiements";

/**
 * Imports the file all or nothing. The rows are first decided outside any
 * transaction; one row in error and nothing is written (ImportRefused).
 * Then one short transaction, under an advisory lock: the allocations of
 * every laureate of the file are locked in laureate order, then their open
 * tranches (the ledger's lock order), their ledger compared with what the
 * rows were decided on (ImportOutdated if it moved), and every payment
 * written through the ledger in a few set-based statements: it pays its
 * tranche (the open tranche of its amount, else the earliest open one) or,
 * when no tranche is open, is recorded outside the schedule with the reason.
 * Duplicates are skipped, and one audit event names the file by its SHA-256.
 * The same file imported again finds only duplicates and writes no payment.
 */
export async function applyPaymentImport(
  db: Database,
  actor: Actor,
  file: ImportFile,
  today: string,
  steps: ImportSteps<ImportReport> = UNFOLLOWED,
): Promise<ImportReport> {
  const base = { mode: "application" as const, format: file.format, sha256: sha256Of(file.bytes) };
  const { evaluator, report, writes } = await evaluateFile(db, file, today, steps);
  if (report.totals.errors > 0) {
    const refusal: ImportReport = report.refusal(base);
    throw new ImportRefused(refusal, NOTHING_WRITTEN);
  }
  const decidedOn = evaluator.fingerprints();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${IMPORT_LOCK}))`);
    const now = await readLaureateLedgers(tx, [...decidedOn.keys()], true);
    if ([...decidedOn].some(([ejNumber, read]) => (now.get(ejNumber)?.fingerprint ?? null) !== read))
      throw ledgerOutdated();
    const applied = await writeImportedPayments(
      tx,
      actor,
      writes.map((row) => row.payment),
      today,
    ).catch((error: unknown) => {
      const row = error instanceof PaymentRefusal ? writes[error.index] : undefined;
      throw row && error instanceof Error ? ledgerOutdated(`ligne ${row.line} : ${error.message}`) : error;
    });
    await recordAudit(tx, actor, {
      action: "import.paiements",
      entityId: base.sha256,
      alsoConcerns: [...new Set(writes.map((row) => row.payment.laureateId))],
      after: {
        format: file.format,
        sha256: base.sha256,
        lignes: report.totals.lines,
        versementsImportes: applied.payments,
        montantCentimes: applied.amountCents,
        tranchesPayees: applied.tranchesPaid,
        horsEcheancier: applied.outsideSchedule,
        doublonsIgnores: report.totals.duplicates,
      },
    });
    const done = { ...report.simulation(base), applied };
    await steps.beforeCommit?.(tx, done);
    return done;
  });
}
