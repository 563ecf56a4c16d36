import { sql } from "drizzle-orm";
import { check, date, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { ReviewSnapshot } from "@defis/domain";
import { userReference } from "./accounts.js";
import { demonstrationFlag, identityKey, writtenAt } from "./columns.js";

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
