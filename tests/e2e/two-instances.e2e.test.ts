import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../packages/db/src/database";
import type { ImportJob } from "../../packages/domain/src/imports";
import { scheduleLedgerBreaches } from "../../packages/db/src/ledger-invariants";
import { startApp, type AppServer } from "./support/app-server";
import { createScratchDatabase, type ScratchDatabase } from "./support/postgres";
import { DEMO, DEMO_PASSWORD, sessionCookieFor } from "./support/session";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.warn(
    "two-instances.e2e.test.ts ignoré : DATABASE_URL n'est pas définie. Ce test démarre deux API sur une base " +
      "PostgreSQL neuve (la CI la définit ; en local : DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres).",
  );
}

const JOURNAL = fileURLToPath(new URL("../../packages/db/drizzle/meta/_journal.json", import.meta.url));
const MIGRATIONS = (JSON.parse(readFileSync(JOURNAL, "utf8")) as { entries: unknown[] }).entries.length;
/** The limiter allows this many failures for one account from one address (apps/api/src/auth/login-limiter.ts). */
const ALLOWED_FAILURES = 5;
/** pino levels: 50 error, 60 fatal. */
const ERROR_LINE = /"level":(50|60)\b/;

interface TrpcAnswer {
  status: number;
  body: unknown;
}

async function trpcQuery(
  baseUrl: string,
  path: string,
  cookie: string,
  input?: unknown,
): Promise<TrpcAnswer> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(`${baseUrl}/trpc/${path}${query}`, {
    headers: { "x-trpc-source": "e2e", cookie },
  });
  return { status: response.status, body: await response.json() };
}

async function trpcMutation(
  baseUrl: string,
  path: string,
  cookie: string,
  input: unknown,
): Promise<TrpcAnswer> {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-trpc-source": "e2e", cookie },
    body: JSON.stringify({ json: input }),
  });
  return { status: response.status, body: await response.json() };
}

async function login(baseUrl: string, email: string, password: string): Promise<number> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  await response.body?.cancel();
  return response.status;
}

/**
 * Two built API processes on one fresh PostgreSQL database, started at the
 * same moment, as two replicas behind a load balancer would be.
 */
describe.skipIf(!serverUrl)("two API instances on one PostgreSQL database", () => {
  let database: ScratchDatabase;
  let instances: [AppServer, AppServer];

  beforeAll(async () => {
    database = await createScratchDatabase(serverUrl ?? "");
    const started = await Promise.allSettled([
      startApp({ databaseUrl: database.url }),
      startApp({ databaseUrl: database.url }),
    ]);
    const ready = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const [first, second] = ready;
    if (!first || !second) {
      await Promise.all(ready.map((instance) => instance.stop()));
      await database.drop();
      const failure = started.find((result) => result.status === "rejected");
      throw failure?.reason ?? new Error("Une instance n'a pas démarré.");
    }
    instances = [first, second];
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.drop();
  });

  it("ran each migration once and seeded the demonstration once, without an error in either log", async () => {
    const migrations = await database.query<{ n: number }>(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    expect(migrations[0]?.n).toBe(MIGRATIONS);
    const programme = await database.query<{ programmes: number; laureates: number; accounts: number }>(
      `select (select count(*) from programme)::int as programmes, (select count(*) from laureate)::int as laureates,
              (select count(*) from app_user)::int as accounts`,
    );
    expect(programme[0]).toMatchObject({ programmes: 1, laureates: 27 });
    for (const instance of instances) expect(instance.output()).not.toMatch(ERROR_LINE);
  });

  it("accepts on one instance the session opened on the other, and ends it on both at sign-out", async () => {
    const [a, b] = instances;
    const cookie = await sessionCookieFor(a.baseUrl, DEMO.officer);
    const me = await fetch(`${b.baseUrl}/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { user: { email: string } | null }).user?.email).toBe(DEMO.officer.email);
    expect((await trpcQuery(b.baseUrl, "programme.overview", cookie)).status).toBe(200);

    const logout = await fetch(`${b.baseUrl}/auth/logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(logout.status).toBe(200);
    expect((await trpcQuery(a.baseUrl, "programme.overview", cookie)).status).toBe(401);
  });

  it("counts sign-in failures made on both instances together", async () => {
    const [a, b] = instances;
    const account = DEMO.sponsorSante.email;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < ALLOWED_FAILURES; attempt += 1) {
      statuses.push(await login((attempt % 2 === 0 ? a : b).baseUrl, account, "pas-le-bon-mot-de-passe"));
    }
    expect(statuses).toEqual(Array.from({ length: ALLOWED_FAILURES }, () => 401));
    // Three failures on one, two on the other: only a shared count reaches five and refuses the right password.
    expect(await login(b.baseUrl, account, DEMO_PASSWORD)).toBe(429);
    expect(await login(a.baseUrl, account, DEMO_PASSWORD)).toBe(429);
  });

  /**
   * A committed subvention with 1 000 € left to pay, and `count` requested tranches of 50 € (more than the
   * allocation pays: the race decides which). Written in SQL: the race, not the set-up, goes through the app.
   */
  async function racedLaureate(slug: string, ejNumber: string, count: number): Promise<number> {
    const [laureate] = await database.query<{ id: number }>(
      `update laureate set funding_mode = 'subvention' where slug = $1 returning id`,
      [slug],
    );
    const id = laureate?.id ?? 0;
    await database.query(
      `insert into funding_record (laureate_id, convention_date, ej_number) values ($1, '2022-05-01', $2)
       on conflict (laureate_id) do update set convention_date = excluded.convention_date, ej_number = excluded.ej_number`,
      [id, ejNumber],
    );
    await database.query(
      `insert into tranche (laureate_id, kind, position, planned_amount_cents, planned_on, status,
                            service_fait_on, payment_requested_on)
       select $1, 'acompte', 100 + g, 5000, date '2024-08-01', 'demande_paiement', date '2024-07-01', date '2024-07-15'
       from generate_series(1, $2::int) g`,
      [id, count],
    );
    return id;
  }

  async function allocateThousandMore(baseUrl: string, cookie: string, slug: string): Promise<void> {
    const [row] = await database.query<{ paid: string }>(
      "select a.paid_cents::text as paid from allocation a join laureate l on l.id = a.laureate_id where l.slug = $1",
      [slug],
    );
    const allocated = await trpcMutation(baseUrl, "finance.setAllocation", cookie, {
      laureateSlug: slug,
      amountCents: Number(row?.paid ?? 0) + 100_000,
      reason: "Deux instances : course de versements",
      idempotencyKey: randomUUID(),
    });
    expect(allocated.status).toBe(200);
  }

  /** The ledger's invariants, the schedule's included, as the tests of packages/db check them. */
  async function expectLedgerInvariants(): Promise<void> {
    const handle = await createDatabase({ kind: "postgresql", url: database.url, poolSize: 1 });
    try {
      expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
    const [envelope] = await database.query<{ allocated: string; sum: string; envelope: string }>(
      `select p.allocated_cents::text as allocated, p.envelope_cents::text as envelope,
              (select coalesce(sum(amount_cents), 0) from allocation)::text as sum from programme p`,
    );
    expect(Number(envelope?.allocated)).toBe(Number(envelope?.sum));
    expect(Number(envelope?.allocated)).toBeLessThanOrEqual(Number(envelope?.envelope));
  }

  it("pays exactly the allocation when 50 tranche steps race over both instances", async () => {
    const [a, b] = instances;
    const cookie = await sessionCookieFor(a.baseUrl, DEMO.officer);
    const slug = "prevention-perte-autonomie";
    const laureateId = await racedLaureate(slug, "2199100001", 50);
    await allocateThousandMore(a.baseUrl, cookie, slug);
    const tranches = await database.query<{ id: number }>(
      "select id from tranche where laureate_id = $1 and position > 100 order by id",
      [laureateId],
    );
    const answers = await Promise.all(
      tranches.map((tranche, index) =>
        trpcMutation((index % 2 === 0 ? a : b).baseUrl, "finance.moveTranche", cookie, {
          trancheId: tranche.id,
          version: 1,
          to: "paye",
          on: "2024-09-01",
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 409)).toHaveLength(30);
    const [after] = await database.query<{ amount: string; paid: string; paidTranches: string }>(
      `select a.amount_cents::text as amount, a.paid_cents::text as paid,
              (select count(*) from tranche t where t.laureate_id = l.id and t.position > 100 and t.status = 'paye')::text
                as "paidTranches"
       from allocation a join laureate l on l.id = a.laureate_id where l.slug = $1`,
      [slug],
    );
    expect(Number(after?.paid)).toBe(Number(after?.amount));
    expect(Number(after?.paidTranches)).toBe(20);
    await expectLedgerInvariants();
    for (const instance of instances) expect(instance.output()).not.toMatch(ERROR_LINE);
  });

  it("runs one import at a time over both instances, and pays each open tranche once", async () => {
    const [a, b] = instances;
    const cookie = await sessionCookieFor(a.baseUrl, DEMO.officer);
    const headers = { "x-trpc-source": "e2e", cookie };
    const slug = "insep-catalyser";
    const ejNumber = "2199100002";
    const laureateId = await racedLaureate(slug, ejNumber, 5);
    await allocateThousandMore(a.baseUrl, cookie, slug);
    const answers = await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        const response = await fetch(
          `${(index % 2 === 0 ? a : b).baseUrl}/api/imports/paiements?mode=application`,
          {
            method: "POST",
            headers: { ...headers, "content-type": "text/csv; charset=utf-8" },
            body: `EJ;date;montant;référence\n${ejNumber};02/09/2024;50,00;COURSE-${index}\n`,
          },
        );
        return {
          status: response.status,
          body: (await response.json()) as { job?: ImportJob; error?: { message: string } },
        };
      }),
    );
    // Started (202) or refused because another runs (409), whichever instance took the upload.
    const started = answers.flatMap((answer) =>
      answer.status === 202 && answer.body.job ? [answer.body.job] : [],
    );
    const refused = answers.filter((answer) => answer.status === 409);
    expect(started.length + refused.length).toBe(10);
    expect(started.length).toBeGreaterThan(0);
    for (const answer of refused)
      expect(answer.body.error?.message).toMatch(/^Un import est déjà en cours \(n° \d+/);
    const ended: ImportJob[] = [];
    for (let job of started) {
      while (job.status === "en_attente" || job.status === "en_cours") {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const read = await fetch(`${a.baseUrl}/api/imports/paiements/travaux/${job.id}`, { headers });
        ({ job } = (await read.json()) as { job: ImportJob });
      }
      ended.push(job);
    }
    expect(ended.map((job) => job.status)).toEqual(started.map(() => "termine"));
    const [raced] = await database.query<{ paid: string }>(
      `select count(*)::text as paid from tranche where laureate_id = $1 and position > 100 and status = 'paye'`,
      [laureateId],
    );
    expect(Number(raced?.paid)).toBe(Math.min(5, started.length));
    await expectLedgerInvariants();
    for (const instance of instances) expect(instance.output()).not.toMatch(ERROR_LINE);
  });
});
