import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { ReviewSnapshot } from "@defis/domain";
import { users } from "./accounts.js";

/**
 * A portfolio review (COPIL): the figures and every laureate's sheet as they
 * stood at the end of `as_of`, frozen when the review is opened, so that the
 * next review compares against what was actually shown, whatever was entered
 * with a past date afterwards. One review per day.
 */
export const portfolioReviews = pgTable(
  "portfolio_review",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    asOf: date("as_of").notNull(),
    title: text("title").notNull(),
    snapshot: jsonb("snapshot").$type<ReviewSnapshot>().notNull(),
    openedBy: integer("opened_by").references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (table) => [
    uniqueIndex("portfolio_review_as_of_unique").on(table.asOf),
    check("portfolio_review_title_given", sql`length(btrim(${table.title})) >= 3`),
  ],
);
