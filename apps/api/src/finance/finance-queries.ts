import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  COMMITMENT_DEFINITIONS,
  isCommittedOn,
  remainingToPay,
  type FundingModeKey,
  type LaureateFinance,
  type MonthlyPayments,
} from "@defis/domain";
import { alias } from "drizzle-orm/pg-core";
import { asc, desc, eq } from "drizzle-orm";
import { readPaidByMonth, readPlannedByMonth } from "../dashboard/schedule-as-of.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { parisDay } from "../paris-day.js";
import {
  GATE_COLUMNS,
  GATE_JOIN,
  PAYMENT_COLUMNS,
  REVERSAL_JOIN,
  TRANCHE_COLUMNS,
  withGatingMilestone,
} from "./money-projections.js";
import { FUNDING_RECORD_COLUMNS } from "../laureates/laureate-columns.js";

const { allocationMovements, allocations, fundingRecords, laureates, payments, tranches, users } = schema;

/**
 * Allocation, ledger and payments of one laureate. "Engagé" on `today`, by
 * the rule every other figure reads (isCommittedOn).
 */
export async function laureateFinance(
  db: Executor,
  laureateSlug: string,
  today = parisDay(),
): Promise<LaureateFinance> {
  const laureateId = await laureateIdOf(db, laureateSlug);
  const counterparts = alias(laureates, "counterpart");
  const [laureate] = await db
    .select({ fundingMode: laureates.fundingMode })
    .from(laureates)
    .where(eq(laureates.id, laureateId));
  const fundingMode = (laureate?.fundingMode ?? "non-precise") as FundingModeKey;
  const [[allocation], [funding], trancheRows, movements, paymentRows] = await readTogether(db, [
    () =>
      db
        .select({
          amountCents: allocations.amountCents,
          originalAmountCents: allocations.originalAmountCents,
          paidCents: allocations.paidCents,
          isDemo: allocations.isDemo,
        })
        .from(allocations)
        .where(eq(allocations.laureateId, laureateId)),
    () =>
      db
        .select({
          ...FUNDING_RECORD_COLUMNS,
          version: fundingRecords.version,
        })
        .from(fundingRecords)
        .where(eq(fundingRecords.laureateId, laureateId)),
    () =>
      db
        .select({
          id: tranches.id,
          ...TRANCHE_COLUMNS,
          gatingMilestoneId: tranches.gatingMilestoneId,
          ...GATE_COLUMNS,
          version: tranches.version,
        })
        .from(tranches)
        .leftJoin(...GATE_JOIN)
        .where(eq(tranches.laureateId, laureateId))
        .orderBy(asc(tranches.position)),
    () =>
      db
        .select({
          id: allocationMovements.id,
          kind: allocationMovements.kind,
          deltaCents: allocationMovements.deltaCents,
          amountAfterCents: allocationMovements.amountAfterCents,
          reason: allocationMovements.reason,
          counterpartSlug: counterparts.slug,
          counterpartTitle: counterparts.title,
          actorName: users.displayName,
          occurredAt: allocationMovements.occurredAt,
        })
        .from(allocationMovements)
        .leftJoin(counterparts, eq(counterparts.id, allocationMovements.counterpartLaureateId))
        .leftJoin(users, eq(users.id, allocationMovements.actorUserId))
        .where(eq(allocationMovements.laureateId, laureateId))
        .orderBy(desc(allocationMovements.occurredAt), desc(allocationMovements.id)),
    () =>
      db
        .select({
          id: payments.id,
          trancheId: payments.trancheId,
          ...PAYMENT_COLUMNS,
        })
        .from(payments)
        .leftJoin(...REVERSAL_JOIN)
        .where(eq(payments.laureateId, laureateId))
        .orderBy(asc(payments.paidOn), asc(payments.id)),
  ]);
  const committed = isCommittedOn(fundingMode, funding ?? null, today);
  return {
    laureateSlug,
    funding: funding
      ? { ...funding, fundingMode }
      : {
          fundingMode,
          conventionDate: null,
          ejNumber: null,
          siret: null,
          rna: null,
          paymentConditions: null,
          version: 0,
        },
    tranches: trancheRows.map(withGatingMilestone),
    allocation: allocation ?? null,
    committed,
    commitmentDefinition: COMMITMENT_DEFINITIONS[fundingMode],
    remainingToPay: remainingToPay(committed, allocation?.amountCents ?? 0, allocation?.paidCents ?? 0),
    movements: movements.map(({ counterpartSlug, counterpartTitle, ...movement }) => ({
      ...movement,
      counterpart:
        counterpartSlug && counterpartTitle ? { slug: counterpartSlug, title: counterpartTitle } : null,
    })),
    payments: paymentRows,
  };
}

/**
 * Planned (tranches not cancelled) and actual payments by month, for the
 * whole programme, at the end of `day`: the dashboard's curve
 * (schedule-as-of.ts), so /finances and /pilotage give the same months.
 */
export async function monthlyPayments(db: Executor, day: string): Promise<MonthlyPayments[]> {
  const [planned, paid] = await readTogether(db, [
    () => readPlannedByMonth(db, day),
    () => readPaidByMonth(db, day),
  ]);
  // The database sums; here the two short monthly lists are only laid side by side.
  const months = new Map<string, MonthlyPayments>();
  const monthOf = (month: string) => months.get(month) ?? { month, plannedCents: 0, paidCents: 0 };
  for (const row of planned) months.set(row.month, { ...monthOf(row.month), plannedCents: row.cents });
  for (const row of paid) {
    const month = monthOf(row.month);
    months.set(row.month, { ...month, paidCents: month.paidCents + row.cents });
  }
  return [...months.values()]
    .filter((month) => month.plannedCents !== 0 || month.paidCents !== 0)
    .sort((left, right) => left.month.localeCompare(right.month));
}
