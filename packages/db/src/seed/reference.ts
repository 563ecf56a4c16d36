import { eq } from "drizzle-orm";
import type { Executor } from "../database.js";
import { LAUREATES } from "../reference/laureates.js";
import { PROGRAMME } from "../reference/programme.js";
import { followUpSettings, laureates, programmes } from "../schema/index.js";

/**
 * Writes the programme and its 27 laureates from the reference dataset.
 * Runs at every start and only adds what is missing (matched by slug): once a
 * row exists, officers own it (they fill in what the announcement left
 * "non précisé"), so it is never overwritten.
 */
export async function seedReference(db: Executor): Promise<{ programmeId: number }> {
  const { slug, laureateCount: _laureateCount, ...programmeFacts } = PROGRAMME;
  await db
    .insert(programmes)
    .values({ slug, ...programmeFacts })
    .onConflictDoNothing({ target: programmes.slug });
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, slug));
  if (!programme) throw new Error("Le programme de référence n'a pas pu être enregistré.");

  const rows = LAUREATES.map(({ territory, ...facts }, position) => ({
    ...facts,
    programmeId: programme.id,
    position,
    territoryScope: territory.scope,
    regionCode: territory.scope === "local" ? territory.regionCode : null,
    departementCode: territory.scope === "local" ? territory.departementCode : null,
    place: territory.scope === "local" ? territory.place : null,
  }));
  await db.insert(laureates).values(rows).onConflictDoNothing({ target: laureates.slug });
  // The follow-up settings are one row, with the default cadence until an admin changes it.
  await db.insert(followUpSettings).values({ id: 1 }).onConflictDoNothing();
  return { programmeId: programme.id };
}
