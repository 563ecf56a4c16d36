import { count, sql } from "drizzle-orm";
import type { DatabaseHandle } from "./database.js";
import { programmes } from "./schema/index.js";
import { isDemoDatabase, seedDemo } from "./seed/demo.js";
import { seedReference } from "./seed/reference.js";

/**
 * Demonstration data is on by default for a newcomer and off in production,
 * unless DEMO says otherwise; the API and the command-line scripts agree.
 */
export function isDemoEnabled(env: { NODE_ENV?: string | undefined; DEMO?: string | undefined }): boolean {
  return env.DEMO === undefined ? env.NODE_ENV !== "production" : env.DEMO === "1";
}

export interface PrepareOptions {
  /** Seed the demonstration scenario on a new database, and complete it on a demonstration one. */
  demo: boolean;
  /** Password of the demonstration accounts (DEMO_PASSWORD). */
  demoPassword?: string | undefined;
}

export interface PrepareResult {
  /** True when this call found an empty database. */
  created: boolean;
  /** True when the demonstration scenario was installed or completed. */
  demoSeeded: boolean;
}

const SEED_LOCK_KEY = 727_202_202;

/**
 * Brings a database to the state the app expects: migrations, reference data,
 * and on a brand-new database the demonstration scenario. One transaction for
 * the data, so a failure leaves nothing half-seeded.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  options: PrepareOptions,
): Promise<PrepareResult> {
  await handle.migrate();
  return handle.db.transaction(async (tx) => {
    // Two instances starting on an empty database must not both seed it.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [existing] = await tx.select({ total: count() }).from(programmes);
    const created = (existing?.total ?? 0) === 0;
    const { programmeId } = await seedReference(tx);
    const demoSeeded = options.demo && (created || (await isDemoDatabase(tx)));
    if (demoSeeded) await seedDemo(tx, programmeId, { password: options.demoPassword });
    return { created, demoSeeded };
  });
}
