import { count, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocations, laureates, payments, tranches } from "./schema/index.js";
import { addSyntheticPortfolio, ledgerInvariantBreaches } from "./synthetic.js";
import { createTestDatabase, type TestDatabaseHandle } from "./testing.js";

describe("synthetic portfolio", () => {
  let database: TestDatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(async () => {
    await database.close();
  });

  it("adds the laureates and payment lines asked for, and keeps the ledger's invariants", async () => {
    expect(await ledgerInvariantBreaches(database.db)).toEqual([]);
    const { afterLaureateId } = await addSyntheticPortfolio(database.db, { laureates: 30, payments: 305 });
    const added = gt(laureates.id, afterLaureateId);
    const [laureateCount] = await database.db.select({ n: count() }).from(laureates).where(added);
    const [paymentCount] = await database.db
      .select({ n: count() })
      .from(payments)
      .where(gt(payments.laureateId, afterLaureateId));
    const [trancheCount] = await database.db
      .select({ n: count() })
      .from(tranches)
      .where(gt(tranches.laureateId, afterLaureateId));
    expect([laureateCount?.n, paymentCount?.n, trancheCount?.n]).toEqual([30, 305, 90]);
    expect(await ledgerInvariantBreaches(database.db)).toEqual([]);
  });

  it("reports a broken invariant", async () => {
    const [allocation] = await database.db.select().from(allocations).limit(1);
    // A payment written beside the ledger, without its total: the check must see it.
    await database.db.insert(payments).values({
      laureateId: allocation?.laureateId ?? 0,
      amountCents: 100,
      paidOn: "2024-01-01",
    });
    expect(await ledgerInvariantBreaches(database.db)).toHaveLength(1);
  });
});
