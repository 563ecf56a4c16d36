import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { and, eq, isNull, lt, lte, or } from "drizzle-orm";

const { scheduledJobs } = schema;

/**
 * Creates the job's row if it is missing, due at `firstRunAt`. An existing row
 * keeps its schedule: a restart, or a second instance, changes nothing.
 */
export async function ensureJob(db: Executor, name: string, firstRunAt: Date): Promise<void> {
  await db.insert(scheduledJobs).values({ name, nextRunAt: firstRunAt }).onConflictDoNothing();
}

/**
 * Claims the due occurrence of a job: one conditional UPDATE moves
 * `next_run_at` forward, so of several instances asking together only one
 * matches (the others wait for its row lock, then see the new date). Inside a
 * transaction, a failed run gives the occurrence back.
 */
export async function claimDueJob(db: Executor, name: string, now: Date, nextRunAt: Date): Promise<boolean> {
  const claimed = await db
    .update(scheduledJobs)
    .set({ nextRunAt, lastRunAt: now })
    .where(and(eq(scheduledJobs.name, name), lte(scheduledJobs.nextRunAt, now)))
    .returning({ name: scheduledJobs.name });
  return claimed.length > 0;
}

/**
 * Claims a run ahead of schedule, when none happened since `periodStart`: the
 * same single UPDATE, conditioned on the last run instead of the due date.
 * Returns the last run when the period already had one.
 */
export async function claimUnlessRunSince(
  db: Executor,
  name: string,
  now: Date,
  periodStart: Date,
  nextRunAt: Date,
): Promise<{ claimed: true } | { claimed: false; lastRunAt: Date | null }> {
  const claimed = await db
    .update(scheduledJobs)
    .set({ nextRunAt, lastRunAt: now })
    .where(
      and(
        eq(scheduledJobs.name, name),
        or(isNull(scheduledJobs.lastRunAt), lt(scheduledJobs.lastRunAt, periodStart)),
      ),
    )
    .returning({ name: scheduledJobs.name });
  if (claimed.length > 0) return { claimed: true };
  const [job] = await db
    .select({ lastRunAt: scheduledJobs.lastRunAt })
    .from(scheduledJobs)
    .where(eq(scheduledJobs.name, name));
  return { claimed: false, lastRunAt: job?.lastRunAt ?? null };
}

/** A short account of the last run, for whoever looks at the table. */
export async function recordJobOutcome(db: Executor, name: string, outcome: string): Promise<void> {
  await db.update(scheduledJobs).set({ lastOutcome: outcome }).where(eq(scheduledJobs.name, name));
}
