import type { Executor } from "@defis/db";
import { PaymentRefusal, payTranches, recordPaymentsOutsideSchedule } from "@defis/db";
import type { Actor } from "../audit/record-audit.js";
import type { ReportBuilder } from "./import-report.js";
import type { EvaluatedRow, PaymentToWrite } from "./payment-evaluator.js";

/**
 * Records the batch through the ledger's doors, in a few statements whatever
 * its size: the rows that pay a tranche by the import's path (`payTranches`,
 * which dates the service fait and payment request the tranche lacked), the
 * others outside the schedule with their reason. A refusal names the row, by
 * its index in the batch.
 */
async function writePayments(
  db: Executor,
  actor: Actor,
  batch: PaymentToWrite[],
  today: string,
): Promise<void> {
  const ledgerActor = { userId: actor.userId };
  const indexed = batch.map((payment, index) => ({ payment, index }));
  const paying = indexed.filter(({ payment }) => payment.trancheId !== null);
  const outside = indexed.filter(({ payment }) => payment.trancheId === null);
  const inBatch = async (rows: typeof indexed, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      if (error instanceof PaymentRefusal && rows[error.index])
        throw new PaymentRefusal(error.message, rows[error.index]?.index ?? error.index);
      throw error;
    }
  };
  await inBatch(paying, () =>
    payTranches(
      db,
      ledgerActor,
      paying.map(({ payment }) => ({
        trancheId: payment.trancheId ?? 0,
        path: "constater_par_import" as const,
        amountCents: payment.amountCents,
        paidOn: payment.paidOn,
        reference: payment.reference,
        observedOn: today,
      })),
      "import",
    ),
  );
  await inBatch(outside, () =>
    recordPaymentsOutsideSchedule(
      db,
      ledgerActor,
      outside.map(({ payment }) => ({ ...payment, reason: payment.reason ?? "" })),
      "import",
    ),
  );
}

/**
 * Writes the rows to import of an extract, a batch at a time, and reports
 * every row of the batch once it is written, a row the ledger refused as an
 * error. Once a row is in error the import will be rolled back: the rows are
 * then only reported.
 */
export class ImportWriter {
  readonly applied = { payments: 0, amountCents: 0, tranchesPaid: 0, outsideSchedule: 0 };
  readonly paidLaureateIds = new Set<number>();

  constructor(
    private readonly db: Executor,
    private readonly actor: Actor,
    private readonly report: ReportBuilder,
    private readonly today: string,
  ) {}

  async write(rows: EvaluatedRow[]): Promise<void> {
    const clean = this.report.totals.errors === 0 && rows.every((row) => row.report.outcome !== "erreur");
    const toWrite = clean ? rows.flatMap((row) => (row.write ? [{ row, write: row.write }] : [])) : [];
    const refused = await this.record(toWrite);
    for (const row of rows) {
      this.report.add(
        row === refused?.row
          ? { ...row.report, outcome: "erreur", message: refused.message, tranche: null }
          : row.report,
      );
    }
  }

  /** Records the batch, or says which of its rows the ledger refused. */
  private async record(
    toWrite: { row: EvaluatedRow; write: PaymentToWrite }[],
  ): Promise<{ row: EvaluatedRow; message: string } | null> {
    try {
      await writePayments(
        this.db,
        this.actor,
        toWrite.map(({ write }) => write),
        this.today,
      );
    } catch (error) {
      if (!(error instanceof PaymentRefusal)) throw error;
      const refused = toWrite[error.index];
      if (!refused) throw error;
      return { row: refused.row, message: error.message };
    }
    for (const { write } of toWrite) {
      this.applied.payments += 1;
      this.applied.amountCents += write.amountCents;
      this.paidLaureateIds.add(write.laureateId);
      if (write.trancheId !== null) this.applied.tranchesPaid += 1;
      else this.applied.outsideSchedule += 1;
    }
    return null;
  }
}
