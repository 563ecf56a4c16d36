import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { staleVersion, type UpdateFollowUpSettingsInput } from "@defis/domain";
import { eq, sql, and } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";

const { followUpSettings } = schema;

/** Sets after how many days a part of the follow-up is stale. */
export async function updateFollowUpSettings(db: Executor, actor: Actor, input: UpdateFollowUpSettingsInput) {
  const [before] = await db.select().from(followUpSettings).where(eq(followUpSettings.id, 1));
  const [updated] = await db
    .update(followUpSettings)
    .set({
      staleAfterDays: input.staleAfterDays,
      version: sql`${followUpSettings.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.userId,
    })
    .where(and(eq(followUpSettings.id, 1), eq(followUpSettings.version, input.version)))
    .returning();
  if (!updated) {
    staleVersion({ version: before?.version ?? 0, staleAfterDays: before?.staleAfterDays ?? null });
  }
  await recordAudit(db, actor, {
    action: "suivi.reglages",
    entityId: "suivi",
    before: { joursAvantRelance: before?.staleAfterDays ?? null },
    after: { joursAvantRelance: updated.staleAfterDays },
  });
  return { staleAfterDays: updated.staleAfterDays, version: updated.version };
}
