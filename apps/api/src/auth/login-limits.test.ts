import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { like, or, sql } from "drizzle-orm";
import { pino } from "pino";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  signInRequest,
  startTestServer,
} from "../testing/test-app.js";
import { LOGIN_LIMITS, signInGate, type AttemptCounts } from "./login-limiter.js";

const quiet = { failures: 0, secondsSinceLast: null };
const counts = (change: Partial<AttemptCounts>): AttemptCounts => ({
  accountAndAddress: 0,
  address: quiet,
  account: quiet,
  knownAddress: false,
  ...change,
});

describe("the sign-in limits, as rules", () => {
  it("locks one account from one address after 5 failures", () => {
    expect(signInGate(counts({ accountAndAddress: 4 }))).toEqual({ kind: "open" });
    expect(signInGate(counts({ accountAndAddress: 5 }))).toEqual({ kind: "locked" });
  });

  it("slows an address that tries many accounts, longer at each failure, up to the window", () => {
    const address = (failures: number, secondsSinceLast: number) =>
      signInGate(counts({ address: { failures, secondsSinceLast } }));
    expect(address(19, 0)).toEqual({ kind: "open" });
    expect(address(20, 10)).toEqual({ kind: "slowed", scope: "adresse", retryAfterSeconds: 20 });
    expect(address(21, 10)).toEqual({ kind: "slowed", scope: "adresse", retryAfterSeconds: 50 });
    expect(address(40, 0)).toEqual({ kind: "slowed", scope: "adresse", retryAfterSeconds: 900 });
    expect(address(20, 30)).toEqual({ kind: "open" });
  });

  it("slows an account tried from many addresses, except from an address it signed in from", () => {
    const account = { failures: 12, secondsSinceLast: 0 };
    expect(signInGate(counts({ account }))).toEqual({
      kind: "slowed",
      scope: "compte",
      retryAfterSeconds: 120,
    });
    expect(signInGate(counts({ account, knownAddress: true }))).toEqual({ kind: "open" });
  });
});

describe("the sign-in limits, across instances", () => {
  let database: TestDatabaseHandle;
  let first: Awaited<ReturnType<typeof startTestServer>>;
  let second: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Two instances (two pools on PostgreSQL) behind one trusted proxy each.
    first = await startTestServer(database, { trustProxy: 1 });
    second = await startTestServer(await database.openAnotherInstance(), { trustProxy: 1 });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await database.close();
  });
  afterEach(async () => {
    await database.db.delete(schema.loginAttempts);
  });

  const ageFailures = (pattern: string) =>
    database.db
      .update(schema.loginAttempts)
      .set({ attemptedAt: sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes + 1})` })
      .where(or(like(schema.loginAttempts.address, pattern), like(schema.loginAttempts.email, pattern)));

  it("slows 40 addresses tried from one network, wherever the attempts land", async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      const instance = index % 2 === 0 ? first : second;
      const response = await signInRequest(
        instance,
        `agent${index}@exemple.gouv.fr`,
        "mauvais",
        from("10.1.0.1"),
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
          /^Trop de tentatives de connexion depuis votre réseau\. Réessayez dans \d+ secondes?\.$/,
        );
      }
    }
    expect(statuses.slice(0, LOGIN_LIMITS.addressFailures)).toEqual(
      Array<number>(LOGIN_LIMITS.addressFailures).fill(401),
    );
    expect(statuses.slice(LOGIN_LIMITS.addressFailures)).toEqual(
      Array<number>(40 - LOGIN_LIMITS.addressFailures).fill(429),
    );
    // Refused attempts are not counted: once the failures age, the network is heard again.
    await ageFailures("10.1.0.%");
    expect((await signInRequest(second, DEMO_EMAILS.officer, DEMO_PASSWORD, from("10.1.0.1"))).status).toBe(
      200,
    );
  });

  it("slows an account guessed from many addresses, and still lets its owner in from a known one", async () => {
    const owner = from("10.2.0.100");
    expect((await signInRequest(first, DEMO_EMAILS.sponsorSante, DEMO_PASSWORD, owner)).status).toBe(200);
    for (let index = 0; index < LOGIN_LIMITS.accountFailures; index += 1) {
      const instance = index % 2 === 0 ? second : first;
      const response = await signInRequest(
        instance,
        DEMO_EMAILS.sponsorSante,
        "mauvais",
        from(`10.2.0.${index + 1}`),
      );
      expect(response.status).toBe(401);
    }
    const stranger = await signInRequest(second, DEMO_EMAILS.sponsorSante, DEMO_PASSWORD, from("10.2.0.50"));
    expect(stranger.status).toBe(429);
    expect(((await stranger.json()) as { error: { message: string } }).error.message).toContain(
      "sur ce compte",
    );
    expect((await signInRequest(first, DEMO_EMAILS.sponsorSante, DEMO_PASSWORD, owner)).status).toBe(200);
  });
});

describe("forwarded headers while TRUST_PROXY is 0", () => {
  it("warns once, at the first request that carries them", async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: "warn" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const database = await createTestDatabase();
    const server = await startTestServer(database, { logger, trustProxy: 0 });
    try {
      await fetch(`${server.url}/api/health`);
      expect(lines.join("")).not.toContain("TRUST_PROXY");
      await fetch(`${server.url}/api/health`, { headers: from("203.0.113.7") });
      await fetch(`${server.url}/api/health`, { headers: from("203.0.113.8") });
      expect(lines.filter((line) => line.includes("TRUST_PROXY"))).toHaveLength(1);
    } finally {
      await server.close();
      await database.close();
    }
  });
});

function from(address: string): Record<string, string> {
  return { "x-forwarded-for": address };
}
