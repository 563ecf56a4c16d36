import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { trancheDaysLate, type ControlItem } from "@defis/domain";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { isLateTrancheSql } from "../finance/funding-rules-sql.js";
import { LAUREATE_NAME, parisDayText, anomalyBase } from "./control-rows.js";

const { allocationMovements, allocations, laureates, tranches } = schema;

/**
 * Schedules that do not follow their allocation, allocations without a
 * schedule, and tranches past their planned day (open and late by the rule of
 * `trancheDaysLate`, mirrored in SQL by `isLateTrancheSql`).
 */
export async function scheduleControls(db: Executor, today: string): Promise<ControlItem[]> {
  const planned = db
    .select({
      laureateId: tranches.laureateId,
      plannedCents: sql<string>`sum(${tranches.plannedAmountCents})`.as("planned_cents"),
    })
    .from(tranches)
    .where(ne(tranches.status, "annule"))
    .groupBy(tranches.laureateId)
    .as("planned");
  // Since the allocation last changed: the schedule was right, or was planned, before that.
  const lastChange = sql`(select max(${allocationMovements.occurredAt}) from ${allocationMovements}
    where ${allocationMovements.laureateId} = ${allocations.laureateId})`;
  const gaps = await db
    .select({
      ...LAUREATE_NAME,
      allocatedCents: allocations.amountCents,
      plannedCents: sql<number>`${planned.plannedCents}`.mapWith(Number),
      since: parisDayText(sql`coalesce(${lastChange}, ${allocations.updatedAt})`),
    })
    .from(allocations)
    .innerJoin(laureates, eq(laureates.id, allocations.laureateId))
    .innerJoin(planned, eq(planned.laureateId, allocations.laureateId))
    .where(sql`${planned.plannedCents} <> ${allocations.amountCents}`);
  const unscheduled = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: allocations.amountCents,
      since: parisDayText(allocations.createdAt),
    })
    .from(allocations)
    .innerJoin(laureates, eq(laureates.id, allocations.laureateId))
    .where(
      and(
        gt(allocations.amountCents, 0),
        sql`not exists (select 1 from ${tranches} where ${tranches.laureateId} = ${allocations.laureateId}
          and ${tranches.status} <> 'annule')`,
      ),
    );
  const late = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: tranches.plannedAmountCents,
      since: tranches.plannedOn,
      tranche: {
        kind: tranches.kind,
        position: tranches.position,
        status: tranches.status,
        plannedOn: tranches.plannedOn,
      },
    })
    .from(tranches)
    .innerJoin(laureates, eq(laureates.id, tranches.laureateId))
    .where(isLateTrancheSql(today));
  return [
    ...gaps.map(({ allocatedCents, plannedCents, ...row }) => ({
      ...anomalyBase({ ...row, amountCents: allocatedCents - plannedCents }),
      kind: "prevu_different_alloue" as const,
      plannedCents,
      allocatedCents,
    })),
    ...late.map(({ tranche, ...row }) => ({
      ...anomalyBase(row),
      kind: "tranche_en_retard" as const,
      tranche,
      daysLate: trancheDaysLate(tranche, today),
    })),
    ...unscheduled.map((row) => ({ ...anomalyBase(row), kind: "allocation_sans_echeancier" as const })),
  ];
}
