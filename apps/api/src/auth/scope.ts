import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { laureateWithinReach, type SessionUser } from "@defis/domain";
import { eq } from "drizzle-orm";

const { laureates } = schema;

/**
 * True when the laureate exists and the person reaches it (a sponsor through
 * their scope): the same domain rule the interface uses to offer the action.
 */
export async function isLaureateInScope(
  db: Executor,
  user: Pick<SessionUser, "role" | "scope">,
  laureateSlug: string,
): Promise<boolean> {
  const [laureate] = await db
    .select({ slug: laureates.slug, ministry: laureates.ministry, porteur: laureates.porteur })
    .from(laureates)
    .where(eq(laureates.slug, laureateSlug));
  return laureate !== undefined && laureateWithinReach(user, laureate);
}
