import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-app.js";
import { LOGIN_LIMITS } from "./login-limiter.js";
import { findSessionUser, hashToken, openSession, revokeSession } from "./sessions.js";
import { purgeSignInRecords } from "./sign-in-retention.js";

const { loginAttempts, sessions, users } = schema;

describe("what the sign-in keeps about people", () => {
  let database: TestDatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("forgets attempts older than the known-address look-back, and ended sessions, and nothing else", async () => {
    const { db } = database;
    const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;
    await db.insert(loginAttempts).values([
      {
        email: "ancien@exemple.gouv.fr",
        address: "10.9.0.1",
        succeeded: true,
        attemptedAt: daysAgo(LOGIN_LIMITS.knownAddressDays + 1),
      },
      {
        email: "ancien@exemple.gouv.fr",
        address: "10.9.0.2",
        succeeded: false,
        attemptedAt: daysAgo(LOGIN_LIMITS.knownAddressDays + 30),
      },
      {
        email: "recent@exemple.gouv.fr",
        address: "10.9.0.3",
        succeeded: true,
        attemptedAt: daysAgo(LOGIN_LIMITS.knownAddressDays - 1),
      },
    ]);
    const [user] = await db.select({ id: users.id }).from(users).orderBy(asc(users.id)).limit(1);
    if (!user) throw new Error("Aucun compte de démonstration");
    const live = await openSession(db, user.id);
    const revoked = await openSession(db, user.id);
    await revokeSession(db, revoked);
    const expired = await openSession(db, user.id);
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.tokenHash, hashToken(expired)));

    expect(await purgeSignInRecords(db)).toEqual({ attempts: 2, sessions: 2 });

    const kept = await db.select({ email: loginAttempts.email }).from(loginAttempts);
    expect(kept).toEqual([{ email: "recent@exemple.gouv.fr" }]);
    expect(await findSessionUser(db, live)).not.toBeNull();
    expect(await db.select({ count: sql<number>`count(*)::int` }).from(sessions)).toEqual([{ count: 1 }]);
    expect(await purgeSignInRecords(db)).toEqual({ attempts: 0, sessions: 0 });
  });
});
