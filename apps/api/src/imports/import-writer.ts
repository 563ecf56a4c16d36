import type { Executor } from "@defis/db";
import { PaymentRefusal, payTranches, recordPaymentsOutsideSchedule } from "@defis/db";
import type { Actor } from "../audit/record-audit.js";
import type { PaymentToWrite } from "./payment-evaluator.js";

/** What an application wrote. */
export interface AppliedPayments {
  payments: number;
  amountCents: number;
  tranchesPaid: number;
  outsideSchedule: number;
}

/**
 * Records every payment of the file through the ledger's doors, in a few
 * statements whatever their number (the ledger writes them as arrays): the
 * rows that pay a tranche by the import's path (`payTranches`, which dates the
 * service fait and payment request the tranche lacked), the others outside
 * the schedule with their reason. A refusal names the payment, by its index
 * in `list`.
 */
export async function writeImportedPayments(
  db: Executor,
  actor: Actor,
  list: readonly PaymentToWrite[],
  today: string,
): Promise<AppliedPayments> {
  const ledgerActor = { userId: actor.userId };
  const indexed = list.map((payment, index) => ({ payment, index }));
  const paying = indexed.filter(({ payment }) => payment.trancheId !== null);
  const outside = indexed.filter(({ payment }) => payment.trancheId === null);
  const inList = async (rows: typeof indexed, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      const refused = error instanceof PaymentRefusal ? rows[error.index] : undefined;
      throw refused ? new PaymentRefusal(error instanceof Error ? error.message : "", refused.index) : error;
    }
  };
  await inList(paying, () =>
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
  await inList(outside, () =>
    recordPaymentsOutsideSchedule(
      db,
      ledgerActor,
      outside.map(({ payment }) => ({ ...payment, reason: payment.reason ?? "" })),
      "import",
    ),
  );
  return {
    payments: list.length,
    amountCents: list.reduce((total, payment) => total + payment.amountCents, 0),
    tranchesPaid: paying.length,
    outsideSchedule: outside.length,
  };
}
