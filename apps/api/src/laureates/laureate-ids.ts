import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { NotFound } from "@defis/domain";
import { eq } from "drizzle-orm";

/** The database id of a laureate named by its slug, or NotFound. */
export async function laureateIdOf(db: Executor, slug: string): Promise<number> {
  const [laureate] = await db
    .select({ id: schema.laureates.id })
    .from(schema.laureates)
    .where(eq(schema.laureates.slug, slug));
  if (!laureate) throw new NotFound("Ce lauréat n'existe pas.");
  return laureate.id;
}
