import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { FreshnessPart } from "@defis/domain";
import { sql } from "drizzle-orm";

const { freshness } = schema;

/** Marks parts of laureates as updated now by `userId`, in the caller's transaction. */
export async function touchFreshness(
  db: Executor,
  laureateIds: readonly number[],
  parts: readonly FreshnessPart[],
  userId: number | null,
): Promise<void> {
  const rows = [...new Set(laureateIds)].flatMap((laureateId) =>
    parts.map((part) => ({ laureateId, part, updatedAt: sql`now()`, updatedBy: userId })),
  );
  if (rows.length === 0) return;
  await db
    .insert(freshness)
    .values(rows)
    .onConflictDoUpdate({
      target: [freshness.laureateId, freshness.part],
      set: { updatedAt: sql`excluded.updated_at`, updatedBy: sql`excluded.updated_by` },
    });
}
