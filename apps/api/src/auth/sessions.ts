import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { SessionUser } from "@defis/domain";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { scopeColumn } from "../users/scope-column.js";

const { sessions, users } = schema;

/** A session ends after 30 minutes without a request… */
export const SESSION_IDLE_MINUTES = 30;
/** …and in any case 12 hours after sign-in. */
export const SESSION_ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most once a minute per session: enough for a 30-minute idle timeout. */
const TOUCH_EVERY_SECONDS = 60;

/** What the database keeps of a session token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Opens a session and returns the token for the cookie; a new one at every sign-in. */
export async function openSession(
  db: Executor,
  userId: number,
  providerIdToken: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    providerIdToken,
    expiresAt: sql`now() + make_interval(hours => ${SESSION_ABSOLUTE_HOURS})`,
  });
  return token;
}

/**
 * The user behind a session token, or null when the session is unknown,
 * revoked, idle for too long, past its absolute end, or its account is
 * deactivated. Records the activity for the idle timeout.
 */
export async function findSessionUser(db: Executor, token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      scope: scopeColumn,
      needsTouch: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  if (row.needsTouch) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, scope: row.scope };
}

/** Ends one session at once (logout); returns ProConnect's id_token if it had one. */
export async function revokeSession(
  db: Executor,
  token: string,
): Promise<{ userId: number; providerIdToken: string | null } | null> {
  const [revoked] = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId, providerIdToken: sessions.providerIdToken });
  return revoked ?? null;
}

/** Ends every session of an account (deactivation, role change). */
export async function revokeUserSessions(db: Executor, userId: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
