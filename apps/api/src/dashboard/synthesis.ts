import type { Database, Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  laureatesNeedingDecision,
  SYNTHESIS_KEY_FIGURE_KEYS,
  type DashboardSynthesis,
  type KeyFigureValues,
  type PreviousReviewFigures,
} from "@defis/domain";
import { desc, lt, sql } from "drizzle-orm";
import { listControls } from "../controls/controls-queries.js";
import { listFollowUp } from "../progress/follow-up-list.js";
import { readLatestWeather, readLaureateNames } from "./as-of-rows.js";
import { scheduleKnownOn } from "./schedule-known-on.js";

const { portfolioReviews } = schema;

/**
 * The latest review frozen before the day, and only the key figures of its
 * snapshot (read in the database, not the whole snapshot and its sheets).
 */
async function readPreviousReview(db: Executor, asOf: string): Promise<PreviousReviewFigures | null> {
  const [review] = await db
    .select({
      id: portfolioReviews.id,
      asOf: portfolioReviews.asOf,
      title: portfolioReviews.title,
      figures: sql<KeyFigureValues>`jsonb_build_object(${sql.join(
        SYNTHESIS_KEY_FIGURE_KEYS.map(
          (key) => sql`${key}::text, ${portfolioReviews.snapshot} -> 'figures' -> ${key}::text`,
        ),
        sql`, `,
      )})`,
    })
    .from(portfolioReviews)
    .where(lt(portfolioReviews.asOf, asOf))
    .orderBy(desc(portfolioReviews.asOf))
    .limit(1);
  if (!review) return null;
  // A snapshot frozen before a figure existed has a JSON null for it: no figure, no change.
  const figures = Object.fromEntries(
    Object.entries(review.figures).filter(([, cents]) => typeof cents === "number"),
  ) as KeyFigureValues;
  return { ...review, figures };
}

export interface SynthesisSettings {
  asOf: string;
  /** Today in Paris: météo à vérifier and anomalies are known for today only. */
  today: string;
  attribuantSiret: string | null;
}

/**
 * What /pilotage adds to the figures for its synthesis: the previous review's
 * key figures and the laureates needing a decision on the day. A fixed
 * number of statements, whatever the number of laureates.
 */
export async function dashboardSynthesis(
  db: Database,
  settings: SynthesisSettings,
): Promise<DashboardSynthesis> {
  const { asOf, today } = settings;
  const [previousReview, names, weather, schedule] = await readTogether(db, [
    () => readPreviousReview(db, asOf),
    () => readLaureateNames(db),
    () => readLatestWeather(db, asOf),
    () => scheduleKnownOn(db, asOf),
  ]);
  const isToday = asOf === today;
  const followUp = isToday ? await listFollowUp(db, today) : null;
  const controls = isToday
    ? await listControls(db, { today, attribuantSiret: settings.attribuantSiret })
    : null;
  const anomalies = new Map<string, number>();
  for (const item of controls?.items ?? []) {
    anomalies.set(item.laureate.slug, (anomalies.get(item.laureate.slug) ?? 0) + 1);
  }
  return {
    asOf,
    previousReview,
    includesTodayOnlyReasons: isToday,
    laureatesNeedingDecision: laureatesNeedingDecision({
      asOf,
      laureates: names,
      stormy: new Set(
        weather.filter((report) => report.level === "orage").map((report) => report.laureateId),
      ),
      weatherToVerify: followUp
        ? new Set(followUp.rows.filter((row) => row.health.diverges).map((row) => row.laureateSlug))
        : null,
      anomalies: controls ? anomalies : null,
      schedule,
    }),
  };
}
