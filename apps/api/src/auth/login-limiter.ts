import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { and, count, eq, gt, sql } from "drizzle-orm";

const { loginAttempts } = schema;

/** After this many failures for one account from one address… */
export const MAX_FAILURES = 5;
/** …within this window, sign-in is refused until the oldest failure leaves it. */
export const FAILURE_WINDOW_MINUTES = 15;

export const TOO_MANY_ATTEMPTS_MESSAGE =
  "Trop de tentatives de connexion pour ce compte depuis votre poste. Réessayez dans 15 minutes.";

/**
 * Serialises the attempts of one (email, address) pair across every instance:
 * the check and the record happen under one transaction-level advisory lock.
 */
export async function lockAttemptsOf(db: Executor, email: string, address: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`connexion:${email}|${address}`}))`);
}

/** Failures since the last success, within the window. */
export async function recentFailures(db: Executor, email: string, address: string): Promise<number> {
  const window = sql`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`;
  const lastSuccess = sql`coalesce((
    select max(${loginAttempts.attemptedAt}) from ${loginAttempts}
    where ${loginAttempts.email} = ${email} and ${loginAttempts.address} = ${address} and ${loginAttempts.succeeded}
  ), '-infinity')`;
  const [row] = await db
    .select({ failures: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.address, address),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, window),
        gt(loginAttempts.attemptedAt, lastSuccess),
      ),
    );
  return row?.failures ?? 0;
}

export async function recordAttempt(
  db: Executor,
  email: string,
  address: string,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ email, address, succeeded });
}
