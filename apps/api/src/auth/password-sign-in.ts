import type { Database, Executor } from "@defis/db";
import { decoyPasswordHash, hashPassword, isHashOutdated, schema, verifyPassword } from "@defis/db";
import type { LoginInput, SessionUser } from "@defis/domain";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.js";
import {
  countAttempts,
  lockAttemptsOf,
  recordAttempt,
  signInGate,
  type SignInGate,
} from "./login-limiter.js";
import { findSessionUser, openSession } from "./sessions.js";

const { users } = schema;

export type SignInResult =
  | { kind: "signed-in"; token: string; user: SessionUser }
  | { kind: "invalid" }
  | Exclude<SignInGate, { kind: "open" }>;

/** Records a successful sign-in: last login, session, audit event. Shared by every sign-in method. */
export async function completeSignIn(
  db: Executor,
  user: { id: number; role: SessionUser["role"] },
  method: "mot de passe" | "ProConnect",
  requestId: string,
  providerIdToken: string | null = null,
): Promise<{ token: string; user: SessionUser }> {
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, user.id));
  const token = await openSession(db, user.id, providerIdToken);
  await recordAudit(
    db,
    { userId: user.id, role: user.role, requestId },
    { action: "session.connexion", entityId: user.id, after: { methode: method } },
  );
  const sessionUser = await findSessionUser(db, token);
  if (!sessionUser) throw new Error("La session qui vient d'être ouverte est introuvable.");
  return { token, user: sessionUser };
}

/**
 * Email and password sign-in. The limits' check, the password check and the
 * record of the attempt run under the locks of the address and of the account
 * (login-limiter.ts), so parallel guesses from several instances still count
 * one by one. A failure commits
 * its record: it must count even though the sign-in is refused.
 */
export async function signInWithPassword(
  db: Database,
  credentials: LoginInput,
  address: string,
  requestId: string,
): Promise<SignInResult> {
  return db.transaction(async (tx) => {
    await lockAttemptsOf(tx, credentials.email, address);
    const gate = signInGate(await countAttempts(tx, credentials.email, address));
    if (gate.kind !== "open") return gate;

    const [user] = await tx
      .select({ id: users.id, role: users.role, active: users.active, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, credentials.email));
    const account = user?.active && user.passwordHash ? { ...user, passwordHash: user.passwordHash } : null;
    // Unknown accounts cost a hash check too: the answer's timing must not tell which emails exist.
    const checked = await verifyPassword(
      account?.passwordHash ?? (await decoyPasswordHash()),
      credentials.password,
    );
    await recordAttempt(tx, credentials.email, address, checked && account !== null);
    if (!checked || !account) return { kind: "invalid" };

    if (isHashOutdated(account.passwordHash)) {
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(credentials.password) })
        .where(eq(users.id, account.id));
    }
    return { kind: "signed-in", ...(await completeSignIn(tx, account, "mot de passe", requestId)) };
  });
}
