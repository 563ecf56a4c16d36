import type { Executor } from "@defis/db";
import { reallocate, recordPayment, reversePayment, setAllocation } from "@defis/db";
import type {
  ReallocateInput,
  RecordPaymentInput,
  ReversePaymentInput,
  SetAllocationInput,
} from "@defis/domain";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { once } from "./idempotency.js";
import { laureateIdOf } from "./laureate-ids.js";

/**
 * The officer's money operations. Each one runs in the caller's transaction:
 * idempotency claim, ledger change and audit event are kept or lost together.
 */
function ledgerActor(actor: Actor) {
  return { userId: actor.userId };
}

function idempotent(actor: Actor, procedure: string, input: { idempotencyKey: string }) {
  const { idempotencyKey, ...payload } = input;
  return { key: idempotencyKey, procedure, userId: actor.userId ?? 0, payload };
}

export function setAllocationCommand(db: Executor, actor: Actor, input: SetAllocationInput) {
  return once(db, idempotent(actor, "allocations.set", input), async () => {
    const laureateId = await laureateIdOf(db, input.laureateSlug);
    const change = await setAllocation(db, ledgerActor(actor), {
      laureateId,
      amountCents: input.amountCents,
      reason: input.reason,
    });
    await recordAudit(db, actor, {
      action: "allocation.modification",
      entity: "allocation",
      entityId: input.laureateSlug,
      laureateId,
      before: { montantCentimes: change.amountBeforeCents },
      after: { montantCentimes: change.amountAfterCents, motif: input.reason },
    });
    return { laureateSlug: input.laureateSlug, ...change };
  });
}

export function reallocateCommand(db: Executor, actor: Actor, input: ReallocateInput) {
  return once(db, idempotent(actor, "allocations.reallocate", input), async () => {
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
      entity: "allocation",
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
  });
}

export function recordPaymentCommand(db: Executor, actor: Actor, input: RecordPaymentInput) {
  return once(db, idempotent(actor, "payments.record", input), async () => {
    const laureateId = await laureateIdOf(db, input.laureateSlug);
    const paymentId = await recordPayment(db, ledgerActor(actor), {
      laureateId,
      amountCents: input.amountCents,
      paidOn: input.paidOn,
      reference: input.reference ?? null,
    });
    await recordAudit(db, actor, {
      action: "versement.enregistrement",
      entity: "versement",
      entityId: paymentId,
      laureateId,
      after: { montantCentimes: input.amountCents, date: input.paidOn, reference: input.reference ?? null },
    });
    return { paymentId };
  });
}

export function reversePaymentCommand(db: Executor, actor: Actor, input: ReversePaymentInput, today: string) {
  return once(db, idempotent(actor, "payments.reverse", input), async () => {
    const reversal = await reversePayment(db, ledgerActor(actor), {
      paymentId: input.paymentId,
      reason: input.reason,
      reversedOn: today,
    });
    await recordAudit(db, actor, {
      action: "versement.contre-passation",
      entity: "versement",
      entityId: input.paymentId,
      laureateId: reversal.laureateId,
      after: {
        contrePassation: reversal.reversalId,
        montantCentimes: -reversal.amountCents,
        motif: input.reason,
      },
    });
    return { reversalId: reversal.reversalId };
  });
}
