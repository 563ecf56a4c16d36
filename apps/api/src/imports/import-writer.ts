import type { Executor } from "@defis/db";
import { PaymentRefusal, recordPayments, schema } from "@defis/db";
import { and, inArray, sql } from "drizzle-orm";
import type { Actor } from "../audit/record-audit.js";
import type { ReportBuilder } from "./import-report.js";
import { PAYABLE_TRANCHE_STATUSES, type EvaluatedRow, type PaymentToWrite } from "./payment-evaluator.js";

const { tranches } = schema;

/**
 * Records the payments through the ledger and pays their tranches, in a few
 * statements whatever their number. A refusal names the payment it is about.
 */
async function writePayments(db: Executor, actor: Actor, batch: PaymentToWrite[]): Promise<void> {
  await recordPayments(
    db,
    { userId: actor.userId },
    batch.map((payment) => ({ ...payment, source: "import" as const })),
  );
  const paying = batch.flatMap((payment, index) =>
    payment.trancheId === null ? [] : [{ index, trancheId: payment.trancheId, paidOn: payment.paidOn }],
  );
  if (paying.length === 0) return;
  const paidOn = sql.join(
    paying.map(({ trancheId, paidOn }) => sql`(${trancheId}::integer, ${paidOn}::date)`),
    sql`, `,
  );
  const paid = await db
    .update(tranches)
    .set({
      status: "paye",
      paidOn: sql`paid.paid_on`,
      paidBy: actor.userId,
      version: sql`${tranches.version} + 1`,
    })
    .from(sql`(values ${paidOn}) as paid (tranche_id, paid_on)`)
    .where(
      and(sql`${tranches.id} = paid.tranche_id`, inArray(tranches.status, [...PAYABLE_TRANCHE_STATUSES])),
    )
    .returning({ id: tranches.id });
  const paidIds = new Set(paid.map((row) => row.id));
  const moved = paying.find(({ trancheId }) => !paidIds.has(trancheId));
  if (moved) {
    throw new PaymentRefusal("La tranche a changé entre-temps : vérifiez à nouveau le fichier.", moved.index);
  }
}

/**
 * Writes the rows to import of an extract, a batch at a time, and reports
 * every row of the batch once it is written, a row the ledger refused as an
 * error. Once a row is in error the import will be rolled back: the rows are
 * then only reported.
 */
export class ImportWriter {
  readonly applied = { payments: 0, amountCents: 0, tranchesPaid: 0 };
  readonly paidLaureateIds = new Set<number>();

  constructor(
    private readonly db: Executor,
    private readonly actor: Actor,
    private readonly report: ReportBuilder,
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
    }
    return null;
  }
}
