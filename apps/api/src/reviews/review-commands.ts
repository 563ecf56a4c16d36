import type { Database, Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  Refusal,
  addDays,
  addMonths,
  periodOf,
  type OpenReviewInput,
  type ReviewSummary,
} from "@defis/domain";
import { count, sql } from "drizzle-orm";
import { recordAudit, systemActor, type Actor } from "../audit/record-audit.js";
import { findReviewSummary } from "./review-queries.js";
import { seedFirstReviewDecisions, seedSecondReviewDecisions } from "./demo-decisions.js";
import { checkedAsOf, reviewSnapshotAsOf } from "../dashboard/portfolio-as-of.js";

const { portfolioReviews } = schema;

function frenchDay(day: string): string {
  return day.split("-").reverse().join("/");
}

/**
 * Freezes the figures and sheets of a day, computed from the dated rows, in
 * the caller's transaction. The unique index refuses a second review of the
 * same day, even when two officers open it at once: null then.
 */
async function insertReview(
  tx: Executor,
  actor: Actor,
  review: { asOf: string; title: string; isDemo: boolean },
): Promise<number | null> {
  const snapshot = await reviewSnapshotAsOf(tx, review.asOf);
  const [inserted] = await tx
    .insert(portfolioReviews)
    .values({ ...review, snapshot, openedBy: actor.userId })
    .onConflictDoNothing({ target: portfolioReviews.asOf })
    .returning({ id: portfolioReviews.id });
  if (!inserted) return null;
  await recordAudit(tx, actor, {
    action: "revue.ouverture",
    entityId: inserted.id,
    after: { arreteAu: review.asOf, titre: review.title },
  });
  return inserted.id;
}

/** Opens the review of a day (today or before), with its audit event, in one transaction. */
export async function openReview(
  tx: Executor,
  actor: Actor,
  input: OpenReviewInput,
  today?: string,
): Promise<ReviewSummary> {
  const asOf = checkedAsOf(input.asOf, today);
  const id = await insertReview(tx, actor, { asOf, title: input.title, isDemo: false });
  if (id === null) {
    throw new Refusal(
      `Une revue existe déjà pour le ${frenchDay(asOf)} : ouvrez-la depuis la liste des revues.`,
    );
  }
  const summary = await findReviewSummary(tx, id);
  if (!summary) throw new Error(`Revue ${id} introuvable juste après son ouverture`);
  return summary;
}

/** The last day of the month `monthsBack` months before `today`'s. */
function endOfMonthBefore(today: string, monthsBack: number): string {
  return addDays(`${addMonths(periodOf(today), -monthsBack + 1)}-01`, -1);
}

/**
 * Two quarterly reviews for the demonstration, so that the direction account
 * finds a latest review with its changes and the decisions the first one
 * took, followed up in the second: opened without an author, flagged as
 * demonstration, skipped when any review already exists.
 */
export async function seedDemoReviews(db: Database, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Two instances starting on one new database: the second waits, then finds the reviews there.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('defis:revues-demonstration'))`);
    const [existing] = await tx.select({ total: count() }).from(portfolioReviews);
    if ((existing?.total ?? 0) > 0) return;
    const actor = systemActor("demonstration");
    const openDemo = async (monthsBack: number) => {
      const asOf = endOfMonthBefore(today, monthsBack);
      const id = await insertReview(tx, actor, {
        asOf,
        title: `Revue de portefeuille (démonstration)`,
        isDemo: true,
      });
      if (id === null) throw new Error(`Revue de démonstration du ${asOf} déjà ouverte`);
      return { id, asOf };
    };
    const first = await openDemo(4);
    const decisions = await seedFirstReviewDecisions(tx, actor, first);
    await seedSecondReviewDecisions(tx, actor, await openDemo(1), decisions);
  });
}
