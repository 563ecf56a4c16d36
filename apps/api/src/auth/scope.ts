import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { scopeCovers, type ScopeEntry } from "@defis/domain";
import { eq } from "drizzle-orm";

const { laureates } = schema;

/** True when the laureate exists and the sponsor's scope covers it. */
export async function isLaureateInScope(
  db: Executor,
  scope: ScopeEntry[],
  laureateSlug: string,
): Promise<boolean> {
  const [laureate] = await db
    .select({ slug: laureates.slug, ministry: laureates.ministry, porteur: laureates.porteur })
    .from(laureates)
    .where(eq(laureates.slug, laureateSlug));
  return laureate !== undefined && scopeCovers(scope, laureate);
}
