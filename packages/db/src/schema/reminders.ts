import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { keysOf, MAIL_KINDS, MAIL_STATUSES } from "@defis/domain";
import { userReference } from "./accounts.js";
import { identityKey, writtenAt } from "./columns.js";

/**
 * Recurring jobs, scheduled in the database so that several API instances run
 * each occurrence once: an instance claims it by moving `next_run_at` forward
 * in one conditional UPDATE, and only the one whose UPDATE matched runs it.
 */
export const scheduledJobs = pgTable("scheduled_job", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }),
  lastOutcome: text("last_outcome"),
});

/**
 * Every mail the application writes, kept: delivered through SMTP when a
 * server is configured, read on the outbox page in embedded or demo mode.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: identityKey(),
    kind: text("kind", { enum: keysOf(MAIL_KINDS) }).notNull(),
    recipientUserId: userReference("recipient_user_id"),
    recipientEmail: text("recipient_email").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The job occurrence that wrote it ("rappels:2026-11-23"): a rerun writes nothing twice. */
    occurrence: text("occurrence").notNull(),
    status: text("status", { enum: keysOf(MAIL_STATUSES) })
      .notNull()
      .default("a_envoyer"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: writtenAt("created_at"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    index("mail_outbox_status_idx").on(table.status, table.createdAt),
    index("mail_outbox_created_idx").on(table.createdAt),
    uniqueIndex("mail_outbox_occurrence_unique").on(table.occurrence, table.kind, table.recipientEmail),
    check("mail_outbox_attempts_positive", sql`${table.attempts} >= 0`),
  ],
);
