import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  daysLate,
  isStale,
  milestoneState,
  periodOf,
  type CommentItem,
  type FollowUpSettings,
  type LaureateProgress,
  type MilestoneItem,
  type WeatherReportItem,
} from "@defis/domain";
import { asc, desc, eq, inArray, isNotNull, isNull, and } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { parisDay } from "../paris-day.js";
import {
  FRESHNESS_PART_KEYS,
  healthSummaryOf,
  loadFollowUpFacts,
  loadStaleAfterDays,
  personOf,
} from "./follow-up-facts.js";

const {
  commentRevisions,
  comments,
  followUpSettings,
  laureates,
  milestones,
  tranches,
  users,
  weatherReports,
} = schema;

const editor = alias(users, "editor");
const author = alias(users, "author");

async function loadMilestones(db: Executor, laureateId: number, today: string): Promise<MilestoneItem[]> {
  const rows = await db
    .select({ milestone: milestones, editorId: editor.id, editorName: editor.displayName })
    .from(milestones)
    .leftJoin(editor, eq(editor.id, milestones.updatedBy))
    .where(eq(milestones.laureateId, laureateId))
    .orderBy(asc(milestones.position));
  const gates = await db
    .select({ trancheId: tranches.id, milestoneId: tranches.gatingMilestoneId })
    .from(tranches)
    .where(and(eq(tranches.laureateId, laureateId), isNotNull(tranches.gatingMilestoneId)));
  return rows.map(({ milestone, editorId, editorName }) => ({
    id: milestone.id,
    title: milestone.title,
    description: milestone.description,
    dueOn: milestone.dueOn,
    status: milestone.status,
    state: milestoneState(milestone, today),
    daysLate: daysLate(milestone, today),
    reachedOn: milestone.reachedOn,
    evidenceNote: milestone.evidenceNote,
    evidenceUrl: milestone.evidenceUrl,
    position: milestone.position,
    version: milestone.version,
    isDemo: milestone.isDemo,
    updatedAt: milestone.updatedAt,
    updatedBy: personOf(editorId, editorName),
    gatedTrancheIds: gates.filter((gate) => gate.milestoneId === milestone.id).map((gate) => gate.trancheId),
  }));
}

async function loadWeather(db: Executor, laureateId: number): Promise<WeatherReportItem[]> {
  const rows = await db
    .select({ report: weatherReports, editorId: editor.id, editorName: editor.displayName })
    .from(weatherReports)
    .leftJoin(editor, eq(editor.id, weatherReports.updatedBy))
    .where(eq(weatherReports.laureateId, laureateId))
    .orderBy(desc(weatherReports.period));
  return rows.map(({ report, editorId, editorName }) => ({
    id: report.id,
    period: report.period,
    level: report.level,
    synthesis: report.synthesis,
    version: report.version,
    isDemo: report.isDemo,
    updatedAt: report.updatedAt,
    updatedBy: personOf(editorId, editorName),
  }));
}

async function loadComments(db: Executor, laureateId: number): Promise<CommentItem[]> {
  const rows = await db
    .select({
      comment: comments,
      authorName: author.displayName,
      editorId: editor.id,
      editorName: editor.displayName,
    })
    .from(comments)
    .leftJoin(author, eq(author.id, comments.authorId))
    .leftJoin(editor, eq(editor.id, comments.updatedBy))
    .where(and(eq(comments.laureateId, laureateId), isNull(comments.deletedAt)))
    .orderBy(desc(comments.createdAt), desc(comments.id));
  const ids = rows.map((row) => row.comment.id);
  const revisions =
    ids.length === 0
      ? []
      : await db
          .select({ revision: commentRevisions, editorName: editor.displayName })
          .from(commentRevisions)
          .leftJoin(editor, eq(editor.id, commentRevisions.writtenBy))
          .where(inArray(commentRevisions.commentId, ids))
          .orderBy(desc(commentRevisions.version));
  return rows.map(({ comment, authorName, editorId, editorName }) => ({
    id: comment.id,
    kind: comment.kind,
    body: comment.body,
    author: personOf(comment.authorId, authorName),
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    updatedBy: personOf(editorId, editorName),
    version: comment.version,
    isDemo: comment.isDemo,
    revisions: revisions
      .filter(({ revision }) => revision.commentId === comment.id)
      .map(({ revision, editorName: writerName }) => ({
        version: revision.version,
        body: revision.body,
        writtenAt: revision.writtenAt,
        writtenBy: personOf(revision.writtenBy, writerName),
      })),
  }));
}

/** Everything the laureate page shows of the follow-up: milestones, météo, comments, freshness, health. */
export async function loadLaureateProgress(
  db: Executor,
  laureateSlug: string,
  today: string,
): Promise<LaureateProgress | null> {
  const [laureate] = await db
    .select({ id: laureates.id })
    .from(laureates)
    .where(eq(laureates.slug, laureateSlug));
  if (!laureate) return null;
  const [milestoneItems, weather, commentItems, staleAfterDays, factsById] = await readTogether(db, [
    () => loadMilestones(db, laureate.id, today),
    () => loadWeather(db, laureate.id),
    () => loadComments(db, laureate.id),
    () => loadStaleAfterDays(db),
    () => loadFollowUpFacts(db, [laureate.id], today),
  ]);
  const facts = factsById.get(laureate.id);
  if (!facts) throw new Error("Faits de suivi introuvables.");
  return {
    laureateSlug,
    today,
    past: null,
    currentPeriod: periodOf(today),
    staleAfterDays,
    milestones: milestoneItems,
    weather,
    comments: commentItems,
    freshness: FRESHNESS_PART_KEYS.map((part) => {
      const entry = facts.freshness[part];
      return {
        part,
        updatedAt: entry?.updatedAt ?? null,
        updatedBy: entry?.updatedBy ?? null,
        stale: isStale(entry ? parisDay(entry.updatedAt) : null, today, staleAfterDays),
      };
    }),
    lateIndicators: [...facts.health.lateIndicators],
    health: healthSummaryOf(facts, today, staleAfterDays),
  };
}

export async function loadFollowUpSettings(db: Executor): Promise<FollowUpSettings> {
  const [row] = await db
    .select({ settings: followUpSettings, editorId: editor.id, editorName: editor.displayName })
    .from(followUpSettings)
    .leftJoin(editor, eq(editor.id, followUpSettings.updatedBy));
  if (!row) throw new Error("Les réglages du suivi sont absents : la base n'a pas été préparée.");
  return {
    staleAfterDays: row.settings.staleAfterDays,
    version: row.settings.version,
    updatedAt: row.settings.updatedAt,
    updatedBy: personOf(row.editorId, row.editorName),
  };
}
