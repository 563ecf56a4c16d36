import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  formatDate,
  staleVersion,
  type RecordDecisionInput,
  type UpdateDecisionStatusInput,
} from "@defis/domain";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";

const { laureates, portfolioReviews, reviewDecisionLaureates, reviewDecisionUpdates, reviewDecisions } =
  schema;

/**
 * The review a decision is recorded or noted in, which must be the latest:
 * a status noted in an older review would rewrite what the reviews after it
 * showed. Locked in share mode, so that it stays while the decision is written.
 */
async function latestReview(db: Executor, reviewId: number) {
  const [review] = await db
    .select({ id: portfolioReviews.id, asOf: portfolioReviews.asOf })
    .from(portfolioReviews)
    .where(eq(portfolioReviews.id, reviewId))
    .for("share");
  if (!review) throw new NotFound("Cette revue n'existe pas.");
  const [later] = await db
    .select({ asOf: portfolioReviews.asOf })
    .from(portfolioReviews)
    .where(gt(portfolioReviews.asOf, review.asOf))
    .orderBy(asc(portfolioReviews.asOf))
    .limit(1);
  if (later) {
    throw new Refusal(
      `Une revue plus récente existe (au ${formatDate(later.asOf)}) : les décisions s'y enregistrent et s'y suivent.`,
      "precondition",
    );
  }
  return review;
}

/** The ids of the laureates named, every one known, in the order given. */
async function laureateIdsOf(
  db: Executor,
  slugs: readonly string[],
): Promise<{ id: number; slug: string }[]> {
  if (slugs.length === 0) return [];
  const found = await db
    .select({ id: laureates.id, slug: laureates.slug })
    .from(laureates)
    .where(inArray(laureates.slug, [...slugs]));
  const bySlug = new Map(found.map((laureate) => [laureate.slug, laureate]));
  return slugs.map((slug) => {
    const laureate = bySlug.get(slug);
    if (!laureate) throw new NotFound(`Le lauréat « ${slug} » n'existe pas.`);
    return laureate;
  });
}

/** Records a decision taken in the latest review, with the laureates it concerns and its audit event. */
export async function recordDecision(
  db: Executor,
  actor: Actor,
  input: RecordDecisionInput,
  { isDemo } = { isDemo: false },
) {
  const review = await latestReview(db, input.reviewId);
  if (input.dueOn < review.asOf) {
    throw new Refusal(
      `L'échéance ne peut pas précéder le jour de la revue (${formatDate(review.asOf)}).`,
      "invalid",
    );
  }
  const linked = await laureateIdsOf(db, input.laureateSlugs);
  const [created] = await db
    .insert(reviewDecisions)
    .values({
      reviewId: review.id,
      text: input.text,
      owner: input.owner,
      dueOn: input.dueOn,
      createdBy: actor.userId,
      isDemo,
    })
    .returning({ id: reviewDecisions.id, version: reviewDecisions.version });
  if (!created) throw new Error("La décision enregistrée est introuvable.");
  if (linked.length > 0) {
    await db
      .insert(reviewDecisionLaureates)
      .values(linked.map((laureate) => ({ decisionId: created.id, laureateId: laureate.id })));
  }
  const [first, ...others] = linked;
  await recordAudit(db, actor, {
    action: "decision.enregistrement",
    entityId: created.id,
    laureateId: first?.id ?? null,
    alsoConcerns: others.map((laureate) => laureate.id),
    after: {
      revue: review.asOf,
      decision: input.text,
      responsable: input.owner,
      echeance: input.dueOn,
      laureats: linked.map((laureate) => laureate.slug),
    },
  });
  return { decisionId: created.id, version: created.version };
}

/** Notes a decision's status in the latest review; the version read must still be current. */
export async function updateDecisionStatus(
  db: Executor,
  actor: Actor,
  input: UpdateDecisionStatusInput,
  { isDemo } = { isDemo: false },
) {
  const review = await latestReview(db, input.reviewId);
  const [decision] = await db
    .select()
    .from(reviewDecisions)
    .where(eq(reviewDecisions.id, input.decisionId))
    .for("update");
  if (!decision) throw new NotFound("Cette décision n'existe pas ou plus.");
  const current = { status: decision.status, statusNote: decision.statusNote, version: decision.version };
  if (decision.version !== input.version) staleVersion(current);
  const [updated] = await db
    .update(reviewDecisions)
    .set({
      status: input.status,
      statusNote: input.note,
      version: sql`${reviewDecisions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(reviewDecisions.id, decision.id), eq(reviewDecisions.version, input.version)))
    .returning({ version: reviewDecisions.version });
  if (!updated) staleVersion(current);
  await db.insert(reviewDecisionUpdates).values({
    decisionId: decision.id,
    reviewId: review.id,
    status: input.status,
    note: input.note,
    notedBy: actor.userId,
    isDemo,
  });
  const concerned = await db
    .select({ id: reviewDecisionLaureates.laureateId })
    .from(reviewDecisionLaureates)
    .where(eq(reviewDecisionLaureates.decisionId, decision.id))
    .orderBy(asc(reviewDecisionLaureates.laureateId));
  const [first, ...others] = concerned;
  await recordAudit(db, actor, {
    action: "decision.statut",
    entityId: decision.id,
    laureateId: first?.id ?? null,
    alsoConcerns: others.map((laureate) => laureate.id),
    before: { statut: decision.status, note: decision.statusNote },
    after: { revue: review.asOf, statut: input.status, note: input.note },
  });
  return { decisionId: decision.id, status: input.status, version: updated.version };
}
