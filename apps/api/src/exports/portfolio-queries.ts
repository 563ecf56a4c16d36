import type { Database, Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { FundingModeKey, PaymentCondition } from "@defis/domain";
import { asc, eq, sql } from "drizzle-orm";
import { blockedByMilestoneSubquery, committedOnSql } from "../finance/money-figures-sql.js";
import { parisDay } from "../paris-day.js";
import {
  PAYMENT_COLUMNS,
  REVERSAL_JOIN,
  TRANCHE_COLUMNS,
  type TrancheFacts,
} from "../finance/money-projections.js";
import { FUNDING_RECORD_COLUMNS, LAUREATE_IDENTITY_COLUMNS } from "../laureates/laureate-columns.js";
import { inReadSnapshot, type SelectOf } from "./read-snapshot.js";

const { allocations, fundingRecords, laureates, payments, tranches } = schema;

/** A laureate with its allocation and funding record, as the exports show it. */
export interface LaureateMoneyRow {
  id: number;
  slug: string;
  title: string;
  porteur: string;
  ministry: string;
  category: string;
  territoryScope: "national" | "local";
  regionCode: string | null;
  departementCode: string | null;
  fundingMode: FundingModeKey;
  /** Null while no amount is allocated. */
  amountCents: number | null;
  originalAmountCents: number | null;
  paidCents: number | null;
  conventionDate: string | null;
  ejNumber: string | null;
  siret: string | null;
  rna: string | null;
  paymentConditions: PaymentCondition | null;
  /** Committed today by the rule of its funding mode (`isCommittedOn`). */
  committed: boolean;
  /** Planned money of open tranches whose gating milestone is not reached. */
  blockedByMilestoneCents: number;
}

export interface TrancheExportRow extends TrancheFacts {
  laureateId: number;
  laureateSlug: string;
  laureateTitle: string;
}

export interface PaymentExportRow {
  id: number;
  laureateId: number;
  laureateSlug: string;
  laureateTitle: string;
  paidOn: string;
  /** Negative for a reversal. */
  amountCents: number;
  reference: string | null;
  reversesPaymentId: number | null;
  /** The reversal that cancels this payment, if any. */
  reversedBy: number | null;
  reason: string | null;
  source: "saisie" | "import";
  trancheId: number | null;
  /** The position in its schedule of the tranche it pays. */
  tranchePosition: number | null;
}

/**
 * Every laureate, in the announcement's order, with what has been allocated,
 * committed and paid, and what a milestone holds back: committed and blocked
 * by the same SQL as /finances and /pilotage, on the same day.
 */
export function laureateMoneyRows(db: Executor, today = parisDay()): SelectOf<LaureateMoneyRow> {
  const blocked = blockedByMilestoneSubquery(db, today);
  return db
    .select({
      ...LAUREATE_IDENTITY_COLUMNS,
      category: laureates.category,
      territoryScope: laureates.territoryScope,
      regionCode: laureates.regionCode,
      departementCode: laureates.departementCode,
      fundingMode: sql<FundingModeKey>`${laureates.fundingMode}`,
      amountCents: allocations.amountCents,
      originalAmountCents: allocations.originalAmountCents,
      paidCents: allocations.paidCents,
      ...FUNDING_RECORD_COLUMNS,
      committed: committedOnSql(today),
      blockedByMilestoneCents: sql<number>`coalesce(${blocked.cents}, 0)::bigint`.mapWith(Number),
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .leftJoin(blocked, eq(blocked.laureateId, laureates.id))
    .orderBy(asc(laureates.position), asc(laureates.id));
}

/** Every tranche, laureate by laureate in the announcement's order, then in the schedule's order. */
export function trancheRows(db: Executor): SelectOf<TrancheExportRow> {
  return db
    .select({
      laureateId: laureates.id,
      laureateSlug: laureates.slug,
      laureateTitle: laureates.title,
      ...TRANCHE_COLUMNS,
    })
    .from(tranches)
    .innerJoin(laureates, eq(laureates.id, tranches.laureateId))
    .orderBy(asc(laureates.position), asc(tranches.position), asc(tranches.id));
}

/** Every payment and reversal, laureate by laureate, then by date. */
export function paymentRows(db: Executor): SelectOf<PaymentExportRow> {
  return db
    .select({
      id: payments.id,
      laureateId: laureates.id,
      laureateSlug: laureates.slug,
      laureateTitle: laureates.title,
      ...PAYMENT_COLUMNS,
      trancheId: payments.trancheId,
      tranchePosition: tranches.position,
    })
    .from(payments)
    .innerJoin(laureates, eq(laureates.id, payments.laureateId))
    .leftJoin(...REVERSAL_JOIN)
    .leftJoin(tranches, eq(tranches.id, payments.trancheId))
    .orderBy(asc(laureates.position), asc(payments.paidOn), asc(payments.id));
}

export interface PortfolioSnapshot {
  laureates: LaureateMoneyRow[];
  tranches: TrancheExportRow[];
  payments: PaymentExportRow[];
}

/**
 * The three tables read in one read-only snapshot: a payment recorded during
 * the export cannot show in one table and not in another.
 */
export function portfolioSnapshot(db: Database, today = parisDay()): Promise<PortfolioSnapshot> {
  return inReadSnapshot(db, async (tx) => ({
    laureates: await laureateMoneyRows(tx, today),
    tranches: await trancheRows(tx),
    payments: await paymentRows(tx),
  }));
}
