import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import { plannedTotalCents, Refusal, type AcceptScheduleGapInput, type ScheduleGap } from "@defis/domain";
import { eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { allocations, scheduleGapAcceptances, tranches, users } = schema;

/** Allocated, planned and their gap; `lock` takes the allocation row as `planSchedule` does. */
async function gapOf(db: Executor, laureateId: number, lock: boolean) {
  const allocationQuery = db
    .select({ amountCents: allocations.amountCents })
    .from(allocations)
    .where(eq(allocations.laureateId, laureateId));
  const [allocation] = lock ? await allocationQuery.for("update") : await allocationQuery;
  const trancheRows = await db
    .select({ status: tranches.status, plannedAmountCents: tranches.plannedAmountCents })
    .from(tranches)
    .where(eq(tranches.laureateId, laureateId));
  const allocatedCents = allocation?.amountCents ?? 0;
  const plannedCents = plannedTotalCents(trancheRows);
  return { allocatedCents, plannedCents, gapCents: allocatedCents - plannedCents };
}

/** A laureate's schedule against its allocation, with the gap the officer kept and why. */
export async function scheduleGap(db: Executor, laureateSlug: string): Promise<ScheduleGap> {
  const laureateId = await laureateIdOf(db, laureateSlug);
  const [gap, [accepted]] = await readTogether(db, [
    () => gapOf(db, laureateId, false),
    () =>
      db
        .select({
          gapCents: scheduleGapAcceptances.gapCents,
          reason: scheduleGapAcceptances.reason,
          acceptedAt: scheduleGapAcceptances.acceptedAt,
          actorName: users.displayName,
        })
        .from(scheduleGapAcceptances)
        .leftJoin(users, eq(users.id, scheduleGapAcceptances.actorUserId))
        .where(eq(scheduleGapAcceptances.laureateId, laureateId)),
  ]);
  return { ...gap, accepted: accepted ?? null };
}

/**
 * Keeps the gap read on the page, with its reason. Under the allocation's
 * lock: a schedule replanned or an allocation changed meanwhile moves the gap,
 * and a gap the officer has not seen is not kept.
 */
export async function acceptScheduleGap(db: Executor, actor: Actor, input: AcceptScheduleGapInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const { gapCents } = await gapOf(db, laureateId, true);
  if (gapCents === 0) {
    throw new Refusal("L'échéancier suit le montant alloué : il n'y a plus d'écart à garder.");
  }
  if (gapCents !== input.gapCents) {
    throw new Refusal(
      "L'écart entre l'échéancier et le montant alloué a changé depuis votre lecture : relisez-le avant de le garder.",
    );
  }
  const [before] = await db
    .select({ gapCents: scheduleGapAcceptances.gapCents, reason: scheduleGapAcceptances.reason })
    .from(scheduleGapAcceptances)
    .where(eq(scheduleGapAcceptances.laureateId, laureateId));
  const kept = { gapCents, reason: input.reason, actorUserId: actor.userId, acceptedAt: new Date() };
  await db
    .insert(scheduleGapAcceptances)
    .values({ laureateId, ...kept })
    .onConflictDoUpdate({ target: scheduleGapAcceptances.laureateId, set: kept });
  await recordAudit(db, actor, {
    action: "echeancier.ecart",
    entityId: input.laureateSlug,
    laureateId,
    before: before ? { ecartCentimes: before.gapCents, motif: before.reason } : {},
    after: { ecartCentimes: gapCents, motif: input.reason },
  });
  return { laureateSlug: input.laureateSlug, gapCents };
}
