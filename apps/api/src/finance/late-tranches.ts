import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { trancheDaysLate, type LateTranches } from "@defis/domain";
import { asc, eq } from "drizzle-orm";
import { isLateTrancheSql } from "./funding-rules-sql.js";

const { laureates, tranches } = schema;

/**
 * The tranches late on `today` (open, planned before the day: the rule of
 * `trancheDaysLate`, in its SQL form `isLateTrancheSql`), the
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
    .where(isLateTrancheSql(today))
    .orderBy(asc(tranches.plannedOn), asc(laureates.position), asc(tranches.position));
  const late = rows.map((row) => ({ ...row, daysLate: trancheDaysLate(row, today) }));
  return {
    asOf: today,
    tranches: late,
    totalCents: late.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0),
  };
}
