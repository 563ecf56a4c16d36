import { keysOf, MILESTONE_STATUSES, TRANCHE_KINDS, TRANCHE_STATUSES, WEATHER_LEVELS } from "@defis/domain";
import { bigint, date, index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * System-versioned history: what a row said, and from when to when the
 * application knew it so. Written only by the database's triggers on the
 * current table (migration 0013), whatever writes it (commands, ledger,
 * import, seeds), so that "as known at the end of a day" reads the version
 * valid then: a tranche created or re-planned later, a milestone reached
 * later, a convention entered later do not count. `validTo` is null for the
 * version in force. Read through apps/api/src/dashboard/known-on.ts only.
 */
const validity = () => ({
  validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
  validTo: timestamp("valid_to", { withTimezone: true }),
});

/** The tranche columns the figures of a past day read (schedule, steps, gate). */
export const trancheVersions = pgTable(
  "tranche_version",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    trancheId: integer("tranche_id").notNull(),
    laureateId: integer("laureate_id").notNull(),
    kind: text("kind", { enum: keysOf(TRANCHE_KINDS) }).notNull(),
    position: integer("position").notNull(),
    plannedAmountCents: bigint("planned_amount_cents", { mode: "number" }).notNull(),
    plannedOn: date("planned_on").notNull(),
    gatingMilestoneId: integer("gating_milestone_id"),
    status: text("status", { enum: keysOf(TRANCHE_STATUSES) }).notNull(),
    serviceFaitOn: date("service_fait_on"),
    paymentRequestedOn: date("payment_requested_on"),
    paidOn: date("paid_on"),
    cancelledOn: date("cancelled_on"),
    ...validity(),
  },
  (table) => [
    index("tranche_version_row_idx").on(table.trancheId, table.validFrom),
    index("tranche_version_validity_idx").on(table.validFrom, table.validTo),
  ],
);

/** The milestone columns the figures of a past day read (plan, status, reaching). */
export const milestoneVersions = pgTable(
  "milestone_version",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    milestoneId: integer("milestone_id").notNull(),
    laureateId: integer("laureate_id").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: keysOf(MILESTONE_STATUSES) }).notNull(),
    reachedOn: date("reached_on"),
    position: integer("position").notNull(),
    ...validity(),
  },
  (table) => [
    index("milestone_version_row_idx").on(table.milestoneId, table.validFrom),
    index("milestone_version_validity_idx").on(table.validFrom, table.validTo),
  ],
);

/** The funding facts "engagé" reads (convention date, EJ). */
export const fundingRecordVersions = pgTable(
  "funding_record_version",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    laureateId: integer("laureate_id").notNull(),
    conventionDate: date("convention_date"),
    ejNumber: text("ej_number"),
    ...validity(),
  },
  (table) => [index("funding_record_version_row_idx").on(table.laureateId, table.validFrom)],
);

/** The météo declared for a period, as it was worded then (a declaration may be corrected later). */
export const weatherReportVersions = pgTable(
  "weather_report_version",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    weatherReportId: integer("weather_report_id").notNull(),
    laureateId: integer("laureate_id").notNull(),
    period: text("period").notNull(),
    level: text("level", { enum: keysOf(WEATHER_LEVELS) }).notNull(),
    synthesis: text("synthesis").notNull(),
    ...validity(),
  },
  (table) => [
    index("weather_report_version_row_idx").on(table.weatherReportId, table.validFrom),
    index("weather_report_version_laureate_idx").on(table.laureateId, table.period),
  ],
);

/** An indicator's measure as it was worded, and who wrote it: a correction keeps the value it replaced. */
export const indicatorMeasureVersions = pgTable(
  "indicator_measure_version",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    measureId: integer("measure_id").notNull(),
    indicatorId: integer("indicator_id").notNull(),
    laureateId: integer("laureate_id").notNull(),
    measuredOn: date("measured_on").notNull(),
    value: numeric("value", { precision: 16, scale: 2, mode: "number" }).notNull(),
    source: text("source").notNull(),
    comment: text("comment").notNull(),
    writtenBy: integer("written_by"),
    ...validity(),
  },
  (table) => [
    index("indicator_measure_version_row_idx").on(table.measureId, table.validFrom),
    index("indicator_measure_version_indicator_idx").on(table.indicatorId, table.measuredOn),
  ],
);
