import { proposeSchedule } from "@defis/domain";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { payTranches, type LedgerActor } from "../ledger.js";
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
    // The avance is always paid; the acompte mostly; the solde for some, late for others.
    const paidPositions = random() < 0.7 ? (random() < 0.4 ? [1, 2, 3] : [1, 2]) : [1];
    const plan = schedule.map((tranche, index) => {
      const position = index + 1;
      const plannedOn = addMonths(conventionDate, offsets[index] ?? 24);
      const paidOn = paidPositions.includes(position) ? addMonths(plannedOn, randomInt(random, 0, 2)) : null;
      // A tranche to pay has gone through its steps: service fait and payment request a month before.
      const steps = paidOn
        ? {
            status: "demande_paiement" as const,
            serviceFaitOn: addMonths(paidOn, -1),
            paymentRequestedOn: addMonths(paidOn, -1),
          }
        : {};
      return {
        row: {
          laureateId: laureate.id,
          kind: tranche.kind,
          position,
          plannedAmountCents: tranche.amountCents,
          plannedOn,
          isDemo: true,
          ...steps,
        },
        paidOn,
      };
    });
    const inserted = await db
      .insert(tranches)
      .values(plan.map(({ row }) => row))
      .returning({ id: tranches.id, position: tranches.position });
    // Paid through the ledger's one door, as the officer's "payé" step does.
    await payTranches(
      db,
      DEMO_ACTOR,
      inserted.flatMap((tranche) => {
        const paidOn = plan[tranche.position - 1]?.paidOn;
        return paidOn
          ? [{ trancheId: tranche.id, path: "payer" as const, paidOn, reference: `DEMO-VIR-${tranche.id}` }]
          : [];
      }),
    );
    await db
      .update(tranches)
      .set({ paymentRequestReference: sql`'DEMO-DP-' || ${tranches.id}` })
      .where(and(eq(tranches.laureateId, laureate.id), isNotNull(tranches.paymentRequestedOn)));
  }
}
