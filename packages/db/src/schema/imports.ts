import {
  IMPORT_JOB_STATUSES,
  IMPORT_KINDS,
  keysOf,
  type ImportReport,
  type MeasureImportReport,
} from "@defis/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { identityKey, writtenAt } from "./columns.js";

/**
 * An import of a relevé de paiements (or of measures), run as a job: the request that sends
 * the file only records it; the evaluation then runs in small steps, its
 * progress written here, and the payments are written at the end in one
 * short transaction that also marks the job done. The page follows the job
 * by its id, so closing the browser does not stop it.
 */
export const importJobs = pgTable(
  "import_job",
  {
    id: identityKey(),
    /** What the file imports: each page follows the jobs of its own kind. */
    kind: text("kind", { enum: keysOf(IMPORT_KINDS) })
      .notNull()
      .default("paiements"),
    mode: text("mode", { enum: ["simulation", "application"] }).notNull(),
    status: text("status", { enum: keysOf(IMPORT_JOB_STATUSES) })
      .notNull()
      .default("en_attente"),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    sha256: text("sha256").notNull(),
    requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: writtenAt("created_at"),
    /** Written with every step: a job whose process died stops moving. */
    heartbeatAt: writtenAt("heartbeat_at"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    rowsRead: integer("rows_read").notNull().default(0),
    matched: integer("matched").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    /** Asked by the cancel button; the job stops at its next step, having written nothing. */
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    message: text("message"),
    report: jsonb("report").$type<ImportReport | MeasureImportReport>(),
  },
  (table) => [
    index("import_job_created_idx").on(table.createdAt),
    // One job at a time, whichever instance takes it: a second insert fails on this index.
    uniqueIndex("import_job_one_active")
      .on(sql`(true)`)
      .where(sql`${table.status} in ('en_attente', 'en_cours')`),
    check(
      "import_job_counts_positive",
      sql`${table.rowsRead} >= 0 and ${table.matched} >= 0 and ${table.refused} >= 0 and ${table.duplicates} >= 0`,
    ),
  ],
);
