import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, pgTable, text } from "drizzle-orm/pg-core";
import { keysOf, PROGRAMME_STATUSES } from "@defis/domain";
import { identityKey, versionNumber, writtenAt } from "./columns.js";

export const programmes = pgTable(
  "programme",
  {
    id: identityKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    steeredBy: text("steered_by").notNull(),
    fundedBy: text("funded_by").notNull(),
    envelopeCents: bigint("envelope_cents", { mode: "number" }).notNull(),
    /** Σ allocations, kept by the transactions that change them: reserve = envelope − allocated. */
    allocatedCents: bigint("allocated_cents", { mode: "number" }).notNull().default(0),
    applicationsOpenOn: date("applications_open_on").notNull(),
    applicationsCloseOn: date("applications_close_on").notNull(),
    laureatesAnnouncedOn: date("laureates_announced_on").notNull(),
    status: text("status", { enum: keysOf(PROGRAMME_STATUSES) }).notNull(),
    sourceTitle: text("source_title").notNull(),
    sourcePublishedOn: date("source_published_on").notNull(),
    sourcePublisher: text("source_publisher").notNull(),
    createdAt: writtenAt("created_at"),
    /** The programme's end, set by an administrator; the announcement gives none. */
    endsOn: date("ends_on"),
    /** The day the envelope must be consumed by: the forecast says what would be paid after it. */
    consumptionDeadlineOn: date("consumption_deadline_on"),
    /** Set by the demonstration scenario rather than an administrator: labelled as such. */
    calendarIsDemo: boolean("calendar_is_demo").notNull().default(false),
    version: versionNumber(),
  },
  (table) => [
    check("programme_envelope_positive", sql`${table.envelopeCents} > 0`),
    // The database refuses any state where allocations exceed the envelope.
    check(
      "programme_allocated_within_envelope",
      sql`${table.allocatedCents} >= 0 and ${table.allocatedCents} <= ${table.envelopeCents}`,
    ),
  ],
);
