import type { Executor } from "@defis/db";
import { reallocate, recordPaymentOutsideSchedule, reversePayment, setAllocation } from "@defis/db";
import type {
  ReallocateInput,
  RecordPaymentInput,
  ReversePaymentInput,
  SetAllocationInput,
} from "@defis/domain";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { refuseMoneyStep } from "./funding-guard.js";

/**
 * The officer's money operations. Each one runs in the caller's transaction
 * (see ../mutation.ts): idempotency claim, ledger change and audit event are
 * kept or lost together.
 */
function ledgerActor(actor: Actor) {
  return { userId: actor.userId };
}

export async function setAllocationCommand(db: Executor, actor: Actor, input: SetAllocationInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const change = await setAllocation(db, ledgerActor(actor), {
    laureateId,
    amountCents: input.amountCents,
    reason: input.reason,
  });
  await recordAudit(db, actor, {
    action: "allocation.modification",
    entityId: input.laureateSlug,
    laureateId,
    before: { montantCentimes: change.amountBeforeCents },
    after: { montantCentimes: change.amountAfterCents, motif: input.reason },
  });
  return { laureateSlug: input.laureateSlug, ...change };
}

export async function reallocateCommand(db: Executor, actor: Actor, input: ReallocateInput) {
  const fromLaureateId = await laureateIdOf(db, input.fromLaureateSlug);
  const toLaureateId = await laureateIdOf(db, input.toLaureateSlug);
  const moved = await reallocate(db, ledgerActor(actor), {
    fromLaureateId,
    toLaureateId,
    amountCents: input.amountCents,
    reason: input.reason,
  });
  await recordAudit(db, actor, {
    action: "allocation.reaffectation",
    entityId: `${input.fromLaureateSlug} → ${input.toLaureateSlug}`,
    laureateId: fromLaureateId,
    alsoConcerns: [toLaureateId],
    before: { origine: moved.from.amountBeforeCents, destination: moved.to.amountBeforeCents },
    after: {
      origine: moved.from.amountAfterCents,
      destination: moved.to.amountAfterCents,
      motif: input.reason,
    },
  });
  return moved;
}

/**
 * A payment outside the schedule ("hors échéancier"), with its reason, under
 * the same funding-mode rules as a tranche's payment. A tranche is paid by its
 * own step (`moveTranche`), never here.
 */
export async function recordPaymentCommand(db: Executor, actor: Actor, input: RecordPaymentInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  await refuseMoneyStep(db, laureateId, "paye", input.reference);
  const paymentId = await recordPaymentOutsideSchedule(db, ledgerActor(actor), {
    laureateId,
    amountCents: input.amountCents,
    paidOn: input.paidOn,
    reference: input.reference ?? null,
    reason: input.reason,
  });
  await recordAudit(db, actor, {
    action: "versement.enregistrement",
    entityId: paymentId,
    laureateId,
    after: {
      montantCentimes: input.amountCents,
      date: input.paidOn,
      reference: input.reference ?? null,
      horsEcheancier: true,
      motif: input.reason,
    },
  });
  return { paymentId };
}

export async function reversePaymentCommand(
  db: Executor,
  actor: Actor,
  input: ReversePaymentInput,
  today: string,
) {
  const reversal = await reversePayment(db, ledgerActor(actor), {
    paymentId: input.paymentId,
    reason: input.reason,
    reversedOn: today,
  });
  await recordAudit(db, actor, {
    action: "versement.contre-passation",
    entityId: input.paymentId,
    laureateId: reversal.laureateId,
    after: {
      contrePassation: reversal.reversalId,
      montantCentimes: -reversal.amountCents,
      motif: input.reason,
    },
  });
  return { reversalId: reversal.reversalId };
}
