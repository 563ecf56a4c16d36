import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "./database.js";
import {
  allocationMovements,
  allocations,
  laureates,
  payments,
  programmes,
  tranches,
} from "./schema/index.js";

/**
 * The envelope's ledger: the only code that changes allocations and paid
 * amounts. Each function runs inside the caller's transaction and keeps the
 * invariants with conditional updates or checks made under a row lock, which
 * PostgreSQL serialises even when many requests race:
 *   reserve + Σ allocations = envelope   (programme.allocated_cents)
 *   0 ≤ Σ payments ≤ allocation          (allocation.paid_cents)
 * CHECK constraints back both: no code path can break them.
 */
export class LedgerRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerRefusal";
  }
}

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
/** For refusal messages only; the web app formats everything else in one place. */
function money(cents: number): string {
  return euros.format(cents / 100);
}

export interface LedgerActor {
  userId: number | null;
  isDemo?: boolean;
}

async function laureateOf(db: Executor, laureateId: number) {
  const [laureate] = await db
    .select({ id: laureates.id, programmeId: laureates.programmeId })
    .from(laureates)
    .where(eq(laureates.id, laureateId));
  if (!laureate) throw new LedgerRefusal("Ce lauréat n'existe pas.");
  return laureate;
}

/** The allocations of these laureates, locked in laureate order: two writers can never deadlock. */
function lockedAllocations(db: Executor, laureateIds: number[]) {
  return db
    .select({
      laureateId: allocations.laureateId,
      amountCents: allocations.amountCents,
      paidCents: allocations.paidCents,
    })
    .from(allocations)
    .where(inArray(allocations.laureateId, laureateIds))
    .orderBy(asc(allocations.laureateId))
    .for("update");
}

async function lockedAllocation(db: Executor, laureateId: number) {
  const [allocation] = await lockedAllocations(db, [laureateId]);
  return allocation ?? null;
}

/** Moves `deltaCents` between the reserve and the allocations, refusing to exceed the envelope. */
async function drawOnReserve(db: Executor, programmeId: number, deltaCents: number): Promise<void> {
  const [updated] = await db
    .update(programmes)
    .set({ allocatedCents: sql`${programmes.allocatedCents} + ${deltaCents}` })
    .where(
      and(
        eq(programmes.id, programmeId),
        sql`${programmes.allocatedCents} + ${deltaCents} <= ${programmes.envelopeCents}`,
        sql`${programmes.allocatedCents} + ${deltaCents} >= 0`,
      ),
    )
    .returning({ allocatedCents: programmes.allocatedCents });
  if (!updated) {
    const [programme] = await db
      .select({
        reserve: sql<number>`${programmes.envelopeCents} - ${programmes.allocatedCents}`.mapWith(Number),
      })
      .from(programmes)
      .where(eq(programmes.id, programmeId));
    throw new LedgerRefusal(
      `L'enveloppe ne suffit pas : la réserve non allouée est de ${money(programme?.reserve ?? 0)}.`,
    );
  }
}

export interface AllocationChange {
  amountBeforeCents: number | null;
  amountAfterCents: number;
}

/** Sets a laureate's allocation to `amountCents`; the original amount stays, the movement is recorded. */
export async function setAllocation(
  db: Executor,
  actor: LedgerActor,
  change: { laureateId: number; amountCents: number; reason: string },
): Promise<AllocationChange> {
  if (!Number.isSafeInteger(change.amountCents) || change.amountCents < 0) {
    throw new LedgerRefusal("Le montant alloué doit être un nombre entier de centimes, positif ou nul.");
  }
  const laureate = await laureateOf(db, change.laureateId);
  // The programme row is locked first, then the allocation: one order everywhere, no deadlock.
  const current = await lockedAllocationAfterReserve(
    db,
    laureate.programmeId,
    change.laureateId,
    async (before) => {
      const delta = change.amountCents - (before?.amountCents ?? 0);
      if (before && change.amountCents < before.paidCents) {
        throw new LedgerRefusal(
          `Le montant ne peut pas descendre sous ce qui a déjà été versé (${money(before.paidCents)}).`,
        );
      }
      await drawOnReserve(db, laureate.programmeId, delta);
      return delta;
    },
  );
  if (current.before) {
    await db
      .update(allocations)
      .set({
        amountCents: change.amountCents,
        version: sql`${allocations.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(allocations.laureateId, change.laureateId));
  } else {
    await db.insert(allocations).values({
      laureateId: change.laureateId,
      amountCents: change.amountCents,
      originalAmountCents: change.amountCents,
      isDemo: actor.isDemo ?? false,
    });
  }
  await db.insert(allocationMovements).values({
    programmeId: laureate.programmeId,
    laureateId: change.laureateId,
    kind: !current.before ? "attribution" : current.delta >= 0 ? "augmentation" : "diminution",
    deltaCents: current.delta,
    amountAfterCents: change.amountCents,
    reason: change.reason,
    actorUserId: actor.userId,
    isDemo: actor.isDemo ?? false,
  });
  return { amountBeforeCents: current.before?.amountCents ?? null, amountAfterCents: change.amountCents };
}

async function lockedAllocationAfterReserve(
  db: Executor,
  programmeId: number,
  laureateId: number,
  apply: (before: { amountCents: number; paidCents: number } | null) => Promise<number>,
) {
  await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId)).for("update");
  const before = await lockedAllocation(db, laureateId);
  const delta = await apply(before);
  return { before, delta };
}

/** Moves an amount from one laureate's allocation to another's: the reserve does not change. */
export async function reallocate(
  db: Executor,
  actor: LedgerActor,
  move: { fromLaureateId: number; toLaureateId: number; amountCents: number; reason: string },
): Promise<{ from: AllocationChange; to: AllocationChange }> {
  if (!Number.isSafeInteger(move.amountCents) || move.amountCents <= 0) {
    throw new LedgerRefusal("Le montant à réaffecter doit être un nombre entier de centimes, positif.");
  }
  // Moving to oneself would add the amount to the allocation without drawing on the reserve.
  if (move.fromLaureateId === move.toLaureateId)
    throw new LedgerRefusal("Choisissez deux lauréats différents.");
  const from = await laureateOf(db, move.fromLaureateId);
  const to = await laureateOf(db, move.toLaureateId);
  if (from.programmeId !== to.programmeId)
    throw new LedgerRefusal("Les deux lauréats doivent relever du même programme.");
  await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, from.programmeId))
    .for("update");
  // Both allocations locked in one order whatever the direction of the move.
  const locked = await lockedAllocations(db, [from.id, to.id]);
  const source = locked.find((row) => row.laureateId === from.id);
  if (!source || source.amountCents - source.paidCents < move.amountCents) {
    throw new LedgerRefusal(
      `Le lauréat d'origine n'a que ${money(source ? source.amountCents - source.paidCents : 0)} non versés à réaffecter.`,
    );
  }
  const target = locked.find((row) => row.laureateId === to.id);
  const fromAfter = source.amountCents - move.amountCents;
  const toAfter = (target?.amountCents ?? 0) + move.amountCents;
  await db
    .update(allocations)
    .set({ amountCents: fromAfter, version: sql`${allocations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(allocations.laureateId, from.id));
  if (target) {
    await db
      .update(allocations)
      .set({ amountCents: toAfter, version: sql`${allocations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(allocations.laureateId, to.id));
  } else {
    await db.insert(allocations).values({
      laureateId: to.id,
      amountCents: toAfter,
      originalAmountCents: toAfter,
      isDemo: actor.isDemo ?? false,
    });
  }
  const common = {
    programmeId: from.programmeId,
    kind: "reaffectation" as const,
    reason: move.reason,
    actorUserId: actor.userId,
    isDemo: actor.isDemo ?? false,
  };
  await db.insert(allocationMovements).values([
    {
      ...common,
      laureateId: from.id,
      counterpartLaureateId: to.id,
      deltaCents: -move.amountCents,
      amountAfterCents: fromAfter,
    },
    {
      ...common,
      laureateId: to.id,
      counterpartLaureateId: from.id,
      deltaCents: move.amountCents,
      amountAfterCents: toAfter,
    },
  ]);
  return {
    from: { amountBeforeCents: source.amountCents, amountAfterCents: fromAfter },
    to: { amountBeforeCents: target?.amountCents ?? null, amountAfterCents: toAfter },
  };
}

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
