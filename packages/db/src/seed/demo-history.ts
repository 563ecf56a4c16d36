import { addDays } from "@defis/domain";
import { and, eq, inArray, min, sql, type SQL } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../database.js";
import {
  fundingRecords,
  fundingRecordVersions,
  milestones,
  milestoneVersions,
  payments,
  tranches,
  trancheVersions,
} from "../schema/index.js";

/** When the scenario's allocations were made, before any convention (see demo.ts). */
export const DEMO_ATTRIBUTION_DAY = "2022-03-01";

/**
 * Rows per statement: a version binds up to 17 parameters and a statement at
 * most 65 535, which the scenario passes once a thousand laureates share it.
 */
const ROWS_PER_INSERT = 2_000;

async function insertInBatches<Table extends PgTable>(
  db: Executor,
  table: Table,
  rows: PgInsertValue<Table>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db.insert(table).values(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/** An hour of a Paris day, never later than now: a version cannot start in the future. */
export function parisInstant(day: string, hour: number): SQL {
  return sql`least(((${day}::date + make_interval(hours => ${hour})) at time zone 'Europe/Paris'), now())`;
}

/**
 * The history triggers date every version of the scenario's rows from the
 * instant the seed wrote them (now), which would make 2022–2024 look empty
 * to a past day. Only for the scenario's rows written in this transaction
 * (every version starts now), their history is told again as an officer
 * would have written it: the funding record at the attribution, then its
 * convention; a tranche planned at the convention, its service fait, then
 * its payment; a milestone planned two months before the first is due, then
 * reached. Payments are recorded on their value day. Rows an officer has
 * touched since keep the history the triggers wrote.
 */
export async function dateDemoHistory(db: Executor): Promise<void> {
  await dateFundingRecords(db);
  const planDays = await milestonePlanDays(db);
  await dateTranches(db, planDays);
  await dateMilestones(db, planDays);
  await db
    .update(payments)
    .set({
      createdAt: sql`least(((${payments.paidOn} + interval '15 hours') at time zone 'Europe/Paris'), now())`,
    })
    .where(and(eq(payments.isDemo, true), sql`${payments.createdAt} = now()`));
}

/** Rows of `table` flagged demo whose every version was written by this transaction. */
function freshVersionsOnly(versions: SQL): SQL {
  return sql`not exists (${versions} and valid_from <> now())`;
}

async function dateFundingRecords(db: Executor): Promise<void> {
  const rows = await db
    .select()
    .from(fundingRecords)
    .where(
      and(
        eq(fundingRecords.isDemo, true),
        freshVersionsOnly(
          sql`select 1 from funding_record_version v where v.laureate_id = ${fundingRecords.laureateId}`,
        ),
      ),
    );
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.laureateId);
  await db.delete(fundingRecordVersions).where(inArray(fundingRecordVersions.laureateId, ids));
  await insertInBatches(
    db,
    fundingRecordVersions,
    rows.flatMap((row) => {
      const current = {
        laureateId: row.laureateId,
        conventionDate: row.conventionDate,
        ejNumber: row.ejNumber,
      };
      const opened = { values: current, day: DEMO_ATTRIBUTION_DAY, hour: 10 };
      if (row.conventionDate === null) return chained([opened]);
      return chained([
        { ...opened, values: { ...current, conventionDate: null, ejNumber: null } },
        { values: current, day: row.conventionDate, hour: 9 },
      ]);
    }),
  );
}

interface Stage<Values> {
  values: Values;
  day: string;
  hour: number;
}

/** Consecutive versions: each one valid until the next starts, the last one still in force. */
function chained<Values>(stages: Stage<Values>[]) {
  return stages.map((stage, index) => {
    const next = stages[index + 1];
    return {
      ...stage.values,
      validFrom: parisInstant(stage.day, stage.hour),
      validTo: next ? parisInstant(next.day, next.hour) : null,
    };
  });
}

async function dateTranches(db: Executor, planDays: ReadonlyMap<number, string>): Promise<void> {
  const rows = await db
    .select({ tranche: tranches, conventionDate: fundingRecords.conventionDate })
    .from(tranches)
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, tranches.laureateId))
    .where(
      and(
        eq(tranches.isDemo, true),
        freshVersionsOnly(sql`select 1 from tranche_version v where v.tranche_id = ${tranches.id}`),
      ),
    );
  if (rows.length === 0) return;
  await db.delete(trancheVersions).where(
    inArray(
      trancheVersions.trancheId,
      rows.map((row) => row.tranche.id),
    ),
  );
  await insertInBatches(
    db,
    trancheVersions,
    rows.flatMap(({ tranche, conventionDate }) => {
      const current = {
        trancheId: tranche.id,
        laureateId: tranche.laureateId,
        kind: tranche.kind,
        position: tranche.position,
        plannedAmountCents: tranche.plannedAmountCents,
        plannedOn: tranche.plannedOn,
        gatingMilestoneId: tranche.gatingMilestoneId,
        status: tranche.status,
        serviceFaitOn: tranche.serviceFaitOn,
        paymentRequestedOn: tranche.paymentRequestedOn,
        paidOn: tranche.paidOn,
        cancelledOn: tranche.cancelledOn,
      };
      const stages: Stage<typeof current>[] = [
        {
          values: {
            ...current,
            status: "prevu",
            serviceFaitOn: null,
            paymentRequestedOn: null,
            paidOn: null,
          },
          day: conventionDate ?? DEMO_ATTRIBUTION_DAY,
          hour: 11,
        },
      ];
      if (tranche.serviceFaitOn !== null) {
        const requested =
          tranche.paidOn === null
            ? current
            : { ...current, status: "demande_paiement" as const, paidOn: null };
        stages.push({ values: requested, day: tranche.serviceFaitOn, hour: 12 });
      }
      const closedOn = tranche.paidOn ?? tranche.cancelledOn;
      if (closedOn !== null) stages.push({ values: current, day: closedOn, hour: 15 });
      // Whatever the steps, the last version is the row as it stands.
      const last = stages.at(-1);
      if (last) last.values = current;
      // A gate waits for its milestone to be planned: before, the tranche had none.
      const gateDay = planDays.get(tranche.laureateId);
      if (tranche.gatingMilestoneId !== null && gateDay !== undefined) {
        for (const stage of stages) {
          if (stage.day < gateDay) stage.values = { ...stage.values, gatingMilestoneId: null };
        }
        if ((stages.at(-1)?.day ?? "") < gateDay) stages.push({ values: current, day: gateDay, hour: 10 });
      }
      return chained(stages);
    }),
  );
}

/** The day each laureate's milestones were planned: two months before the first is due. */
async function milestonePlanDays(db: Executor): Promise<Map<number, string>> {
  const rows = await db
    .select({ laureateId: milestones.laureateId, dueOn: min(milestones.dueOn) })
    .from(milestones)
    .where(eq(milestones.isDemo, true))
    .groupBy(milestones.laureateId);
  return new Map(
    rows.flatMap((row) => (row.dueOn === null ? [] : [[row.laureateId, addDays(row.dueOn, -60)]])),
  );
}

async function dateMilestones(db: Executor, planDays: ReadonlyMap<number, string>): Promise<void> {
  const rows = await db
    .select()
    .from(milestones)
    .where(
      and(
        eq(milestones.isDemo, true),
        freshVersionsOnly(sql`select 1 from milestone_version v where v.milestone_id = ${milestones.id}`),
      ),
    );
  if (rows.length === 0) return;
  await db.delete(milestoneVersions).where(
    inArray(
      milestoneVersions.milestoneId,
      rows.map((row) => row.id),
    ),
  );
  await insertInBatches(
    db,
    milestoneVersions,
    rows.flatMap((milestone) => {
      const current = {
        milestoneId: milestone.id,
        laureateId: milestone.laureateId,
        title: milestone.title,
        dueOn: milestone.dueOn,
        status: milestone.status,
        reachedOn: milestone.reachedOn,
        position: milestone.position,
      };
      const plan: Stage<typeof current> = {
        values: milestone.reachedOn === null ? current : { ...current, status: "en_cours", reachedOn: null },
        day: planDays.get(milestone.laureateId) ?? addDays(milestone.dueOn, -60),
        hour: 9,
      };
      const stages = [plan];
      if (milestone.reachedOn !== null) stages.push({ values: current, day: milestone.reachedOn, hour: 15 });
      return chained(stages);
    }),
  );
}
