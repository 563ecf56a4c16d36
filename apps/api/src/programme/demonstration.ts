import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { asc, sql } from "drizzle-orm";

const { allocations, programmes } = schema;

/**
 * True while the database holds demonstration rows: the seed marks its
 * allocations, and every page then says that its figures are fictitious.
 */
export const demonstrationRowsExist = sql<boolean>`exists (select 1 from ${allocations} where ${allocations.isDemo})`;

export async function holdsDemonstrationData(db: Executor): Promise<boolean> {
  const [programme] = await db
    .select({ demonstration: demonstrationRowsExist })
    .from(programmes)
    .orderBy(asc(programmes.id))
    .limit(1);
  return programme?.demonstration ?? false;
}
