import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.js";
import {
  LedgerRefusal,
  PaymentRefusal,
  reallocate,
  recordPaymentOutsideSchedule,
  recordPaymentsOutsideSchedule,
  reversePayment,
  setAllocation,
} from "./ledger.js";
import { allocationMovements, allocations, laureates, payments, programmes } from "./schema/index.js";
import { createTestDatabase } from "./testing.js";

/** Payments outside the schedule say why; these tests are about the allocation, not the schedule. */
const WHY = "Versement d'essai hors échéancier";

const OFFICER = { userId: null };

async function laureateId(handle: DatabaseHandle, slug: string): Promise<number> {
  const [row] = await handle.db.select({ id: laureates.id }).from(laureates).where(eq(laureates.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}

async function state(handle: DatabaseHandle, id: number) {
  const [allocation] = await handle.db
    .select({ amount: allocations.amountCents, paid: allocations.paidCents })
    .from(allocations)
    .where(eq(allocations.laureateId, id));
  const [sum] = await handle.db
    .select({ paid: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number) })
    .from(payments)
    .where(eq(payments.laureateId, id));
  return { ...allocation, sumOfPayments: sum?.paid };
}

async function reserve(handle: DatabaseHandle): Promise<{ reserve: number; allocated: number; sum: number }> {
  const [programme] = await handle.db
    .select({ envelope: programmes.envelopeCents, allocated: programmes.allocatedCents })
    .from(programmes);
  const [sum] = await handle.db
    .select({ total: sql<number>`coalesce(sum(${allocations.amountCents}), 0)`.mapWith(Number) })
    .from(allocations);
  return {
    reserve: (programme?.envelope ?? 0) - (programme?.allocated ?? 0),
    allocated: programme?.allocated ?? 0,
    sum: sum?.total ?? 0,
  };
}

describe("the envelope ledger", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ demo: false });
  });
  afterAll(() => handle.close());

  it("pays exactly the allocation when 50 payments of 50 € race against 1 000 €", async () => {
    const id = await laureateId(handle, "dggn-lab-innovation");
    await handle.db.transaction((tx) =>
      setAllocation(tx, OFFICER, { laureateId: id, amountCents: 100_000, reason: "Test de concurrence" }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        handle.db.transaction((tx) =>
          recordPaymentOutsideSchedule(tx, OFFICER, {
            laureateId: id,
            amountCents: 5_000,
            paidOn: "2024-01-15",
            reason: WHY,
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(20);
    const refusals = results.filter((result) => result.status === "rejected");
    expect(refusals.every((result) => result.reason instanceof LedgerRefusal)).toBe(true);
    expect(refusals[0]?.reason).toHaveProperty(
      "message",
      "Ce versement dépasserait le montant alloué : il reste 0,00\u00a0€ à payer.",
    );
    expect(await state(handle, id)).toEqual({ amount: 100_000, paid: 100_000, sumOfPayments: 100_000 });
  });

  it("keeps allocations within the envelope when 20 increases race past the reserve", async () => {
    // Twenty laureates the other tests leave alone, whichever order the database returns them in.
    const spared = new Set([
      "dggn-lab-innovation",
      "apilos-conventions-apl",
      "ens-donnees-enquetes-ethnographiques",
    ]);
    const slugs = (await handle.db.select({ slug: laureates.slug }).from(laureates))
      .map((row) => row.slug)
      .filter((slug) => !spared.has(slug))
      .slice(0, 20);
    const before = await reserve(handle);
    // 20 × share = twice what the race may take; a margin stays for the next tests.
    const margin = 10_000_000;
    const share = Math.floor((before.reserve - margin) / 10);
    const results = await Promise.allSettled(
      slugs.map(async (slug) => {
        const id = await laureateId(handle, slug);
        return handle.db.transaction((tx) =>
          setAllocation(tx, OFFICER, { laureateId: id, amountCents: share, reason: "Course à la réserve" }),
        );
      }),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
    const after = await reserve(handle);
    expect(after.allocated).toBe(after.sum);
    expect(after.reserve).toBe(before.reserve - 10 * share);
    expect(after.reserve).toBeGreaterThanOrEqual(0);
  });

  it("leaves no payment and no paid change when a fault follows the payment", async () => {
    const id = await laureateId(handle, "apilos-conventions-apl");
    await handle.db.transaction((tx) =>
      setAllocation(tx, OFFICER, { laureateId: id, amountCents: 50_000, reason: "Test de panne" }),
    );
    await expect(
      handle.db.transaction(async (tx) => {
        await recordPaymentOutsideSchedule(tx, OFFICER, {
          laureateId: id,
          amountCents: 10_000,
          paidOn: "2024-02-01",
          reason: WHY,
        });
        throw new Error("panne simulée");
      }),
    ).rejects.toThrow("panne simulée");
    expect(await state(handle, id)).toEqual({ amount: 50_000, paid: 0, sumOfPayments: 0 });
  });

  it("corrects a payment by a reversal with its reason, once", async () => {
    const id = await laureateId(handle, "apilos-conventions-apl");
    const paymentId = await handle.db.transaction((tx) =>
      recordPaymentOutsideSchedule(tx, OFFICER, {
        laureateId: id,
        amountCents: 20_000,
        paidOn: "2024-03-01",
        reason: WHY,
        reference: "VIR-1",
      }),
    );
    await handle.db.transaction((tx) =>
      reversePayment(tx, OFFICER, { paymentId, reason: "Erreur de bénéficiaire", reversedOn: "2024-03-02" }),
    );
    expect(await state(handle, id)).toEqual({ amount: 50_000, paid: 0, sumOfPayments: 0 });
    await expect(
      handle.db.transaction((tx) =>
        reversePayment(tx, OFFICER, { paymentId, reason: "Encore", reversedOn: "2024-03-03" }),
      ),
    ).rejects.toThrow("Ce versement a déjà été contre-passé.");
    const [original] = await handle.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(original?.amountCents).toBe(20_000);
  });

  it("refuses to lower an allocation below what was paid, and the database refuses it too", async () => {
    const id = await laureateId(handle, "dggn-lab-innovation");
    await expect(
      handle.db.transaction((tx) =>
        setAllocation(tx, OFFICER, { laureateId: id, amountCents: 50_000, reason: "Baisse impossible" }),
      ),
    ).rejects.toThrow(
      "Le montant ne peut pas descendre sous ce qui a déjà été versé (1\u202f000,00\u00a0€).",
    );
    await expect(
      handle.db.update(allocations).set({ amountCents: 1 }).where(eq(allocations.laureateId, id)),
    ).rejects.toThrow();
    await expect(
      handle.db.update(programmes).set({ allocatedCents: sql`${programmes.envelopeCents} + 1` }),
    ).rejects.toThrow();
  });

  it("reallocates between laureates without touching the reserve, and records both sides", async () => {
    const from = await laureateId(handle, "apilos-conventions-apl");
    const to = await laureateId(handle, "ens-donnees-enquetes-ethnographiques");
    const before = await reserve(handle);
    const targetBefore = (await state(handle, to)).amount ?? 0;
    await handle.db.transaction((tx) =>
      reallocate(tx, OFFICER, {
        fromLaureateId: from,
        toLaureateId: to,
        amountCents: 30_000,
        reason: "Réorientation",
      }),
    );
    expect((await state(handle, from)).amount).toBe(20_000);
    expect((await state(handle, to)).amount).toBe(targetBefore + 30_000);
    expect((await reserve(handle)).reserve).toBe(before.reserve);
    const movements = await handle.db
      .select({ delta: allocationMovements.deltaCents, kind: allocationMovements.kind })
      .from(allocationMovements)
      .where(eq(allocationMovements.kind, "reaffectation"));
    expect(movements.map((movement) => movement.delta).sort((a, b) => a - b)).toEqual([-30_000, 30_000]);
    await expect(
      handle.db.transaction((tx) =>
        reallocate(tx, OFFICER, {
          fromLaureateId: from,
          toLaureateId: to,
          amountCents: 30_000,
          reason: "Trop",
        }),
      ),
    ).rejects.toBeInstanceOf(LedgerRefusal);
  });
});

describe("payments recorded together", () => {
  let handle: DatabaseHandle;
  let recorded: string[] | null = null;
  beforeAll(async () => {
    handle = await createTestDatabase({ demo: false }, (query) => recorded?.push(query));
  });
  afterAll(() => handle.close());

  async function allocated(slug: string, amountCents: number): Promise<number> {
    const id = await laureateId(handle, slug);
    await handle.db.transaction((tx) =>
      setAllocation(tx, OFFICER, { laureateId: id, amountCents, reason: "Test des versements groupés" }),
    );
    return id;
  }

  it("pays several laureates in three statements, however many the payments", async () => {
    const smicval = await allocated("smicval-zero-dechet", 1_000_000);
    const chu = await allocated("chu-toulouse-parkinson", 1_000_000);
    const batch = Array.from({ length: 40 }, (_, index) => ({
      laureateId: index % 2 === 0 ? smicval : chu,
      amountCents: 1_000 + index,
      paidOn: "2024-04-01",
      reason: WHY,
    }));
    const statements: string[] = [];
    const ids = await handle.db.transaction(async (tx) => {
      recorded = statements;
      try {
        return await recordPaymentsOutsideSchedule(tx, OFFICER, batch);
      } finally {
        recorded = null;
      }
    });
    expect(new Set(ids).size).toBe(40);
    expect(statements).toHaveLength(3);
    const paidTo = (id: number) =>
      batch
        .filter((payment) => payment.laureateId === id)
        .reduce((sum, payment) => sum + payment.amountCents, 0);
    for (const id of [smicval, chu]) {
      expect(await state(handle, id)).toEqual({
        amount: 1_000_000,
        paid: paidTo(id),
        sumOfPayments: paidTo(id),
      });
    }
  });

  it("refuses the whole batch at its first payment not covered, naming it, and writes nothing", async () => {
    const dma = await allocated("dma-acceslibre", 10_000);
    const insep = await allocated("insep-catalyser", 10_000);
    const overpaid = handle.db.transaction((tx) =>
      recordPaymentsOutsideSchedule(tx, OFFICER, [
        { laureateId: dma, amountCents: 6_000, paidOn: "2024-05-01", reason: WHY },
        { laureateId: insep, amountCents: 1_000, paidOn: "2024-05-01", reason: WHY },
        { laureateId: dma, amountCents: 5_000, paidOn: "2024-05-02", reason: WHY },
      ]),
    );
    await expect(overpaid).rejects.toBeInstanceOf(PaymentRefusal);
    await expect(overpaid).rejects.toMatchObject({
      index: 2,
      message: "Ce versement dépasserait le montant alloué : il reste 40,00\u00a0€ à payer.",
    });
    const unallocated = await laureateId(handle, "sgmi-intrapreneuriat");
    await expect(
      handle.db.transaction((tx) =>
        recordPaymentsOutsideSchedule(tx, OFFICER, [
          { laureateId: insep, amountCents: 1_000, paidOn: "2024-05-01", reason: WHY },
          { laureateId: unallocated, amountCents: 1_000, paidOn: "2024-05-01", reason: WHY },
        ]),
      ),
    ).rejects.toMatchObject({
      index: 1,
      message: "Ce lauréat n'a pas d'allocation : attribuez d'abord un montant.",
    });
    for (const id of [dma, insep]) {
      expect(await state(handle, id)).toEqual({ amount: 10_000, paid: 0, sumOfPayments: 0 });
    }
  });

  it("pays exactly the allocations when batches over the same laureates race in opposite orders", async () => {
    const collectif = await allocated("collectif-rivage-ou-atterrir", 100_000);
    const dggn = await allocated("dggn-lab-innovation", 100_000);
    // Each batch pays 50 € to both; 30 batches for room for 20. Locks taken in laureate order: no deadlock.
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, index) => {
        const pair = index % 2 === 0 ? [collectif, dggn] : [dggn, collectif];
        return handle.db.transaction((tx) =>
          recordPaymentsOutsideSchedule(
            tx,
            OFFICER,
            pair.map((laureateId) => ({ laureateId, amountCents: 5_000, paidOn: "2024-06-03", reason: WHY })),
          ),
        );
      }),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(20);
    const refusals = results.filter((result) => result.status === "rejected");
    expect(refusals.every((result) => result.reason instanceof PaymentRefusal)).toBe(true);
    for (const id of [collectif, dggn]) {
      expect(await state(handle, id)).toEqual({ amount: 100_000, paid: 100_000, sumOfPayments: 100_000 });
    }
  });
});
