import { eq, sql } from "drizzle-orm";
import { formatCents } from "@defis/domain";
import type { Executor } from "./database.js";
import {
  drawOnReserve,
  laureateOf,
  LedgerRefusal,
  lockedAllocation,
  lockedAllocations,
  type LedgerActor,
} from "./ledger-core.js";
import { allocationMovements, allocations, programmes } from "./schema/index.js";

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
          `Le montant ne peut pas descendre sous ce qui a déjà été versé (${formatCents(before.paidCents)}).`,
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
      `Le lauréat d'origine n'a que ${formatCents(source ? source.amountCents - source.paidCents : 0)} non versés à réaffecter.`,
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
