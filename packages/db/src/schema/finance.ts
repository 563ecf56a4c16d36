import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { keysOf, PAYMENT_CONDITIONS, PAYMENT_SOURCES, TRANCHE_KINDS, TRANCHE_STATUSES } from "@defis/domain";
import { userReference } from "./accounts.js";
import { laureateReference, laureates } from "./laureates.js";
import { milestones } from "./progress.js";
import { demonstrationFlag, identityKey, versionNumber, writtenAt } from "./columns.js";

/** How a laureate is funded, and what open data needs to publish it. */
export const fundingRecords = pgTable(
  "funding_record",
  {
    laureateId: integer("laureate_id")
      .primaryKey()
      .references(() => laureates.id),
    /** Date of the funding agreement (subvention) or of the transfer decision. */
    conventionDate: date("convention_date"),
    /** Chorus legal commitment: once signed, the allocation is committed (AE consumed). */
    ejNumber: text("ej_number"),
    siret: text("siret"),
    rna: text("rna"),
    paymentConditions: text("payment_conditions", { enum: keysOf(PAYMENT_CONDITIONS) }),
    version: versionNumber(),
    isDemo: demonstrationFlag(),
    updatedAt: writtenAt("updated_at"),
  },
  (table) => [
    uniqueIndex("funding_record_ej_unique").on(table.ejNumber),
    check("funding_record_ej_format", sql`${table.ejNumber} is null or ${table.ejNumber} ~ '^[0-9]{10}$'`),
    check("funding_record_siret_format", sql`${table.siret} is null or ${table.siret} ~ '^[0-9]{14}$'`),
    check("funding_record_rna_format", sql`${table.rna} is null or ${table.rna} ~ '^W[0-9]{9}$'`),
  ],
);

/** One planned payment of a laureate's schedule, and where it stands. */
export const tranches = pgTable(
  "tranche",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    kind: text("kind", { enum: keysOf(TRANCHE_KINDS) }).notNull(),
    position: integer("position").notNull(),
    plannedAmountCents: bigint("planned_amount_cents", { mode: "number" }).notNull(),
    plannedOn: date("planned_on").notNull(),
    /** The milestone that must be reached before "service fait". */
    gatingMilestoneId: integer("gating_milestone_id").references(() => milestones.id),
    status: text("status", { enum: keysOf(TRANCHE_STATUSES) })
      .notNull()
      .default("prevu"),
    serviceFaitOn: date("service_fait_on"),
    serviceFaitBy: userReference("service_fait_by"),
    paymentRequestedOn: date("payment_requested_on"),
    paymentRequestedBy: userReference("payment_requested_by"),
    /** Number of the demande de paiement. */
    paymentRequestReference: text("payment_request_reference"),
    paidOn: date("paid_on"),
    paidBy: userReference("paid_by"),
    cancelledOn: date("cancelled_on"),
    cancelledBy: userReference("cancelled_by"),
    cancellationReason: text("cancellation_reason"),
    version: versionNumber(),
    isDemo: demonstrationFlag(),
  },
  (table) => [
    index("tranche_laureate_idx").on(table.laureateId, table.position),
    index("tranche_planned_idx").on(table.plannedOn),
    check("tranche_amount_positive", sql`${table.plannedAmountCents} > 0`),
  ],
);

/**
 * Money actually paid, never edited: a correction is a reversal (negative
 * amount) pointing to the payment it cancels, with its reason.
 */
export const payments = pgTable(
  "payment",
  {
    id: identityKey(),
    laureateId: laureateReference(),
    trancheId: integer("tranche_id").references(() => tranches.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    paidOn: date("paid_on").notNull(),
    reference: text("reference"),
    reversesPaymentId: integer("reverses_payment_id"),
    reason: text("reason"),
    source: text("source", { enum: keysOf(PAYMENT_SOURCES) })
      .notNull()
      .default("saisie"),
    actorUserId: userReference("actor_user_id"),
    createdAt: writtenAt("created_at"),
    isDemo: demonstrationFlag(),
  },
  (table) => [
    index("payment_laureate_idx").on(table.laureateId, table.paidOn),
    index("payment_paid_on_idx").on(table.paidOn),
    // A past day leaves out the payments recorded after it (entered late, dated back): few, found here.
    index("payment_created_idx").on(table.createdAt),
    // A payment is reversed at most once.
    uniqueIndex("payment_reversal_unique").on(table.reversesPaymentId),
    check(
      "payment_sign_matches_kind",
      sql`(${table.reversesPaymentId} is null and ${table.amountCents} > 0)
        or (${table.reversesPaymentId} is not null and ${table.amountCents} < 0 and ${table.reason} is not null)`,
    ),
  ],
);

/**
 * Σ payments by calendar month (`month` is its first day), kept by statement
 * triggers on `payment` (migration 0006), whatever writes the payments: the
 * monthly figures read a few dozen rows instead of every payment line.
 */
export const paymentMonths = pgTable("payment_month", {
  month: date("month").primaryKey(),
  paidCents: bigint("paid_cents", { mode: "number" }).notNull(),
});

/** The first answer to each idempotency key, returned again to a retry. */
export const idempotencyKeys = pgTable("idempotency_key", {
  key: text("key").primaryKey(),
  procedure: text("procedure").notNull(),
  userId: userReference("user_id"),
  requestHash: text("request_hash").notNull(),
  response: jsonb("response").notNull(),
  createdAt: writtenAt("created_at"),
});

/**
 * A gap between a laureate's schedule (Σ planned, cancelled tranches
 * excepted) and its allocation that the officer chose to keep, with the
 * reason. It holds for that gap only: once the gap moves, the page asks again.
 */
export const scheduleGapAcceptances = pgTable("schedule_gap_acceptance", {
  laureateId: integer("laureate_id")
    .primaryKey()
    .references(() => laureates.id),
  gapCents: bigint("gap_cents", { mode: "number" }).notNull(),
  reason: text("reason").notNull(),
  actorUserId: userReference("actor_user_id"),
  acceptedAt: writtenAt("accepted_at"),
});
