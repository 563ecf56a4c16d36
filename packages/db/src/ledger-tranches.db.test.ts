import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.js";
import {
  PaymentRefusal,
  payTranches,
  recordPaymentOutsideSchedule,
  reversePayment,
  scheduleLedgerBreaches,
  setAllocation,
} from "./ledger.js";
import { allocations, laureates, payments, tranches } from "./schema/index.js";
import { createTestDatabase } from "./testing.js";

const OFFICER = { userId: null };

describe("paying tranches: the one door", () => {
  let handle: DatabaseHandle;
  let recorded: string[] | null = null;
  beforeAll(async () => {
    handle = await createTestDatabase({ demo: false }, (query) => recorded?.push(query));
  });
  afterAll(() => handle.close());

  async function scheduled(
    slug: string,
    allocationCents: number,
    planned: { amountCents: number; status: "prevu" | "service_fait" | "demande_paiement" }[],
  ) {
    const [laureate] = await handle.db
      .select({ id: laureates.id })
      .from(laureates)
      .where(eq(laureates.slug, slug));
    if (!laureate) throw new Error(slug);
    await handle.db.transaction((tx) =>
      setAllocation(tx, OFFICER, { laureateId: laureate.id, amountCents: allocationCents, reason: "Essai" }),
    );
    if (planned.length === 0) return { laureateId: laureate.id, trancheIds: [] };
    const rows = await handle.db
      .insert(tranches)
      .values(
        planned.map((tranche, index) => ({
          laureateId: laureate.id,
          kind: "acompte" as const,
          position: index + 1,
          plannedAmountCents: tranche.amountCents,
          plannedOn: "2024-06-01",
          status: tranche.status,
        })),
      )
      .returning({ id: tranches.id });
    return { laureateId: laureate.id, trancheIds: rows.map((row) => row.id) };
  }

  const trancheRows = (ids: number[]) =>
    handle.db
      .select({
        id: tranches.id,
        status: tranches.status,
        serviceFaitOn: tranches.serviceFaitOn,
        paymentRequestedOn: tranches.paymentRequestedOn,
        paidOn: tranches.paidOn,
      })
      .from(tranches)
      .where(inArray(tranches.id, ids))
      .orderBy(tranches.id);

  it("pays a requested tranche by the officer's path, and refuses one still planned", async () => {
    const { trancheIds } = await scheduled("dggn-lab-innovation", 100_000, [
      { amountCents: 40_000, status: "demande_paiement" },
      { amountCents: 60_000, status: "prevu" },
    ]);
    const [requested = 0, planned = 0] = trancheIds;
    await handle.db.transaction((tx) =>
      payTranches(tx, OFFICER, [{ trancheId: requested, path: "payer", paidOn: "2024-07-01" }]),
    );
    await expect(
      handle.db.transaction((tx) =>
        payTranches(tx, OFFICER, [{ trancheId: planned, path: "payer", paidOn: "2024-07-01" }]),
      ),
    ).rejects.toThrow("Une tranche « Prévu » ne peut pas passer à « Payé ».");
    expect((await trancheRows(trancheIds)).map((row) => row.status)).toEqual(["paye", "prevu"]);
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
  });

  it("lets an import pay open tranches in five statements, dating the steps it observed", async () => {
    const { laureateId, trancheIds } = await scheduled("smicval-zero-dechet", 1_000_000, [
      ...Array.from({ length: 30 }, () => ({ amountCents: 10_000, status: "prevu" as const })),
      { amountCents: 10_000, status: "service_fait" as const },
    ]);
    await handle.db
      .update(tranches)
      .set({ serviceFaitOn: "2024-05-02" })
      .where(eq(tranches.id, trancheIds.at(-1) ?? 0));
    const statements: string[] = [];
    await handle.db.transaction(async (tx) => {
      recorded = statements;
      try {
        await payTranches(
          tx,
          OFFICER,
          trancheIds.map((trancheId) => ({
            trancheId,
            path: "constater_par_import" as const,
            paidOn: "2024-06-03",
            reference: "VIR",
            observedOn: "2026-12-06",
          })),
          "import",
        );
      } finally {
        recorded = null;
      }
    });
    // Tranches locked, allocations locked, paid amounts raised, payments inserted, tranches paid.
    expect(statements).toHaveLength(5);
    const rows = await trancheRows(trancheIds);
    expect(rows.every((row) => row.status === "paye" && row.paidOn === "2024-06-03")).toBe(true);
    expect(rows[0]).toMatchObject({ serviceFaitOn: "2026-12-06", paymentRequestedOn: "2026-12-06" });
    expect(rows.at(-1)).toMatchObject({ serviceFaitOn: "2024-05-02", paymentRequestedOn: "2026-12-06" });
    const [allocation] = await handle.db
      .select()
      .from(allocations)
      .where(eq(allocations.laureateId, laureateId));
    expect(allocation?.paidCents).toBe(310_000);
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
  });

  it("refuses a batch paying one tranche twice, or a paid tranche again, and writes nothing", async () => {
    const { laureateId, trancheIds } = await scheduled("dma-acceslibre", 100_000, [
      { amountCents: 10_000, status: "demande_paiement" },
    ]);
    const [trancheId = 0] = trancheIds;
    const twice = handle.db.transaction((tx) =>
      payTranches(tx, OFFICER, [
        { trancheId, path: "constater_par_import", paidOn: "2024-06-03", observedOn: "2026-12-06" },
        { trancheId, path: "constater_par_import", paidOn: "2024-06-04", observedOn: "2026-12-06" },
      ]),
    );
    await expect(twice).rejects.toBeInstanceOf(PaymentRefusal);
    await expect(twice).rejects.toMatchObject({ index: 1 });
    const [paid] = await handle.db.select().from(payments).where(eq(payments.laureateId, laureateId));
    expect(paid).toBeUndefined();
  });

  it("pays a tranche once when 50 steps race to pay it", async () => {
    const { laureateId, trancheIds } = await scheduled("insep-catalyser", 100_000, [
      { amountCents: 5_000, status: "demande_paiement" },
    ]);
    const [trancheId = 0] = trancheIds;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        handle.db.transaction((tx) =>
          payTranches(tx, OFFICER, [{ trancheId, path: "payer", paidOn: "2024-07-01" }]),
        ),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rows = await handle.db.select().from(payments).where(eq(payments.laureateId, laureateId));
    expect(rows.map((row) => row.amountCents)).toEqual([5_000]);
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
  });

  it("reopens a tranche when its payment is reversed, to be paid again", async () => {
    const { trancheIds } = await scheduled("chu-toulouse-parkinson", 100_000, [
      { amountCents: 30_000, status: "demande_paiement" },
    ]);
    const [trancheId = 0] = trancheIds;
    const [paymentId = 0] = await handle.db.transaction((tx) =>
      payTranches(tx, OFFICER, [{ trancheId, path: "payer", paidOn: "2024-07-01" }]),
    );
    await handle.db.transaction((tx) =>
      reversePayment(tx, OFFICER, { paymentId, reason: "Mauvais compte", reversedOn: "2024-07-02" }),
    );
    expect((await trancheRows([trancheId]))[0]).toMatchObject({ status: "demande_paiement", paidOn: null });
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
    await handle.db.transaction((tx) =>
      payTranches(tx, OFFICER, [{ trancheId, path: "payer", paidOn: "2024-07-10" }]),
    );
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
  });

  it("records a payment outside the schedule only with its reason, and sees one without as a breach", async () => {
    const { laureateId } = await scheduled("collectif-rivage-ou-atterrir", 100_000, []);
    await expect(
      handle.db.transaction((tx) =>
        recordPaymentOutsideSchedule(tx, OFFICER, {
          laureateId,
          amountCents: 1_000,
          paidOn: "2024-07-01",
          reason: " ",
        }),
      ),
    ).rejects.toThrow("Un versement hors échéancier dit pourquoi");
    await handle.db.transaction((tx) =>
      recordPaymentOutsideSchedule(tx, OFFICER, {
        laureateId,
        amountCents: 1_000,
        paidOn: "2024-07-01",
        reason: "Frais de déplacement du jury",
      }),
    );
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([]);
    // Written beside the ledger, with neither tranche nor reason: the invariant sees it.
    await handle.db.insert(payments).values({ laureateId, amountCents: 500, paidOn: "2024-07-02" });
    expect(await scheduleLedgerBreaches(handle.db)).toEqual([
      `laureate ${laureateId}: Σ payments 1500 ≠ 0 on paid tranches + 1000 outside the schedule`,
    ]);
    await handle.db.delete(payments).where(eq(payments.amountCents, 500));
  });
});
