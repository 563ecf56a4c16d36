import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../database.js";
import { setAllocation, type LedgerActor } from "../ledger.js";
import { allocationMovements, allocations, laureates, tranches } from "../schema/index.js";

const DEMO_ACTOR: LedgerActor = { userId: null, isDemo: true };

/** Raised by 20 000 €, from the reserve the scenario keeps. */
const DEMO_RAISE_CENTS = 2_000_000;

/** Written on the movement: the officer reading the controls page learns why it is there. */
export const DEMO_ANOMALY_REASON =
  "Augmentation (démonstration) : l'échéancier n'a pas été rééquilibré, pour montrer la page des contrôles de cohérence";

/**
 * One anomaly made on purpose, for the controls page to show a case the
 * scenario would not otherwise produce: an allocation raised while its
 * schedule stays as it was (planned ≠ allocated). Only invented figures move:
 * the demonstration allocation of the first laureate with a schedule. The
 * other anomalies the page lists come from the scenario as it is (tranches
 * past their date, commitments not signed) and from the announcement itself
 * (a funding mode it does not give, beneficiaries' SIRET no one has entered).
 */
export async function seedDemoAnomalies(db: Executor): Promise<void> {
  const [done] = await db
    .select({ id: allocationMovements.id })
    .from(allocationMovements)
    .where(and(eq(allocationMovements.isDemo, true), eq(allocationMovements.reason, DEMO_ANOMALY_REASON)))
    .limit(1);
  if (done) return;
  const [scheduled] = await db
    .select({ laureateId: allocations.laureateId, amountCents: allocations.amountCents })
    .from(allocations)
    .innerJoin(laureates, eq(laureates.id, allocations.laureateId))
    .innerJoin(tranches, eq(tranches.laureateId, allocations.laureateId))
    .where(and(eq(allocations.isDemo, true), eq(tranches.isDemo, true)))
    .orderBy(asc(laureates.position))
    .limit(1);
  if (!scheduled) return;
  await setAllocation(db, DEMO_ACTOR, {
    laureateId: scheduled.laureateId,
    amountCents: scheduled.amountCents + DEMO_RAISE_CENTS,
    reason: DEMO_ANOMALY_REASON,
  });
}
