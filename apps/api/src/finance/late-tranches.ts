import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { trancheDaysLate, type LateTranches } from "@defis/domain";
import { asc, eq } from "drizzle-orm";
import { isLateTrancheSql } from "./funding-rules-sql.js";
import { tranchesKnownOn } from "../dashboard/known-on.js";

const { laureates } = schema;

/**
 * The tranches late at the end of `today` (open, planned before the day: the
 * rule of `trancheDaysLate`, in its SQL form `isLateTrancheSql`), over the
 * schedule as known then (a past day), the oldest first, in one statement;
 * the days late come from the domain rule.
 */
export async function lateTranches(db: Executor, today: string): Promise<LateTranches> {
  const tranche = tranchesKnownOn(db, today);
  const rows = await db
    .select({
      trancheId: tranche.id,
      laureateSlug: laureates.slug,
      laureateTitle: laureates.title,
      kind: tranche.kind,
      position: tranche.position,
      status: tranche.status,
      plannedOn: tranche.plannedOn,
      plannedAmountCents: tranche.plannedAmountCents,
    })
    .from(tranche)
    .innerJoin(laureates, eq(laureates.id, tranche.laureateId))
    .where(isLateTrancheSql(today, tranche))
    .orderBy(asc(tranche.plannedOn), asc(laureates.position), asc(tranche.position));
  const late = rows.map((row) => ({ ...row, daysLate: trancheDaysLate(row, today) }));
  return {
    asOf: today,
    tranches: late,
    totalCents: late.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0),
  };
}
