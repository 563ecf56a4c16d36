import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  daysLate,
  milestoneState,
  periodOf,
  type CommentItem,
  type LaureateProgress,
  type MilestoneItem,
  type WeatherReportItem,
} from "@defis/domain";
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { endOfParisDay, notDeletedBy, onOrBefore } from "../dashboard/day-sql.js";
import { milestonesKnownOn, tranchesKnownOn, weatherKnownOn } from "../dashboard/known-on.js";
import { loadStaleAfterDays, personOf } from "./follow-up-facts.js";

const { commentRevisions, comments, laureates, milestones, users, weatherReports } = schema;

const author = alias(users, "author");
const writer = alias(users, "writer");

/**
 * The milestones as known at the end of `day`, judged on that day. Title, due
 * day, status, reaching day and order are versioned (milestone_version); the
 * description and the evidence are not: they are today's. The writer of a
 * version is not kept either: the version's start stands for its update.
 */
async function milestonesOn(db: Executor, laureateId: number, day: string): Promise<MilestoneItem[]> {
  const known = milestonesKnownOn(db, day);
  const rows = await db
    .select({
      id: known.id,
      title: known.title,
      dueOn: known.dueOn,
      status: known.status,
      reachedOn: known.reachedOn,
      position: known.position,
      validFrom: known.validFrom,
      description: milestones.description,
      evidenceNote: milestones.evidenceNote,
      evidenceUrl: milestones.evidenceUrl,
      version: milestones.version,
      isDemo: milestones.isDemo,
    })
    .from(known)
    .innerJoin(milestones, eq(milestones.id, known.id))
    .where(eq(known.laureateId, laureateId))
    .orderBy(asc(known.position));
  const tranche = tranchesKnownOn(db, day);
  const gates = await db
    .select({ trancheId: tranche.id, milestoneId: tranche.gatingMilestoneId })
    .from(tranche)
    .where(and(eq(tranche.laureateId, laureateId), isNotNull(tranche.gatingMilestoneId)));
  return rows.map(({ validFrom, ...milestone }) => ({
    ...milestone,
    state: milestoneState(milestone, day),
    daysLate: daysLate(milestone, day),
    updatedAt: validFrom,
    updatedBy: null,
    gatedTrancheIds: gates.filter((gate) => gate.milestoneId === milestone.id).map((gate) => gate.trancheId),
  }));
}

/** The météo of the periods up to the day's, as worded at its end (weather_report_version). */
async function weatherOn(db: Executor, laureateId: number, day: string): Promise<WeatherReportItem[]> {
  const known = weatherKnownOn(db, day);
  const rows = await db
    .select({
      id: known.id,
      period: known.period,
      level: known.level,
      synthesis: known.synthesis,
      validFrom: known.validFrom,
      version: weatherReports.version,
      isDemo: weatherReports.isDemo,
    })
    .from(known)
    .innerJoin(weatherReports, eq(weatherReports.id, known.id))
    .where(and(eq(known.laureateId, laureateId), lte(known.period, periodOf(day))))
    .orderBy(desc(known.period));
  return rows.map(({ validFrom, ...report }) => ({ ...report, updatedAt: validFrom, updatedBy: null }));
}

/**
 * The comments written by the end of `day`, each worded as it stood then. A
 * comment_revision row keeps a wording the comment had before an edit (its
 * version, when and by whom it was written); the comment row holds the
 * latest. The wording of the day is the comment's own when its last edit came
 * by the end of the day, else the newest revision written by then; the
 * revisions listed are the wordings before it.
 */
async function commentsOn(db: Executor, laureateId: number, day: string): Promise<CommentItem[]> {
  const rows = await db
    .select({
      comment: comments,
      authorName: author.displayName,
      writerName: writer.displayName,
      lastEditKnown: sql<boolean>`${comments.updatedAt} < ${endOfParisDay(day)}`,
    })
    .from(comments)
    .leftJoin(author, eq(author.id, comments.authorId))
    .leftJoin(writer, eq(writer.id, comments.updatedBy))
    .where(
      and(
        eq(comments.laureateId, laureateId),
        onOrBefore(comments.createdAt, day),
        notDeletedBy(comments.deletedAt, day),
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id));
  const ids = rows.map((row) => row.comment.id);
  const revisions =
    ids.length === 0
      ? []
      : await db
          .select({ revision: commentRevisions, writerName: writer.displayName })
          .from(commentRevisions)
          .leftJoin(writer, eq(writer.id, commentRevisions.writtenBy))
          .where(and(inArray(commentRevisions.commentId, ids), onOrBefore(commentRevisions.writtenAt, day)))
          .orderBy(desc(commentRevisions.version));
  return rows.flatMap(({ comment, authorName, writerName, lastEditKnown }) => {
    const wordings = revisions
      .filter(({ revision }) => revision.commentId === comment.id)
      .map(({ revision, writerName: name }) => ({
        version: revision.version,
        body: revision.body,
        writtenAt: revision.writtenAt,
        writtenBy: personOf(revision.writtenBy, name),
      }));
    const current = lastEditKnown
      ? {
          version: comment.version,
          body: comment.body,
          writtenAt: comment.updatedAt,
          writtenBy: personOf(comment.updatedBy, writerName),
        }
      : wordings.shift();
    // Each edit keeps the wording it replaced: a comment written by the day always has one.
    if (current === undefined) return [];
    return [
      {
        id: comment.id,
        kind: comment.kind,
        body: current.body,
        author: personOf(comment.authorId, authorName),
        createdAt: comment.createdAt,
        updatedAt: current.writtenAt,
        updatedBy: current.writtenBy,
        version: current.version,
        isDemo: comment.isDemo,
        revisions: wordings,
      },
    ];
  });
}

/**
 * The "Suivi" tab as known at the end of a past `day` ("état au"): read-only.
 * The freshness and the computed health are not recomputed for a day gone by
 * (the synthesis of /pilotage says the same): empty and null.
 */
export async function loadLaureateProgressOn(
  db: Executor,
  laureateSlug: string,
  day: string,
): Promise<LaureateProgress | null> {
  const [laureate] = await db
    .select({ id: laureates.id })
    .from(laureates)
    .where(eq(laureates.slug, laureateSlug));
  if (!laureate) return null;
  const milestoneItems = await milestonesOn(db, laureate.id, day);
  const weather = await weatherOn(db, laureate.id, day);
  const commentItems = await commentsOn(db, laureate.id, day);
  return {
    laureateSlug,
    today: day,
    past: day,
    currentPeriod: periodOf(day),
    staleAfterDays: await loadStaleAfterDays(db),
    milestones: milestoneItems,
    weather,
    comments: commentItems,
    freshness: [],
    lateIndicators: [],
    health: null,
  };
}
