import { hashPassword, schema, type DatabaseHandle } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerAs,
  createTestDatabase,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  signInRequest,
  startTestServer,
} from "../testing/test-app.js";
import { TOO_MANY_ATTEMPTS_MESSAGE } from "./login-limiter.js";
import { hashToken } from "./sessions.js";

type Server = Awaited<ReturnType<typeof startTestServer>>;

const login = signInRequest;

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie()[0] ?? "";
  return cookie.split(";")[0] ?? "";
}

/** The email of the person signed in with this cookie, or null. */
async function signedIn(server: Server, cookie: string): Promise<string | null> {
  const response = await fetch(`${server.url}/auth/me`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { user: { email: string } | null }).user?.email ?? null;
}

/** Moves a session in time, as the clock would. */
async function setSession(database: DatabaseHandle, cookie: string, change: Record<string, unknown>) {
  const token = cookie.split("=")[1] ?? "";
  await database.db
    .update(schema.sessions)
    .set(change)
    .where(eq(schema.sessions.tokenHash, hashToken(token)));
}

describe("sign-in, sessions and sign-out", () => {
  let database: TestDatabaseHandle;
  let server: Server;
  const logLines: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const logger = pino(
      { level: "debug" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      }),
    );
    // Behind one trusted proxy, so each test can speak from its own address.
    server = await startTestServer(database, { logger, trustProxy: 1 });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("opens a session with a hardened cookie, a new one at every sign-in", async () => {
    const first = await login(server, DEMO_EMAILS.officer, DEMO_PASSWORD);
    expect(first.status).toBe(200);
    const setCookie = first.headers.getSetCookie()[0] ?? "";
    expect(setCookie).toMatch(/^__Host-defis_session=[\w-]{40,}; /);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain("Domain=");
    expect(first.headers.get("cache-control")).toBe("no-store");
    const second = await login(server, DEMO_EMAILS.officer, DEMO_PASSWORD);
    expect(sessionCookie(second)).not.toBe(sessionCookie(first));
    expect(await signedIn(server, sessionCookie(first))).toBe(DEMO_EMAILS.officer);
  });

  it("answers a wrong password and an unknown account the same way, in French", async () => {
    const wrong = await login(server, DEMO_EMAILS.leadership, "pas-le-bon", {
      "x-forwarded-for": "10.0.0.2",
    });
    const unknown = await login(server, "personne@ditp.example", "pas-le-bon", {
      "x-forwarded-for": "10.0.0.2",
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { message: "Adresse électronique ou mot de passe incorrect." },
      });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("refuses malformed and cross-site sign-in requests", async () => {
    const invalid = await login(server, "pas-une-adresse", "");
    expect(invalid.status).toBe(400);
    const { error } = (await invalid.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(error.fieldErrors.email).toEqual(["L'adresse électronique n'est pas valide."]);
    const form = await fetch(`${server.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${DEMO_EMAILS.admin}&password=${DEMO_PASSWORD}`,
    });
    expect(form.status).toBe(415);
    const foreign = await login(server, DEMO_EMAILS.admin, DEMO_PASSWORD, {
      origin: "https://attaquant.example",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
  });

  it("ends the session at logout, at once", async () => {
    const cookie = sessionCookie(await login(server, DEMO_EMAILS.sponsorSante, DEMO_PASSWORD));
    expect(await signedIn(server, cookie)).not.toBeNull();
    const logout = await fetch(`${server.url}/auth/logout`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: "{}",
    });
    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie()[0]).toContain("Max-Age=0");
    expect(await signedIn(server, cookie)).toBeNull();
  });

  it("ends a session idle for 30 minutes, and any session 12 hours after sign-in", async () => {
    const idle = sessionCookie(await login(server, DEMO_EMAILS.leadership, DEMO_PASSWORD));
    await setSession(database, idle, { lastSeenAt: sql`now() - interval '31 minutes'` });
    expect(await signedIn(server, idle)).toBeNull();
    const old = sessionCookie(await login(server, DEMO_EMAILS.leadership, DEMO_PASSWORD));
    await setSession(database, old, { expiresAt: sql`now() - interval '1 second'` });
    expect(await signedIn(server, old)).toBeNull();
    const active = sessionCookie(await login(server, DEMO_EMAILS.leadership, DEMO_PASSWORD));
    await setSession(database, active, { lastSeenAt: sql`now() - interval '29 minutes'` });
    expect(await signedIn(server, active)).not.toBeNull();
  });

  it("revokes every session of an account as soon as it is deactivated", async () => {
    const cookie = sessionCookie(await login(server, DEMO_EMAILS.sponsorInterieur, DEMO_PASSWORD));
    const [sponsor] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, DEMO_EMAILS.sponsorInterieur));
    const admin = await callerAs(database, DEMO_EMAILS.admin);
    await admin.users.deactivate({ userId: sponsor?.id ?? 0 });
    expect(await signedIn(server, cookie)).toBeNull();
    expect((await login(server, DEMO_EMAILS.sponsorInterieur, DEMO_PASSWORD)).status).toBe(401);
    await admin.users.reactivate({ userId: sponsor?.id ?? 0 });
  });

  it("refuses sign-in for 15 minutes after 5 failures for one account from one address, with a French 429", async () => {
    const from = { "x-forwarded-for": "10.0.0.7" };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(server, DEMO_EMAILS.admin, "mauvais", from)).status).toBe(401);
    }
    const locked = await login(server, DEMO_EMAILS.admin, DEMO_PASSWORD, from);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({ error: { message: TOO_MANY_ATTEMPTS_MESSAGE } });
    // Another address, or the same one once the failures have aged, is not locked out.
    expect(
      (await login(server, DEMO_EMAILS.admin, DEMO_PASSWORD, { "x-forwarded-for": "10.0.0.8" })).status,
    ).toBe(200);
    await database.db
      .update(schema.loginAttempts)
      .set({ attemptedAt: sql`now() - interval '16 minutes'` })
      .where(eq(schema.loginAttempts.address, "10.0.0.7"));
    expect((await login(server, DEMO_EMAILS.admin, DEMO_PASSWORD, from)).status).toBe(200);
  });

  it("counts failures in the database, so that two instances share the limit", async () => {
    // Another instance: its own connection pool to the same database (on PostgreSQL).
    const other = await startTestServer(await database.openAnotherInstance(), { trustProxy: 1 });
    try {
      const from = { "x-forwarded-for": "10.0.0.9" };
      for (const instance of [server, other, server, other, server]) {
        expect((await login(instance, DEMO_EMAILS.officer, "mauvais", from)).status).toBe(401);
      }
      expect((await login(other, DEMO_EMAILS.officer, DEMO_PASSWORD, from)).status).toBe(429);
      // A session opened on one instance is valid on the other.
      const cookie = sessionCookie(await login(server, DEMO_EMAILS.officer, DEMO_PASSWORD));
      expect(await signedIn(other, cookie)).toBe(DEMO_EMAILS.officer);
    } finally {
      await other.close();
    }
  });

  it("rehashes a password stored with weaker parameters at the next sign-in", async () => {
    const weak = await hashPassword("mot-de-passe-ancien", { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await database.db.insert(schema.users).values({
      email: "ancien@ditp.example",
      displayName: "Compte ancien",
      role: "direction",
      passwordHash: weak,
    });
    expect((await login(server, "ancien@ditp.example", "mot-de-passe-ancien")).status).toBe(200);
    const [stored] = await database.db
      .select({ hash: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.email, "ancien@ditp.example"));
    expect(stored?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(server, "ancien@ditp.example", "mot-de-passe-ancien")).status).toBe(200);
  });

  it("writes no password, cookie or session token to the logs", async () => {
    const secret = "secret-qui-ne-doit-pas-fuir";
    await login(server, DEMO_EMAILS.leadership, secret);
    const response = await login(server, DEMO_EMAILS.leadership, DEMO_PASSWORD);
    const cookie = sessionCookie(response);
    await signedIn(server, cookie);
    await fetch(`${server.url}/trpc/programme.overview`, { headers: { cookie, "x-trpc-source": "test" } });
    const token = cookie.split("=")[1] ?? "";
    const logs = logLines.join("");
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(DEMO_PASSWORD);
    expect(logs).not.toContain(token);
    expect(logs.toLowerCase()).not.toContain("set-cookie");
  });
});

describe("the session cookie outside production", () => {
  it("drops the __Host- prefix and Secure, so that plain http://localhost development works", async () => {
    const database = await createTestDatabase();
    const server = await startTestServer(database, { production: false });
    try {
      const setCookie =
        (await login(server, DEMO_EMAILS.officer, DEMO_PASSWORD)).headers.getSetCookie()[0] ?? "";
      expect(setCookie).toMatch(/^defis_session=/);
      expect(setCookie).not.toContain("Secure");
      expect(setCookie).toContain("HttpOnly");
    } finally {
      await server.close();
      await database.close();
    }
  });
});

describe("the demonstration flag of /auth/me", () => {
  async function demonstrationOf(demo: boolean, signInAs: string | null): Promise<unknown> {
    const database = await createTestDatabase({ demo });
    const server = await startTestServer(database);
    try {
      const cookie = signInAs
        ? sessionCookie(await login(server, signInAs, DEMO_PASSWORD))
        : "defis_session=none";
      const response = await fetch(`${server.url}/auth/me`, { headers: { cookie } });
      return ((await response.json()) as { demonstration?: unknown }).demonstration;
    } finally {
      await server.close();
      await database.close();
    }
  }

  it("comes with the session, signed in or not, while demonstration rows remain", async () => {
    expect(await demonstrationOf(true, DEMO_EMAILS.leadership)).toBe(true);
    expect(await demonstrationOf(true, null)).toBe(true);
  });

  it("is false on a database without demonstration rows", async () => {
    expect(await demonstrationOf(false, null)).toBe(false);
  });
});
