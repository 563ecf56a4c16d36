import type { TestDatabaseHandle } from "@defis/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The race of the issue, through HTTP and two API instances, each with its
 * own connection pool on PostgreSQL: 50 payments of 50 € against 1 000 €.
 */
describe("concurrent payments spread over two API instances", () => {
  let database: TestDatabaseHandle;
  let servers: Server[];
  let cookie: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    servers = [await startTestServer(database), await startTestServer(await database.openAnotherInstance())];
    cookie = await signIn(servers[0]?.url ?? "", DEMO_EMAILS.officer);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database.close();
  });

  it("pays exactly 1 000 €: 20 succeed, 30 are refused with a clear message", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const slug = "prevention-perte-autonomie";
    const before = await officer.finance.forLaureate({ slug });
    await officer.finance.setAllocation({
      laureateSlug: slug,
      amountCents: (before.allocation?.paidCents ?? 0) + 100_000,
      reason: "Test de concurrence sur deux instances",
      idempotencyKey: randomUUID(),
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        fetch(`${servers[index % 2]?.url ?? ""}/trpc/finance.recordPayment`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-trpc-source": "test", cookie },
          body: JSON.stringify({
            json: {
              laureateSlug: slug,
              amountCents: 5_000,
              paidOn: "2024-09-01",
              idempotencyKey: randomUUID(),
            },
          }),
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
    expect(after.payments.reduce((sum, payment) => sum + payment.amountCents, 0)).toBe(
      after.allocation?.paidCents,
    );
  });
});
