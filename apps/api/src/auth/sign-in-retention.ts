import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { isNotNull, lt, or, sql } from "drizzle-orm";
import type { Logger } from "../logger.js";
import { LOGIN_LIMITS } from "./login-limiter.js";

const { loginAttempts, sessions } = schema;

/** Once a day is enough: nothing reads these rows after their end, the purge only bounds what is kept. */
const PURGE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * What the sign-in keeps about people (addresses, network addresses), kept
 * only as long as something reads it: the attempts for the longest look-back
 * of the limits (an account's known addresses), the sessions until their
 * absolute end or their revocation. The personal data page states these
 * durations.
 */
export async function purgeSignInRecords(db: Executor): Promise<{ attempts: number; sessions: number }> {
  const attempts = await db
    .delete(loginAttempts)
    .where(
      lt(loginAttempts.attemptedAt, sql`now() - make_interval(days => ${LOGIN_LIMITS.knownAddressDays})`),
    )
    .returning({ id: loginAttempts.id });
  const ended = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, sql`now()`), isNotNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return { attempts: attempts.length, sessions: ended.length };
}

/** Purges at start, then once a day, on every instance (a second purge finds nothing). */
export function startSignInRetention(db: Executor, logger: Logger): { stop(): void } {
  const purge = () => {
    purgeSignInRecords(db).then(
      (purged) => logger.info(purged, "connexions expirées effacées"),
      (error: unknown) => logger.error({ err: error }, "l'effacement des connexions expirées a échoué"),
    );
  };
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  // The purge alone never keeps the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
