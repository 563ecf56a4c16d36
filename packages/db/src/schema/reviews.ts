import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { DECISION_STATUSES, keysOf, type ReviewSnapshot } from "@defis/domain";
import { userReference } from "./accounts.js";
import { demonstrationFlag, identityKey, versionNumber, writtenAt } from "./columns.js";
import { laureateReference } from "./laureates.js";
import { isOneOf } from "./vocabulary.js";

/**
 * A portfolio review (COPIL): the figures and every laureate's sheet as they
 * stood at the end of `as_of`, frozen when the review is opened, so that the
 * next review compares against what was actually shown, whatever was entered
 * with a past date afterwards. One review per day.
 */
export const portfolioReviews = pgTable(
  "portfolio_review",
  {
    id: identityKey(),
    asOf: date("as_of").notNull(),
    title: text("title").notNull(),
    snapshot: jsonb("snapshot").$type<ReviewSnapshot>().notNull(),
    openedBy: userReference("opened_by"),
    openedAt: writtenAt("opened_at"),
    isDemo: demonstrationFlag(),
  },
  (table) => [
    uniqueIndex("portfolio_review_as_of_unique").on(table.asOf),
    check("portfolio_review_title_given", sql`length(btrim(${table.title})) >= 3`),
  ],
);

/**
 * A decision taken in a review (COPIL): what, who owns it (a name, often of
 * someone outside the tool), by when. `status` and `status_note` are the last
 * noted, for the list of decisions due; the history lives in
 * `review_decision_update`, so that each review shows the status as it stood
 * then. « En retard » is computed from `due_on`, never stored.
 */
export const reviewDecisions = pgTable(
  "review_decision",
  {
    id: identityKey(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => portfolioReviews.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    owner: text("owner").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: keysOf(DECISION_STATUSES) })
      .notNull()
      .default("en_cours"),
    statusNote: text("status_note"),
    version: versionNumber(),
    createdBy: userReference("created_by"),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
    isDemo: demonstrationFlag(),
  },
  (table) => [
    index("review_decision_review_idx").on(table.reviewId),
    index("review_decision_due_idx").on(table.status, table.dueOn),
    check("review_decision_status_known", isOneOf(table.status, keysOf(DECISION_STATUSES))),
    check("review_decision_text_given", sql`length(btrim(${table.text})) >= 5`),
    check("review_decision_owner_given", sql`length(btrim(${table.owner})) >= 2`),
  ],
);

/** The laureates a decision concerns: none for a decision about the whole programme. */
export const reviewDecisionLaureates = pgTable(
  "review_decision_laureate",
  {
    decisionId: integer("decision_id")
      .notNull()
      .references(() => reviewDecisions.id, { onDelete: "cascade" }),
    laureateId: laureateReference(),
  },
  (table) => [
    primaryKey({ columns: [table.decisionId, table.laureateId] }),
    index("review_decision_laureate_idx").on(table.laureateId),
  ],
);

/** Each status noted for a decision, in the review where it was noted. */
export const reviewDecisionUpdates = pgTable(
  "review_decision_update",
  {
    id: identityKey(),
    decisionId: integer("decision_id")
      .notNull()
      .references(() => reviewDecisions.id, { onDelete: "cascade" }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => portfolioReviews.id, { onDelete: "cascade" }),
    status: text("status", { enum: keysOf(DECISION_STATUSES) }).notNull(),
    note: text("note"),
    notedBy: userReference("noted_by"),
    notedAt: writtenAt("noted_at"),
    isDemo: demonstrationFlag(),
  },
  (table) => [
    index("review_decision_update_decision_idx").on(table.decisionId, table.reviewId),
    check("review_decision_update_status_known", isOneOf(table.status, keysOf(DECISION_STATUSES))),
  ],
);
