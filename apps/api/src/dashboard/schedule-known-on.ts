import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { CategoryKey, TrancheStatus } from "@defis/domain";
import { asc, eq, ne, or, sql } from "drizzle-orm";

const { laureates, tranches } = schema;

/** One tranche of the schedule as it stood at the end of a day. */
export interface KnownTranche {
  laureateId: number;
  trancheId: number;
  category: CategoryKey;
  plannedOn: string;
  plannedAmountCents: number;
  status: TrancheStatus;
  /** Null unless paid on or before the day. */
  paidOn: string | null;
}

/**
 * The schedule as it was known on `day`: the one door through which the
 * forecast and the synthesis read tranches, so that a dated history of the
 * schedule can replace this body alone. Today it knows the tranches not
 * cancelled on the day, at the last step dated on or before it; the
 * planned days and amounts are those of today (docs/pilotage.md, limits).
 */
export async function scheduleKnownOn(db: Executor, day: string): Promise<KnownTranche[]> {
  const paidByDay = sql`${tranches.paidOn} is not null and ${tranches.paidOn} <= ${day}::date`;
  return db
    .select({
      laureateId: tranches.laureateId,
      trancheId: tranches.id,
      category: sql<CategoryKey>`${laureates.category}`,
      plannedOn: tranches.plannedOn,
      plannedAmountCents: tranches.plannedAmountCents,
      // The last step dated on or before the day: a tranche paid or cancelled since was open then.
      status: sql<TrancheStatus>`case when ${paidByDay} then 'paye'
        when ${tranches.paymentRequestedOn} <= ${day}::date then 'demande_paiement'
        when ${tranches.serviceFaitOn} <= ${day}::date then 'service_fait'
        else 'prevu' end`,
      paidOn: sql<string | null>`case when ${paidByDay} then to_char(${tranches.paidOn}, 'YYYY-MM-DD') end`,
    })
    .from(tranches)
    .innerJoin(laureates, eq(laureates.id, tranches.laureateId))
    .where(or(ne(tranches.status, "annule"), sql`${tranches.cancelledOn} > ${day}::date`))
    .orderBy(asc(tranches.laureateId), asc(tranches.position));
}
