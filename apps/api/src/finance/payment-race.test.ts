import { scheduleLedgerBreaches, schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importJobsSettled } from "../imports/import-jobs.js";
import { callerAs, createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The races of the issue, through HTTP and two API instances, each with its
 * own connection pool on PostgreSQL, by the paths users take: the tranche's
 * "payé" step, and imports of payment extracts. After each, the schedule and
 * the ledger agree (`scheduleLedgerBreaches`).
 */
describe("concurrent payments spread over two API instances", () => {
  let database: TestDatabaseHandle;
  let servers: Server[];
  let cookie: string;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    servers = [await startTestServer(database), await startTestServer(await database.openAnotherInstance())];
    cookie = await signIn(servers[0]?.url ?? "", DEMO_EMAILS.officer);
    officer = await callerAs(database, DEMO_EMAILS.officer);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database.close();
  });

  /** The import jobs that failed inside, with their message. */
  async function failedImports() {
    return database.db
      .select({ id: schema.importJobs.id, message: schema.importJobs.message })
      .from(schema.importJobs)
      .where(eq(schema.importJobs.status, "echoue"));
  }

  /** A committed subvention with `allocationCents` left to pay and `count` tranches of `cents` requested. */
  async function requestedTranches(
    slug: string,
    ejNumber: string,
    allocationCents: number,
    count: number,
    cents: number,
  ) {
    const before = await officer.finance.forLaureate({ slug });
    await officer.finance.updateFunding({
      laureateSlug: slug,
      version: before.funding.version,
      fundingMode: "subvention",
      conventionDate: "2022-05-01",
      ejNumber,
      siret: before.funding.siret,
      rna: before.funding.rna,
      paymentConditions: before.funding.paymentConditions,
      idempotencyKey: randomUUID(),
    });
    await officer.finance.setAllocation({
      laureateSlug: slug,
      amountCents: (before.allocation?.paidCents ?? 0) + allocationCents,
      reason: "Test de concurrence sur deux instances",
      idempotencyKey: randomUUID(),
    });
    const [laureate] = await database.db
      .select({ id: schema.laureates.id })
      .from(schema.laureates)
      .where(eq(schema.laureates.slug, slug));
    // More tranches than the allocation pays: the race decides which are paid.
    const rows = await database.db
      .insert(schema.tranches)
      .values(
        Array.from({ length: count }, (_, index) => ({
          laureateId: laureate?.id ?? 0,
          kind: "acompte" as const,
          position: 100 + index,
          plannedAmountCents: cents,
          plannedOn: "2024-08-01",
          status: "demande_paiement" as const,
          serviceFaitOn: "2024-07-01",
          paymentRequestedOn: "2024-07-15",
        })),
      )
      .returning({ id: schema.tranches.id });
    return { before, trancheIds: rows.map((row) => row.id) };
  }

  function post(index: number, path: string, json: unknown) {
    return fetch(`${servers[index % 2]?.url ?? ""}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-trpc-source": "test", cookie },
      body: JSON.stringify({ json }),
    });
  }

  it("pays exactly 1 000 € when 50 tranche steps race: 20 succeed, 30 are refused with a clear message", async () => {
    const slug = "prevention-perte-autonomie";
    const { before, trancheIds } = await requestedTranches(slug, "2199000001", 100_000, 50, 5_000);
    const responses = await Promise.all(
      trancheIds.map((trancheId, index) =>
        post(index, "finance.moveTranche", {
          trancheId,
          version: 1,
          to: "paye",
          on: "2024-09-01",
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 409)).toHaveLength(30);
    const refusal = (await responses[statuses.indexOf(409)]?.json()) as {
      error: { json: { message: string } };
    };
    expect(refusal.error.json.message).toMatch(/^Ce versement dépasserait le montant alloué/);
    const after = await officer.finance.forLaureate({ slug });
    expect((after.allocation?.paidCents ?? 0) - (before.allocation?.paidCents ?? 0)).toBe(100_000);
    expect(after.allocation?.paidCents).toBe(after.allocation?.amountCents);
    expect(
      after.tranches.filter((tranche) => tranche.status === "paye" && tranche.position >= 100),
    ).toHaveLength(20);
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });

  it("pays a tranche once when 50 steps race to pay it", async () => {
    const slug = "insep-catalyser";
    const { before, trancheIds } = await requestedTranches(slug, "2199000002", 100_000, 1, 5_000);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        post(index, "finance.moveTranche", {
          trancheId: trancheIds[0],
          version: 1,
          to: "paye",
          on: "2024-09-01",
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    const after = await officer.finance.forLaureate({ slug });
    expect((after.allocation?.paidCents ?? 0) - (before.allocation?.paidCents ?? 0)).toBe(5_000);
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });

  it("runs one import at a time when 10 race over two instances; those started pay each open tranche once", async () => {
    const slug = "corse-vulnerabilite-1000-jours";
    const ejNumber = "2199000003";
    const { before, trancheIds } = await requestedTranches(slug, ejNumber, 100_000, 5, 5_000);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        fetch(`${servers[index % 2]?.url ?? ""}/api/imports/paiements?mode=application`, {
          method: "POST",
          headers: { "content-type": "text/csv; charset=utf-8", "x-trpc-source": "test", cookie },
          body: `EJ;date;montant;référence\n${ejNumber};02/09/2024;50,00;COURSE-${index}\n`,
        }),
      ),
    );
    await importJobsSettled();
    // Started (202), or refused while another runs (409).
    const started = responses.filter((response) => response.status === 202).length;
    expect(started).toBeGreaterThan(0);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(10 - started);
    expect(await failedImports()).toEqual([]);
    const after = await officer.finance.forLaureate({ slug });
    expect((after.allocation?.paidCents ?? 0) - (before.allocation?.paidCents ?? 0)).toBe(started * 5_000);
    const paid = after.tranches.filter(
      (tranche) => trancheIds.includes(tranche.id) && tranche.status === "paye",
    );
    expect(paid).toHaveLength(Math.min(5, started));
    expect(after.payments.filter((payment) => payment.reference?.startsWith("COURSE-"))).toHaveLength(
      started,
    );
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });

  it("lets imports and schedule saves on one laureate race without a deadlock", async () => {
    const slug = "sgmi-intrapreneuriat";
    const ejNumber = "2199000004";
    await requestedTranches(slug, ejNumber, 200_000, 2, 5_000);
    // Planned tranches too: the import locks them, the schedule replaces them.
    const plan = (index: number) => ({
      laureateSlug: slug,
      tranches: [{ kind: "solde" as const, plannedAmountCents: 1_000 + index, plannedOn: "2026-03-01" }],
      idempotencyKey: randomUUID(),
    });
    await officer.finance.planSchedule(plan(0));
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        index % 2 === 0
          ? fetch(`${servers[index % 2]?.url ?? ""}/api/imports/paiements?mode=application`, {
              method: "POST",
              headers: { "content-type": "text/csv; charset=utf-8", "x-trpc-source": "test", cookie },
              body: `EJ;date;montant;référence\n${ejNumber};02/09/2024;10,00;CROISEE-${index}\n`,
            })
          : post(index + 1, "finance.planSchedule", plan(index)),
      ),
    );
    await importJobsSettled();
    // Each one succeeds or is refused in French; none fails inside (a deadlock would answer 500, or fail its job).
    expect(responses.map((response) => response.status < 500)).toEqual(
      Array.from({ length: 12 }, () => true),
    );
    expect(await failedImports()).toEqual([]);
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });
});
