import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { OPEN_TRANCHE_STATUSES, trancheDaysLate, type LateTranches } from "@defis/domain";
import { and, asc, eq, inArray, lt } from "drizzle-orm";

const { laureates, tranches } = schema;

/**
 * The tranches late on `today` (open, planned before the day: the rule of
 * `trancheDaysLate`, as a WHERE clause over `tranche_planned_idx`), the
 * oldest first, in one statement; the days late come from the domain rule.
 */
export async function lateTranches(db: Executor, today: string): Promise<LateTranches> {
  const rows = await db
    .select({
      trancheId: tranches.id,
      laureateSlug: laureates.slug,
      laureateTitle: laureates.title,
      kind: tranches.kind,
      position: tranches.position,
      status: tranches.status,
      plannedOn: tranches.plannedOn,
      plannedAmountCents: tranches.plannedAmountCents,
    })
    .from(tranches)
    .innerJoin(laureates, eq(laureates.id, tranches.laureateId))
    .where(and(lt(tranches.plannedOn, today), inArray(tranches.status, [...OPEN_TRANCHE_STATUSES])))
    .orderBy(asc(tranches.plannedOn), asc(laureates.position), asc(tranches.position));
  const late = rows.map((row) => ({ ...row, daysLate: trancheDaysLate(row, today) }));
  return {
    asOf: today,
    tranches: late,
    totalCents: late.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0),
  };
}
