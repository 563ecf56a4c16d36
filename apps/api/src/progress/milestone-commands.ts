import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  staleVersion,
  type CreateMilestoneInput,
  type MoveMilestoneInput,
  type UpdateMilestoneInput,
} from "@defis/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { milestones, tranches } = schema;

type MilestoneRow = typeof milestones.$inferSelect;
type MilestoneFacts = Pick<
  MilestoneRow,
  "title" | "description" | "dueOn" | "status" | "reachedOn" | "evidenceNote" | "evidenceUrl"
>;

/** The fields a conflict message shows of a milestone. */
export function milestoneFacts(row: MilestoneFacts): MilestoneFacts {
  return {
    title: row.title,
    description: row.description,
    dueOn: row.dueOn,
    status: row.status,
    reachedOn: row.reachedOn,
    evidenceNote: row.evidenceNote,
    evidenceUrl: row.evidenceUrl,
  };
}

/** The same fields as the audit trail names them. */
export function milestoneAuditFacts(facts: MilestoneFacts) {
  return {
    titre: facts.title,
    description: facts.description,
    echeance: facts.dueOn,
    statut: facts.status,
    atteintLe: facts.reachedOn,
    preuve: facts.evidenceNote,
    lienPreuve: facts.evidenceUrl,
  };
}

/** The milestone, locked for the change, if it belongs to the laureate. */
export async function lockMilestone(
  db: Executor,
  laureateId: number,
  milestoneId: number,
): Promise<MilestoneRow> {
  const [row] = await db
    .select()
    .from(milestones)
    .where(and(eq(milestones.id, milestoneId), eq(milestones.laureateId, laureateId)))
    .for("update");
  if (!row) throw new NotFound("Ce jalon n'existe pas ou plus pour ce lauréat.");
  return row;
}

/**
 * A reached milestone that released a tranche ("service fait" or beyond)
 * must stay reached: the money already relies on it.
 */
async function refuseUnreachingReleasedGate(
  db: Executor,
  milestone: MilestoneRow,
  status: MilestoneRow["status"],
) {
  if (milestone.status !== "atteint" || status === "atteint") return;
  const released = await db
    .select({ position: tranches.position })
    .from(tranches)
    .where(
      and(
        eq(tranches.gatingMilestoneId, milestone.id),
        inArray(tranches.status, ["service_fait", "demande_paiement", "paye"]),
      ),
    )
    .orderBy(asc(tranches.position));
  if (released.length > 0) {
    throw new Refusal(
      `Ce jalon a déjà permis le service fait de la tranche n° ${released.map((row) => String(row.position)).join(", ")} : il reste « Atteint ».`,
    );
  }
}

/**
 * Applies a change to a milestone on the version the user read, and returns
 * its facts before and after; the caller records the audit event.
 */
export async function applyMilestoneChange(
  db: Executor,
  laureateId: number,
  change: { milestoneId: number; version: number } & Partial<MilestoneFacts>,
  userId: number | null,
): Promise<{ before: MilestoneFacts; after: MilestoneFacts }> {
  const row = await lockMilestone(db, laureateId, change.milestoneId);
  if (row.version !== change.version) {
    staleVersion(
      { id: row.id, version: row.version, ...milestoneFacts(row) },
      `Le jalon « ${row.title} » a été modifié entre-temps. Ses valeurs actuelles sont affichées : vérifiez-les puis réappliquez vos changements.`,
    );
  }
  const { milestoneId: _id, version: _version, ...facts } = change;
  await refuseUnreachingReleasedGate(db, row, facts.status ?? row.status);
  const [updated] = await db
    .update(milestones)
    .set({ ...facts, version: sql`${milestones.version} + 1`, updatedAt: sql`now()`, updatedBy: userId })
    .where(eq(milestones.id, row.id))
    .returning();
  if (!updated) throw new Error("Le jalon modifié est introuvable.");
  return { before: milestoneFacts(row), after: milestoneFacts(updated) };
}

export async function createMilestone(db: Executor, actor: Actor, input: CreateMilestoneInput) {
  const { laureateSlug, ...facts } = input;
  const laureateId = await laureateIdOf(db, laureateSlug);
  const [created] = await db
    .insert(milestones)
    .values({
      laureateId,
      ...facts,
      position: sql`(select coalesce(max(${milestones.position}), 0) + 1 from ${milestones} where ${milestones.laureateId} = ${laureateId})`,
      updatedBy: actor.userId,
    })
    .returning();
  if (!created) throw new Error("Le jalon n'a pas été enregistré.");
  await recordAudit(db, actor, {
    action: "jalon.creation",
    entityId: created.id,
    laureateId,
    after: milestoneAuditFacts(created),
  });
  return { milestoneId: created.id };
}

export async function updateMilestone(db: Executor, actor: Actor, input: UpdateMilestoneInput) {
  const { laureateSlug, ...change } = input;
  const laureateId = await laureateIdOf(db, laureateSlug);
  const { before, after } = await applyMilestoneChange(db, laureateId, change, actor.userId);
  await recordAudit(db, actor, {
    action: "jalon.modification",
    entityId: input.milestoneId,
    laureateId,
    before: milestoneAuditFacts(before),
    after: milestoneAuditFacts(after),
  });
  return { milestoneId: input.milestoneId };
}

/** Swaps a milestone with its neighbour in the laureate's order. */
export async function moveMilestone(db: Executor, actor: Actor, input: MoveMilestoneInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const ordered = await db
    .select({ id: milestones.id, position: milestones.position, title: milestones.title })
    .from(milestones)
    .where(eq(milestones.laureateId, laureateId))
    .orderBy(asc(milestones.position))
    .for("update");
  const index = ordered.findIndex((milestone) => milestone.id === input.milestoneId);
  const moved = ordered[index];
  if (!moved) throw new NotFound("Ce jalon n'existe pas ou plus pour ce lauréat.");
  const neighbour = ordered[input.direction === "up" ? index - 1 : index + 1];
  if (!neighbour) {
    throw new Refusal(
      input.direction === "up" ? "Ce jalon est déjà le premier." : "Ce jalon est déjà le dernier.",
      "invalid",
    );
  }
  for (const [id, position] of [
    [moved.id, neighbour.position],
    [neighbour.id, moved.position],
  ] as const) {
    await db
      .update(milestones)
      // The order is not the milestone's content: a reorder leaves the version others edit on.
      .set({ position, updatedAt: sql`now()`, updatedBy: actor.userId })
      .where(eq(milestones.id, id));
  }
  await recordAudit(db, actor, {
    action: "jalon.deplacement",
    entityId: moved.id,
    laureateId,
    before: { rang: index + 1 },
    after: { rang: ordered.indexOf(neighbour) + 1 },
  });
  return { milestoneId: moved.id };
}
