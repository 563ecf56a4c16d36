import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "./database.js";
import { LedgerRefusal, lockedAllocations, money, type LedgerActor } from "./ledger-core.js";
import { allocations, payments, tranches } from "./schema/index.js";

export interface PaymentRecord {
  laureateId: number;
  amountCents: number;
  paidOn: string;
  reference?: string | null;
  trancheId?: number | null;
  source?: "saisie" | "import";
}

/** A payment the ledger refused, and which one of those it was given. */
export class PaymentRefusal extends LedgerRefusal {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = "PaymentRefusal";
  }
}

/**
 * The first payment, in the given order, that its allocation no longer covers
 * once the earlier ones are paid; null when all are covered.
 */
function firstUncovered(
  records: readonly PaymentRecord[],
  locked: Awaited<ReturnType<typeof lockedAllocations>>,
): PaymentRefusal | null {
  const remaining = new Map(locked.map((row) => [row.laureateId, row.amountCents - row.paidCents]));
  for (const [index, record] of records.entries()) {
    const left = remaining.get(record.laureateId);
    if (left === undefined)
      return new PaymentRefusal("Ce lauréat n'a pas d'allocation : attribuez d'abord un montant.", index);
    if (record.amountCents > left)
      return new PaymentRefusal(
        `Ce versement dépasserait le montant alloué : il reste ${money(left)} à payer.`,
        index,
      );
    remaining.set(record.laureateId, left - record.amountCents);
  }
  return null;
}

/**
 * Records payments, all or none, in three statements whatever their number:
 * the allocations are locked and checked, each paid amount raised once, the
 * payments inserted together. 50 concurrent payments against a 1 000 €
 * allocation pay exactly 1 000 €, on PostgreSQL as on PGlite. A refusal,
 * thrown before any write, names the first payment not covered.
 */
export async function recordPayments(
  db: Executor,
  actor: LedgerActor,
  records: readonly PaymentRecord[],
): Promise<number[]> {
  const invalid = records.findIndex(
    (record) => !Number.isSafeInteger(record.amountCents) || record.amountCents <= 0,
  );
  if (invalid >= 0) {
    throw new PaymentRefusal(
      "Le montant d'un versement doit être un nombre entier de centimes, positif.",
      invalid,
    );
  }
  if (records.length === 0) return [];
  const paidByLaureate = new Map<number, number>();
  for (const record of records) {
    paidByLaureate.set(record.laureateId, (paidByLaureate.get(record.laureateId) ?? 0) + record.amountCents);
  }
  const refusal = firstUncovered(records, await lockedAllocations(db, [...paidByLaureate.keys()]));
  if (refusal) throw refusal;
  const added = sql.join(
    [...paidByLaureate].map(([id, cents]) => sql`(${id}::integer, ${cents}::bigint)`),
    sql`, `,
  );
  await db
    .update(allocations)
    .set({ paidCents: sql`${allocations.paidCents} + added.cents`, updatedAt: sql`now()` })
    .from(sql`(values ${added}) as added (laureate_id, cents)`)
    .where(sql`${allocations.laureateId} = added.laureate_id`);
  const created = await db
    .insert(payments)
    .values(
      records.map((record) => ({
        laureateId: record.laureateId,
        trancheId: record.trancheId ?? null,
        amountCents: record.amountCents,
        paidOn: record.paidOn,
        reference: record.reference ?? null,
        source: record.source ?? "saisie",
        actorUserId: actor.userId,
        isDemo: actor.isDemo ?? false,
      })),
    )
    .returning({ id: payments.id });
  return created.map((row) => row.id);
}

/** Records one payment: `recordPayments` for a single one. */
export async function recordPayment(
  db: Executor,
  actor: LedgerActor,
  payment: PaymentRecord,
): Promise<number> {
  const [id] = await recordPayments(db, actor, [payment]);
  if (id === undefined) throw new Error("Le versement n'a pas été enregistré.");
  return id;
}

/**
 * Cancels a payment by a reversal entry; the payment itself is never changed.
 * A tranche it paid goes back to "demande de paiement", to be paid again.
 */
export async function reversePayment(
  db: Executor,
  actor: LedgerActor,
  reversal: { paymentId: number; reason: string; reversedOn: string },
): Promise<{ reversalId: number; laureateId: number; amountCents: number }> {
  const [original] = await db
    .select()
    .from(payments)
    .where(eq(payments.id, reversal.paymentId))
    .for("update");
  if (!original) throw new LedgerRefusal("Ce versement n'existe pas.");
  if (original.reversesPaymentId !== null)
    throw new LedgerRefusal("Une contre-passation ne se contre-passe pas.");
  const [already] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(eq(payments.reversesPaymentId, original.id));
  if (already) throw new LedgerRefusal("Ce versement a déjà été contre-passé.");
  // The money is due again: the tranche it paid reopens, back to its payment request.
  if (original.trancheId !== null) {
    await db
      .update(tranches)
      .set({ status: "demande_paiement", paidOn: null, paidBy: null, version: sql`${tranches.version} + 1` })
      .where(and(eq(tranches.id, original.trancheId), eq(tranches.status, "paye")));
  }
  await db
    .update(allocations)
    .set({ paidCents: sql`${allocations.paidCents} - ${original.amountCents}`, updatedAt: sql`now()` })
    .where(eq(allocations.laureateId, original.laureateId));
  const [created] = await db
    .insert(payments)
    .values({
      laureateId: original.laureateId,
      trancheId: original.trancheId,
      amountCents: -original.amountCents,
      paidOn: reversal.reversedOn,
      reference: original.reference,
      reversesPaymentId: original.id,
      reason: reversal.reason,
      actorUserId: actor.userId,
      isDemo: actor.isDemo ?? false,
    })
    .returning({ id: payments.id });
  if (!created) throw new Error("La contre-passation n'a pas été enregistrée.");
  return { reversalId: created.id, laureateId: original.laureateId, amountCents: original.amountCents };
}
