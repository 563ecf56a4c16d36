import { proposeSchedule } from "@defis/domain";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../database.js";
import { recordPayment, type LedgerActor } from "../ledger.js";
import { allocations, fundingRecords, laureates, tranches } from "../schema/index.js";
import { randomInt, seededRandom } from "./random.js";

const DEMO_ACTOR: LedgerActor = { userId: null, isDemo: true };

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/**
 * Funding records, schedules and payments over 2022–2024 for the laureates
 * that have a demonstration allocation and no record yet. Identifiers of the
 * beneficiaries (SIRET, RNA) are left empty: they are facts about real bodies,
 * which only an officer may enter. EJ numbers are invented, flagged as such.
 */
export async function seedDemoFinance(db: Executor, programmeId: number, seed: number): Promise<void> {
  const random = seededRandom(seed + 1);
  const rows = await db
    .select({ id: laureates.id, amountCents: allocations.amountCents, recorded: fundingRecords.laureateId })
    .from(laureates)
    .innerJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(eq(laureates.programmeId, programmeId))
    .orderBy(asc(laureates.position));
  for (const [index, laureate] of rows.entries()) {
    if (laureate.recorded !== null) continue;
    const conventionDate = `2022-${String(randomInt(random, 4, 9)).padStart(2, "0")}-${String(randomInt(random, 1, 28)).padStart(2, "0")}`;
    // One laureate in six has not signed its legal commitment yet.
    const signed = index % 6 !== 5;
    await db.insert(fundingRecords).values({
      laureateId: laureate.id,
      conventionDate: signed ? conventionDate : null,
      ejNumber: signed ? `21${String(10_000_000 + index * 7_919).padStart(8, "0")}` : null,
      paymentConditions: "echelonne",
      isDemo: true,
    });
    if (!signed) continue;
    const schedule = proposeSchedule(laureate.amountCents);
    const offsets = [1, 12, 24];
    const plan = schedule.map((tranche, position) => ({
      laureateId: laureate.id,
      kind: tranche.kind,
      position: position + 1,
      plannedAmountCents: tranche.amountCents,
      plannedOn: addMonths(conventionDate, offsets[position] ?? 24),
      isDemo: true,
    }));
    const inserted = await db
      .insert(tranches)
      .values(plan)
      .returning({ id: tranches.id, position: tranches.position });
    // The avance is always paid; the acompte mostly; the solde for some, late for others.
    const paidPositions = random() < 0.7 ? (random() < 0.4 ? [1, 2, 3] : [1, 2]) : [1];
    for (const tranche of inserted) {
      const planned = plan[tranche.position - 1];
      if (!planned || !paidPositions.includes(tranche.position)) continue;
      const paidOn = addMonths(planned.plannedOn, randomInt(random, 0, 2));
      await recordPayment(db, DEMO_ACTOR, {
        laureateId: laureate.id,
        trancheId: tranche.id,
        amountCents: planned.plannedAmountCents,
        paidOn,
        reference: `DEMO-VIR-${tranche.id}`,
      });
      await db
        .update(tranches)
        .set({
          status: "paye",
          serviceFaitOn: addMonths(paidOn, -1),
          paymentRequestedOn: addMonths(paidOn, -1),
          paymentRequestReference: `DEMO-DP-${tranche.id}`,
          paidOn,
          version: 4,
        })
        .where(eq(tranches.id, tranche.id));
    }
  }
}
