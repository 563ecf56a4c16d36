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
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { endOfParisDay } from "../dashboard/day-sql.js";
import { fundingKnownOn, milestonesKnownOn, tranchesKnownOn } from "../dashboard/known-on.js";
import { readPaidByMonth, readPlannedByMonth } from "../dashboard/schedule-as-of.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { parisDay } from "../paris-day.js";
import { withGatingMilestone } from "./money-projections.js";
import { FUNDING_RECORD_COLUMNS } from "../laureates/laureate-columns.js";
import { latestPayments } from "./payment-queries.js";

const { allocationMovements, allocations, fundingRecords, laureates, tranches, users } = schema;

/**
 * Allocation, ledger, latest payments and the totals of all of one laureate at the end of `day`
 * (today by default), as known then: the schedule and its gates
 * (tranchesKnownOn, milestonesKnownOn), the movements and payments recorded
 * by then, the funding facts "engagé" reads (fundingKnownOn). Today, these
 * are the rows as they stand. "Engagé" on the day, by the rule every other
 * figure reads (isCommittedOn).
 */
export async function laureateFinance(
  db: Executor,
  laureateSlug: string,
  day = parisDay(),
): Promise<LaureateFinance> {
  const laureateId = await laureateIdOf(db, laureateSlug);
  const counterparts = alias(laureates, "counterpart");
  const [laureate] = await db
    .select({ fundingMode: laureates.fundingMode })
    .from(laureates)
    .where(eq(laureates.id, laureateId));
  const fundingMode = (laureate?.fundingMode ?? "non-precise") as FundingModeKey;
  const knownTranches = tranchesKnownOn(db, day);
  const knownGates = milestonesKnownOn(db, day);
  const knownFunding = fundingKnownOn(db, day);
  const endOfDay = endOfParisDay(day);
  const [[allocation], [funding], trancheRows, movements, [paymentRows, paymentTotals]] = await readTogether(
    db,
    [
      () =>
        db
          .select({
            originalAmountCents: allocations.originalAmountCents,
            isDemo: allocations.isDemo,
          })
          .from(allocations)
          .where(eq(allocations.laureateId, laureateId)),
      () =>
        db
          .select({
            ...FUNDING_RECORD_COLUMNS,
            conventionDate: knownFunding.conventionDate,
            ejNumber: knownFunding.ejNumber,
            version: fundingRecords.version,
          })
          .from(fundingRecords)
          .leftJoin(knownFunding, eq(knownFunding.laureateId, fundingRecords.laureateId))
          .where(eq(fundingRecords.laureateId, laureateId)),
      () =>
        db
          .select({
            id: knownTranches.id,
            kind: knownTranches.kind,
            position: knownTranches.position,
            plannedAmountCents: knownTranches.plannedAmountCents,
            plannedOn: knownTranches.plannedOn,
            status: knownTranches.status,
            serviceFaitOn: knownTranches.serviceFaitOn,
            paymentRequestedOn: knownTranches.paymentRequestedOn,
            paymentRequestReference: tranches.paymentRequestReference,
            paidOn: knownTranches.paidOn,
            cancelledOn: knownTranches.cancelledOn,
            cancellationReason: tranches.cancellationReason,
            gatingMilestoneId: knownTranches.gatingMilestoneId,
            gateTitle: knownGates.title,
            gateStatus: knownGates.status,
            version: tranches.version,
          })
          .from(knownTranches)
          .innerJoin(tranches, eq(tranches.id, knownTranches.id))
          .leftJoin(knownGates, eq(knownGates.id, knownTranches.gatingMilestoneId))
          .where(eq(knownTranches.laureateId, laureateId))
          .orderBy(asc(knownTranches.position)),
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
          .where(
            and(eq(allocationMovements.laureateId, laureateId), lt(allocationMovements.occurredAt, endOfDay)),
          )
          .orderBy(desc(allocationMovements.occurredAt), desc(allocationMovements.id)),
      () => latestPayments(db, laureateId, day),
    ],
  );
  // The ledger keeps the allocation equal to its movements and its paid amount to its payments:
  // summed up to the day (the payments by the database), they are the allocation as it stood.
  const amountCents = movements.reduce((sum, movement) => sum + movement.deltaCents, 0);
  const paidCents = paymentTotals.totalCents;
  const committed = isCommittedOn(fundingMode, funding ?? null, day);
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
    allocation: allocation && movements.length > 0 ? { ...allocation, amountCents, paidCents } : null,
    committed,
    commitmentDefinition: COMMITMENT_DEFINITIONS[fundingMode],
    remainingToPay: remainingToPay(committed, amountCents, paidCents),
    movements: movements.map(({ counterpartSlug, counterpartTitle, ...movement }) => ({
      ...movement,
      counterpart:
        counterpartSlug && counterpartTitle ? { slug: counterpartSlug, title: counterpartTitle } : null,
    })),
    payments: paymentRows,
    paymentTotals,
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
