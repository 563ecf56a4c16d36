import { count, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPaymentOutsideSchedule, reversePayment } from "./ledger.js";
import { allocations, laureates, paymentMonths, payments, tranches } from "./schema/index.js";
import { addSyntheticPortfolio, ledgerInvariantBreaches } from "./synthetic.js";
import { createTestDatabase, type TestDatabaseHandle } from "./testing.js";

/** Payments outside the schedule say why; these tests are about the allocation, not the schedule. */
const WHY = "Versement d'essai hors échéancier";

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

  it("keeps each month's sum of payments through a payment and its reversal a month later", async () => {
    const month = async (first: string) =>
      (await database.db.select().from(paymentMonths).where(eq(paymentMonths.month, first)))[0]?.paidCents ??
      0;
    const [allocation] = await database.db
      .select()
      .from(allocations)
      .where(gt(allocations.amountCents, 0))
      .limit(1);
    const laureateId = allocation?.laureateId ?? 0;
    const [march, april] = [await month("2026-03-01"), await month("2026-04-01")];
    const paymentId = await database.db.transaction((tx) =>
      recordPaymentOutsideSchedule(
        tx,
        { userId: null },
        { laureateId, amountCents: 1_234, paidOn: "2026-03-31", reason: WHY },
      ),
    );
    await database.db.transaction((tx) =>
      reversePayment(
        tx,
        { userId: null },
        { paymentId, reason: "Erreur de saisie", reversedOn: "2026-04-02" },
      ),
    );
    expect([await month("2026-03-01"), await month("2026-04-01")]).toEqual([march + 1_234, april - 1_234]);
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
    // Neither counted in its allocation nor paying a tranche or saying why it is outside the schedule.
    const breaches = await ledgerInvariantBreaches(database.db);
    expect(breaches).toHaveLength(2);
    expect(breaches[0]).toContain("versé ≠ Σ versements");
    expect(breaches[1]).toContain("on paid tranches");
  });
});
