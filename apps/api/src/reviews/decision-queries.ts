import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  decisionStanding,
  isDecisionClosed,
  type DecisionItem,
  type DecisionStatus,
  type ReviewDecisions,
} from "@defis/domain";
import { and, asc, desc, eq, gt, inArray, lt, lte, type SQL } from "drizzle-orm";

const { laureates, portfolioReviews, reviewDecisionLaureates, reviewDecisionUpdates, reviewDecisions } =
  schema;

/** A status as noted in a review: none noted yet reads « en cours », from the decision's own review. */
interface Noted {
  status: DecisionStatus;
  note: string | null;
  notedOn: string | null;
}
const NOTHING_NOTED: Noted = { status: "en_cours", note: null, notedOn: null };

type DecisionRow = Awaited<ReturnType<typeof selectDecisions>>[number];

function selectDecisions(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: reviewDecisions.id,
      version: reviewDecisions.version,
      text: reviewDecisions.text,
      owner: reviewDecisions.owner,
      dueOn: reviewDecisions.dueOn,
      reviewId: reviewDecisions.reviewId,
      reviewAsOf: portfolioReviews.asOf,
      reviewTitle: portfolioReviews.title,
      isDemo: reviewDecisions.isDemo,
    })
    .from(reviewDecisions)
    .innerJoin(portfolioReviews, eq(portfolioReviews.id, reviewDecisions.reviewId))
    .where(where)
    .orderBy(asc(reviewDecisions.dueOn), asc(reviewDecisions.id));
}

/**
 * Every status noted for the decisions in the reviews up to `upTo` (that
 * review's day included), in the order of the reviews then of the notes:
 * the last one of a decision is its status on that day.
 */
async function notesUpTo(db: Executor, decisionIds: number[], upTo: string) {
  if (decisionIds.length === 0) return new Map<number, (Noted & { notedOn: string })[]>();
  const rows = await db
    .select({
      decisionId: reviewDecisionUpdates.decisionId,
      status: reviewDecisionUpdates.status,
      note: reviewDecisionUpdates.note,
      notedOn: portfolioReviews.asOf,
    })
    .from(reviewDecisionUpdates)
    .innerJoin(portfolioReviews, eq(portfolioReviews.id, reviewDecisionUpdates.reviewId))
    .where(and(inArray(reviewDecisionUpdates.decisionId, decisionIds), lte(portfolioReviews.asOf, upTo)))
    .orderBy(asc(portfolioReviews.asOf), asc(reviewDecisionUpdates.id));
  const byDecision = new Map<number, (Noted & { notedOn: string })[]>();
  for (const { decisionId, ...noted } of rows) {
    byDecision.set(decisionId, [...(byDecision.get(decisionId) ?? []), noted]);
  }
  return byDecision;
}

async function laureatesOf(db: Executor, decisionIds: number[]) {
  const byDecision = new Map<number, { slug: string; title: string }[]>();
  if (decisionIds.length === 0) return byDecision;
  const rows = await db
    .select({ decisionId: reviewDecisionLaureates.decisionId, slug: laureates.slug, title: laureates.title })
    .from(reviewDecisionLaureates)
    .innerJoin(laureates, eq(laureates.id, reviewDecisionLaureates.laureateId))
    .where(inArray(reviewDecisionLaureates.decisionId, decisionIds))
    .orderBy(asc(laureates.position));
  for (const { decisionId, ...laureate } of rows) {
    byDecision.set(decisionId, [...(byDecision.get(decisionId) ?? []), laureate]);
  }
  return byDecision;
}

function lastNoted(notes: readonly Noted[] | undefined, before?: string): Noted {
  const kept = before === undefined ? notes : notes?.filter((noted) => (noted.notedOn ?? "") < before);
  return kept?.at(-1) ?? NOTHING_NOTED;
}

/**
 * Decisions with their status as it stood on `day` (the updates noted in the
 * reviews up to that day), « en retard » judged on `day` too, and whether
 * each had been closed (done or abandoned) in a review before `closedBefore`.
 */
async function decisionsAsOf(db: Executor, rows: DecisionRow[], day: string, closedBefore = day) {
  const ids = rows.map((row) => row.id);
  const notes = await notesUpTo(db, ids, day);
  const linked = await laureatesOf(db, ids);
  return rows.map((row) => {
    const noted = lastNoted(notes.get(row.id));
    const item: DecisionItem = {
      ...row,
      laureates: linked.get(row.id) ?? [],
      ...noted,
      standing: decisionStanding(noted.status, row.dueOn, day),
    };
    return { item, closedEarlier: isDecisionClosed(lastNoted(notes.get(row.id), closedBefore).status) };
  });
}

/** The day of the review just before `asOf`'s, if any. */
async function previousReviewDay(db: Executor, asOf: string): Promise<string | null> {
  const [previous] = await db
    .select({ asOf: portfolioReviews.asOf })
    .from(portfolioReviews)
    .where(lt(portfolioReviews.asOf, asOf))
    .orderBy(desc(portfolioReviews.asOf))
    .limit(1);
  return previous?.asOf ?? null;
}

/**
 * A review's decisions: those taken in it, and the follow-up of the earlier
 * ones, each with its status as noted up to this review. The follow-up holds
 * every decision still open when the previous review began: one done or
 * abandoned since (noted in the previous review, the latest until this one
 * opened, or in this one) shows once with that status, then leaves. Null for
 * an unknown review.
 */
export async function findReviewDecisions(db: Executor, reviewId: number): Promise<ReviewDecisions | null> {
  const [review] = await db
    .select({ asOf: portfolioReviews.asOf })
    .from(portfolioReviews)
    .where(eq(portfolioReviews.id, reviewId));
  if (!review) return null;
  const [later] = await db
    .select({ id: portfolioReviews.id })
    .from(portfolioReviews)
    .where(gt(portfolioReviews.asOf, review.asOf))
    .limit(1);
  const previous = await previousReviewDay(db, review.asOf);
  const rows = await selectDecisions(db, lte(portfolioReviews.asOf, review.asOf));
  const decisions = await decisionsAsOf(db, rows, review.asOf, previous ?? review.asOf);
  return {
    isLatest: !later,
    taken: decisions.filter(({ item }) => item.reviewId === reviewId).map(({ item }) => item),
    carriedOver: decisions
      .filter(({ item, closedEarlier }) => item.reviewId !== reviewId && !closedEarlier)
      .map(({ item }) => item),
  };
}

/** A laureate's decisions, every review's, with their latest status, « en retard » judged today. */
export async function listLaureateDecisions(db: Executor, laureateId: number, today: string) {
  const linked = db
    .select({ id: reviewDecisionLaureates.decisionId })
    .from(reviewDecisionLaureates)
    .where(eq(reviewDecisionLaureates.laureateId, laureateId));
  const rows = await selectDecisions(db, inArray(reviewDecisions.id, linked));
  return (await decisionsAsOf(db, rows, today)).map(({ item }) => item);
}

/**
 * The decisions in progress at the end of `day`, as the reviews had noted
 * them by then (a decision taken later, or closed later, is not judged by
 * what came after), the nearest due day first, « en retard » judged that day.
 */
export async function listDecisionsDue(db: Executor, day: string): Promise<DecisionItem[]> {
  const rows = await selectDecisions(db, lte(portfolioReviews.asOf, day));
  return (await decisionsAsOf(db, rows, day))
    .map(({ item }) => item)
    .filter((item) => !isDecisionClosed(item.status));
}

/** Every decision, for the export: its latest status, « en retard » judged today. */
export async function listAllDecisions(db: Executor, today: string): Promise<DecisionItem[]> {
  const rows = await selectDecisions(db, undefined);
  return (await decisionsAsOf(db, rows, today)).map(({ item }) => item);
}
