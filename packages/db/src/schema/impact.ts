import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  COMMON_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_PERIODICITIES,
  INDICATOR_STATUSES,
  INDICATOR_SUBJECTS,
  INDICATOR_UNITS,
  keysOf,
} from "@defis/domain";
import { userReference } from "./accounts.js";
import { laureateReference } from "./laureates.js";
import { demonstrationFlag, identityKey, versionNumber, writtenAt } from "./columns.js";

/** An indicator value: two decimals, read as a JavaScript number. */
const indicatorValue = (name: string) => numeric(name, { precision: 16, scale: 2, mode: "number" });

const editTracking = () => ({
  version: versionNumber(),
  isDemo: demonstrationFlag(),
  createdAt: writtenAt("created_at"),
  updatedAt: writtenAt("updated_at"),
  updatedBy: userReference("updated_by"),
});

/** The officers' catalogue of indicators that add up across laureates. */
export const commonIndicators = pgTable(
  "common_indicator",
  {
    id: identityKey(),
    name: text("name").notNull().unique(),
    unit: text("unit", { enum: keysOf(INDICATOR_UNITS) }).notNull(),
    unitLabel: text("unit_label").notNull().default(""),
    aggregation: text("aggregation", { enum: keysOf(COMMON_AGGREGATIONS) }).notNull(),
    description: text("description").notNull().default(""),
    ...editTracking(),
  },
  (table) => [check("common_indicator_name_given", sql`length(btrim(${table.name})) > 0`)],
);

/** What a laureate promised to change, from a baseline to a target. */
export const indicators = pgTable(
  "indicator",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    name: text("name").notNull(),
    unit: text("unit", { enum: keysOf(INDICATOR_UNITS) }).notNull(),
    unitLabel: text("unit_label").notNull().default(""),
    subject: text("subject", { enum: keysOf(INDICATOR_SUBJECTS) }).notNull(),
    direction: text("direction", { enum: keysOf(INDICATOR_DIRECTIONS) }).notNull(),
    baselineValue: indicatorValue("baseline_value").notNull(),
    baselineOn: date("baseline_on").notNull(),
    targetValue: indicatorValue("target_value").notNull(),
    targetOn: date("target_on").notNull(),
    periodicity: text("periodicity", { enum: keysOf(INDICATOR_PERIODICITIES) }).notNull(),
    source: text("source").notNull().default(""),
    method: text("method").notNull().default(""),
    commonIndicatorId: integer("common_indicator_id").references(() => commonIndicators.id),
    weight: indicatorValue("weight").notNull().default(1),
    status: text("status", { enum: keysOf(INDICATOR_STATUSES) }).notNull(),
    /** Who proposed it, when a sponsor did; the officer's answer and its reason. */
    proposedBy: userReference("proposed_by"),
    decidedBy: userReference("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    refusalReason: text("refusal_reason"),
    ...editTracking(),
  },
  (table) => [
    index("indicator_laureate_idx").on(table.laureateId, table.status),
    index("indicator_common_idx").on(table.commonIndicatorId),
    uniqueIndex("indicator_name_unique").on(table.laureateId, table.name),
    check("indicator_name_given", sql`length(btrim(${table.name})) > 0`),
    check("indicator_target_after_baseline", sql`${table.targetOn} > ${table.baselineOn}`),
    check("indicator_weight_positive", sql`${table.weight} > 0`),
    check(
      "indicator_target_in_direction",
      sql`(${table.direction} = 'hausse' and ${table.targetValue} > ${table.baselineValue})
        or (${table.direction} = 'baisse' and ${table.targetValue} < ${table.baselineValue})`,
    ),
    check(
      "indicator_refusal_reasoned",
      sql`(${table.status} = 'refuse') = (${table.refusalReason} is not null)`,
    ),
  ],
);

/** An intermediate target for one year of an indicator. */
export const indicatorYearlyTargets = pgTable(
  "indicator_yearly_target",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    value: indicatorValue("value").notNull(),
  },
  (table) => [primaryKey({ columns: [table.indicatorId, table.year] })],
);

/**
 * A measured value of an indicator on a day. One per indicator and day: a
 * re-import of the same measure changes nothing, and a correction edits the
 * row, its previous value kept in indicator_measure_version.
 */
export const indicatorMeasures = pgTable(
  "indicator_measure",
  {
    id: identityKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    /** The indicator's laureate, kept here for scope checks and the portfolio's reads. */
    laureateId: laureateReference(),
    measuredOn: date("measured_on").notNull(),
    value: indicatorValue("value").notNull(),
    source: text("source").notNull().default(""),
    comment: text("comment").notNull().default(""),
    /** Set when the measure came from an import: the file's journal entry. */
    importedFrom: text("imported_from"),
    createdBy: userReference("created_by"),
    ...editTracking(),
  },
  (table) => [
    uniqueIndex("indicator_measure_day_unique").on(table.indicatorId, table.measuredOn),
    index("indicator_measure_laureate_idx").on(table.laureateId, table.measuredOn),
  ],
);
