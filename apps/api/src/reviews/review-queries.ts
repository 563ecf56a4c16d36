import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  diffSnapshots,
  WEATHER_STATE_KEYS,
  type ReviewDetail,
  type ReviewSnapshot,
  type ReviewSummary,
  type WeatherCounts,
} from "@defis/domain";
import { desc, eq, lt } from "drizzle-orm";
import { impactChangesBetween } from "../impact/impact-portfolio.js";

const { portfolioReviews, users } = schema;

const summaryColumns = {
  id: portfolioReviews.id,
  asOf: portfolioReviews.asOf,
  title: portfolioReviews.title,
  openedAt: portfolioReviews.openedAt,
  openedBy: users.displayName,
  isDemo: portfolioReviews.isDemo,
};

function selectSummaries(db: Executor) {
  return db
    .select(summaryColumns)
    .from(portfolioReviews)
    .leftJoin(users, eq(users.id, portfolioReviews.openedBy));
}

/** Every review, the latest day first. */
export async function listReviews(db: Executor): Promise<ReviewSummary[]> {
  return selectSummaries(db).orderBy(desc(portfolioReviews.asOf));
}

export async function findReviewSummary(db: Executor, id: number): Promise<ReviewSummary | null> {
  const [review] = await selectSummaries(db).where(eq(portfolioReviews.id, id));
  return review ?? null;
}

/**
 * A review frozen before the météo had its "périmée" state counted none so
 * (its stale météo counted at their level): said as 0, not left out.
 */
function withEveryWeatherState(snapshot: ReviewSnapshot): ReviewSnapshot {
  const complete = (counts: WeatherCounts): WeatherCounts => ({
    ...(Object.fromEntries(WEATHER_STATE_KEYS.map((key) => [key, 0])) as WeatherCounts),
    ...counts,
  });
  const { figures } = snapshot;
  return {
    ...snapshot,
    figures: {
      ...figures,
      weather: complete(figures.weather),
      weatherTrend: figures.weatherTrend.map((period) => ({ ...period, counts: complete(period.counts) })),
    },
  };
}

/**
 * A review with its frozen snapshot and what changed since the review of the
 * day before it; impact's changes are read from the measures as known on
 * each day, which a later entry or correction does not alter.
 */
export async function findReview(db: Executor, id: number): Promise<ReviewDetail | null> {
  const [review] = await db
    .select({ ...summaryColumns, snapshot: portfolioReviews.snapshot })
    .from(portfolioReviews)
    .leftJoin(users, eq(users.id, portfolioReviews.openedBy))
    .where(eq(portfolioReviews.id, id));
  if (!review) return null;
  const [previous] = await db
    .select({ asOf: portfolioReviews.asOf, snapshot: portfolioReviews.snapshot })
    .from(portfolioReviews)
    .where(lt(portfolioReviews.asOf, review.asOf))
    .orderBy(desc(portfolioReviews.asOf))
    .limit(1);
  return {
    ...review,
    snapshot: withEveryWeatherState(review.snapshot),
    changes: previous ? diffSnapshots(previous.snapshot, review.snapshot) : null,
    impactChanges: previous ? await impactChangesBetween(db, previous.asOf, review.asOf) : null,
  };
}
