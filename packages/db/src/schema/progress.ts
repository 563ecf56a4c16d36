import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { COMMENT_KINDS, FRESHNESS_PARTS, keysOf, MILESTONE_STATUSES, WEATHER_LEVELS } from "@defis/domain";
import { userReference } from "./accounts.js";
import { laureateReference } from "./laureates.js";
import { demonstrationFlag, identityKey, versionNumber, writtenAt } from "./columns.js";

/** What a follow-up record keeps of its edits: its version, and who changed it last, when. */
const editTracking = () => ({
  version: versionNumber(),
  isDemo: demonstrationFlag(),
  createdAt: writtenAt("created_at"),
  updatedAt: writtenAt("updated_at"),
  updatedBy: userReference("updated_by"),
});

/** A dated step of a laureate's project; "en retard" is derived, never stored. */
export const milestones = pgTable(
  "milestone",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: keysOf(MILESTONE_STATUSES) })
      .notNull()
      .default("a_venir"),
    reachedOn: date("reached_on"),
    evidenceNote: text("evidence_note").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    position: integer("position").notNull(),
    ...editTracking(),
  },
  (table) => [
    index("milestone_laureate_idx").on(table.laureateId, table.position),
    // Leads with the due day for the late milestones, and holds what the dashboard counts by
    // (due day, reached day, status), so the count reads the index alone.
    index("milestone_due_idx").on(table.dueOn, table.reachedOn, table.status),
    // A reached milestone says when; no other status carries that date.
    check("milestone_reached_dated", sql`(${table.status} = 'atteint') = (${table.reachedOn} is not null)`),
  ],
);

/** The weather a laureate declares for one reporting period (a month), with its synthesis. */
export const weatherReports = pgTable(
  "weather_report",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    /** Reporting period, "YYYY-MM". */
    period: text("period").notNull(),
    level: text("level", { enum: keysOf(WEATHER_LEVELS) }).notNull(),
    synthesis: text("synthesis").notNull(),
    ...editTracking(),
  },
  (table) => [
    uniqueIndex("weather_report_period_unique").on(table.laureateId, table.period),
    check("weather_report_period_format", sql`${table.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("weather_report_synthesis_given", sql`length(btrim(${table.synthesis})) > 0`),
  ],
);

/** A typed note on a laureate; its earlier wordings are kept in comment_revision. */
export const comments = pgTable(
  "progress_comment",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    kind: text("kind", { enum: keysOf(COMMENT_KINDS) }).notNull(),
    body: text("body").notNull(),
    authorId: userReference("author_id"),
    ...editTracking(),
    /** A deleted comment leaves the pages but stays in the history: its last wording is in comment_revision. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: userReference("deleted_by"),
  },
  (table) => [
    index("progress_comment_laureate_idx").on(table.laureateId, table.createdAt),
    check("progress_comment_body_given", sql`length(btrim(${table.body})) > 0`),
  ],
);

/** A wording a comment had before an edit. */
export const commentRevisions = pgTable(
  "comment_revision",
  {
    id: identityKey(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id),
    /** The version the comment had with this body. */
    version: integer("version").notNull(),
    body: text("body").notNull(),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
    writtenBy: userReference("written_by"),
  },
  (table) => [uniqueIndex("comment_revision_unique").on(table.commentId, table.version)],
);

/**
 * When each part of a laureate's follow-up (finances, milestones, météo) was
 * last updated and by whom. Touched in the transaction of every change to the
 * part, and by a sponsor's guided update even when nothing changed: confirming
 * is an update.
 */
export const freshness = pgTable(
  "freshness",
  {
    laureateId: laureateReference(),
    part: text("part", { enum: keysOf(FRESHNESS_PARTS) }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: userReference("updated_by"),
  },
  (table) => [primaryKey({ columns: [table.laureateId, table.part] })],
);

/** Settings of the follow-up, one row: how many days before a part is stale. */
export const followUpSettings = pgTable(
  "follow_up_settings",
  {
    id: integer("id").primaryKey().default(1),
    staleAfterDays: integer("stale_after_days").notNull().default(30),
    version: versionNumber(),
    updatedAt: writtenAt("updated_at"),
    updatedBy: userReference("updated_by"),
  },
  (table) => [
    check("follow_up_settings_single_row", sql`${table.id} = 1`),
    check("follow_up_settings_cadence_range", sql`${table.staleAfterDays} between 7 and 365`),
  ],
);
