import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../database.js";
import { allocationMovements, allocations, laureates, programmes } from "../schema/index.js";
import { DEFAULT_DEMO_PASSWORD, seedDemoAccounts } from "./demo-accounts.js";
import { seedDemoAnomalies } from "./demo-anomalies.js";
import { seedDemoFinance } from "./demo-finance.js";
import { dateDemoHistory } from "./demo-history.js";
import { seedDemoImpact } from "./demo-impact.js";
import { seedDemoProgress } from "./demo-progress.js";
import { seedDemoReplication } from "./demo-replication.js";
import { setAllocation, type LedgerActor } from "../ledger.js";
import { randomInt, seededRandom } from "./random.js";

/** Demonstration rows have no author: they were generated, not entered. */
const DEMO_ACTOR: LedgerActor = { userId: null, isDemo: true };

/** Same seed, same scenario: screenshots, tests and demos agree. */
export const DEMO_SEED = 20_220_217;

/** Share of the envelope the scenario keeps unallocated, as an officer would. */
const DEMO_RESERVE_RATIO = 0.04;

/** When the scenario's initial allocations are dated: 1 March 2022, 10:00 in Paris. */
const DEMO_ATTRIBUTION_AT = "2022-03-01T09:00:00Z";

export interface DemoOptions {
  password?: string;
  seed?: number;
  /** The day the follow-up scenario is dated from ("YYYY-MM-DD"); today by default. */
  today?: string;
}

/**
 * The demonstration scenario: plausible figures on top of the reference data,
 * every row flagged `is_demo` so the app can say so. The announcement gives no
 * per-laureate amount; these are invented and labelled as such. Each part
 * only adds what is missing, so a demonstration database created by an older
 * version receives the parts added since.
 */
export async function seedDemo(db: Executor, programmeId: number, options: DemoOptions = {}): Promise<void> {
  await seedDemoAllocations(db, programmeId, options.seed ?? DEMO_SEED);
  await seedDemoFinance(db, programmeId, options.seed ?? DEMO_SEED);
  await seedDemoCalendar(db, programmeId);
  await seedDemoAnomalies(db);
  await seedDemoReplication(db, programmeId, options.seed ?? DEMO_SEED);
  await seedDemoAccounts(db, options.password ?? DEFAULT_DEMO_PASSWORD);
  await seedDemoProgress(db, programmeId, options.seed ?? DEMO_SEED, options.today ?? parisToday());
  await seedDemoImpact(db, options.seed ?? DEMO_SEED, options.today ?? parisToday());
  // Last: the versions the history triggers wrote while the parts above seeded.
  await dateDemoHistory(db);
}

/**
 * The announcement gives neither the programme's end nor the day its envelope
 * must be consumed by. The scenario's schedules run over 2022–2024: its end and
 * deadline follow them, flagged as demonstration until an administrator sets them.
 */
const DEMO_CALENDAR = { endsOn: "2024-12-31", consumptionDeadlineOn: "2025-12-31" };

async function seedDemoCalendar(db: Executor, programmeId: number): Promise<void> {
  await db
    .update(programmes)
    .set({ ...DEMO_CALENDAR, calendarIsDemo: true })
    .where(
      and(
        eq(programmes.id, programmeId),
        isNull(programmes.endsOn),
        isNull(programmes.consumptionDeadlineOn),
      ),
    );
}

function parisToday(): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());
}

/** True when the database already holds the demonstration scenario. */
export async function isDemoDatabase(db: Executor): Promise<boolean> {
  const rows = await db
    .select({ id: allocations.id })
    .from(allocations)
    .where(eq(allocations.isDemo, true))
    .limit(1);
  return rows.length > 0;
}

async function seedDemoAllocations(db: Executor, programmeId: number, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const [programme] = await db
    .select({ envelopeCents: programmes.envelopeCents })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  if (!programme) throw new Error("Programme introuvable pour le scénario de démonstration.");
  const list = await db
    .select({ id: laureates.id })
    .from(laureates)
    .where(eq(laureates.programmeId, programmeId))
    .orderBy(asc(laureates.position));

  const amounts = splitEnvelope(
    Math.round(programme.envelopeCents * (1 - DEMO_RESERVE_RATIO)),
    list.length,
    random,
  );
  const allocated = new Set(
    (await db.select({ laureateId: allocations.laureateId }).from(allocations)).map((row) => row.laureateId),
  );
  // Through the ledger, like an officer's allocation: movements recorded, reserve kept.
  for (const [index, laureate] of list.entries()) {
    if (allocated.has(laureate.id)) continue;
    await setAllocation(db, DEMO_ACTOR, {
      laureateId: laureate.id,
      amountCents: amounts[index] ?? 0,
      reason: "Attribution initiale (démonstration)",
    });
  }
  // Dated like a real attribution, after the jury (2022-02-17) and before the conventions: the
  // dashboard's "état au" sums movements by date, and payments from 2022 need their allocation.
  await db
    .update(allocationMovements)
    .set({ occurredAt: new Date(DEMO_ATTRIBUTION_AT) })
    .where(and(eq(allocationMovements.isDemo, true), eq(allocationMovements.kind, "attribution")));
}

/**
 * Splits `total` into `count` amounts rounded to the hundred euros, with
 * weights between 1 and 4 so that budgets differ as they do in real calls.
 * The last share absorbs rounding: the parts always sum to `total`.
 */
export function splitEnvelope(total: number, count: number, random: () => number): number[] {
  if (count === 0) return [];
  const weights = Array.from({ length: count }, () => randomInt(random, 10, 40));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const hundredEuros = 10_000;
  const parts = weights.map(
    (weight) => Math.floor((total * weight) / weightSum / hundredEuros) * hundredEuros,
  );
  const assigned = parts.slice(0, -1).reduce((sum, part) => sum + part, 0);
  parts[count - 1] = total - assigned;
  return parts;
}
