import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { CategoryKey, TrancheStatus } from "@defis/domain";
import { asc, eq, ne, sql } from "drizzle-orm";
import { tranchesKnownOn } from "./known-on.js";

const { laureates } = schema;

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
 * The schedule as it was known at the end of `day`, with each laureate's
 * category: what the forecast and the synthesis read. The tranches not
 * cancelled then, with their planned day, amount and step as recorded then
 * (tranchesKnownOn): a tranche created or re-planned later does not count.
 */
export async function scheduleKnownOn(db: Executor, day: string): Promise<KnownTranche[]> {
  const tranche = tranchesKnownOn(db, day);
  return db
    .select({
      laureateId: tranche.laureateId,
      trancheId: tranche.id,
      category: sql<CategoryKey>`${laureates.category}`,
      plannedOn: tranche.plannedOn,
      plannedAmountCents: tranche.plannedAmountCents,
      status: sql<TrancheStatus>`${tranche.status}`,
      paidOn: tranche.paidOn,
    })
    .from(tranche)
    .innerJoin(laureates, eq(laureates.id, tranche.laureateId))
    .where(ne(tranche.status, "annule"))
    .orderBy(asc(tranche.laureateId), asc(tranche.position));
}
