import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { count, eq } from "drizzle-orm";
import type { RecordPaymentInput } from "@defis/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { callerAs, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";
import { idempotentInTransaction } from "../mutation.js";
import { recordPaymentCommand } from "./money-commands.js";

describe("finance", () => {
  let database: TestDatabaseHandle;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    for (const slug of ["chu-toulouse-parkinson", "dma-acceslibre", "ens-donnees-enquetes-ethnographiques"])
      await committed(slug);
  });
  afterAll(() => database.close());

  /**
   * These tests are about the ledger and its keys: the laureate is first made
   * committed by its mode's rule, as an officer would before paying it.
   */
  let ejCounter = 0;
  async function committed(slug: string): Promise<void> {
    const { funding, committed: already } = await officer.finance.forLaureate({ slug });
    if (already) return;
    ejCounter += 1;
    await officer.finance.updateFunding({
      ...funding,
      laureateSlug: slug,
      conventionDate: funding.conventionDate ?? "2022-05-01",
      ejNumber: funding.ejNumber ?? `23000000${String(ejCounter).padStart(2, "0")}`,
      idempotencyKey: randomUUID(),
    });
  }

  async function paymentsOf(slug: string): Promise<number> {
    const finance = await officer.finance.forLaureate({ slug });
    return finance.paymentTotals.count;
  }

  it("writes one payment for 5 concurrent retries of the same request, and answers each the same", async () => {
    const request = {
      laureateSlug: "chu-toulouse-parkinson",
      amountCents: 12_345,
      paidOn: "2024-04-02",
      reference: "VIR-2024-0402",
      reason: "Versement d'essai hors échéancier",
      idempotencyKey: randomUUID(),
    };
    const before = await paymentsOf(request.laureateSlug);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => officer.finance.recordPayment(request)),
    );
    expect(new Set(answers.map((answer) => answer.paymentId)).size).toBe(1);
    expect(await paymentsOf(request.laureateSlug)).toBe(before + 1);
    const [events] = await database.db
      .select({ total: count() })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.entityId, String(answers[0]?.paymentId)));
    expect(events?.total).toBe(1);
  });

  it("refuses the same key with another payload, and changes nothing", async () => {
    const key = randomUUID();
    await officer.finance.recordPayment({
      laureateSlug: "chu-toulouse-parkinson",
      amountCents: 100,
      paidOn: "2024-04-03",
      reason: "Versement d'essai hors échéancier",
      idempotencyKey: key,
    });
    const before = await paymentsOf("chu-toulouse-parkinson");
    await expect(
      officer.finance.recordPayment({
        laureateSlug: "chu-toulouse-parkinson",
        amountCents: 200,
        paidOn: "2024-04-03",
        reason: "Versement d'essai hors échéancier",
        idempotencyKey: key,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await paymentsOf("chu-toulouse-parkinson")).toBe(before);
  });

  it("explains in French why the ledger refuses, as a conflict", async () => {
    const finance = await officer.finance.forLaureate({ slug: "dma-acceslibre" });
    const remaining = (finance.allocation?.amountCents ?? 0) - (finance.allocation?.paidCents ?? 0);
    await expect(
      officer.finance.recordPayment({
        laureateSlug: "dma-acceslibre",
        amountCents: remaining + 1,
        paidOn: "2024-04-04",
        reference: "TRF-2024-04",
        reason: "Versement d'essai hors échéancier",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Ce versement dépasserait le montant alloué : il reste /) as unknown,
    });
    const overview = await officer.programme.overview();
    await expect(
      officer.finance.setAllocation({
        laureateSlug: "dma-acceslibre",
        amountCents: (finance.allocation?.amountCents ?? 0) + overview.reserveCents + 1,
        reason: "Au-delà de la réserve",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("L'enveloppe ne suffit pas") as unknown,
    });
  });

  it("keeps the original amount, records each movement, and shows the figures everywhere", async () => {
    const before = await officer.finance.forLaureate({ slug: "insep-catalyser" });
    const original = before.allocation?.originalAmountCents ?? 0;
    await officer.finance.setAllocation({
      laureateSlug: "insep-catalyser",
      amountCents: (before.allocation?.amountCents ?? 0) + 50_000,
      reason: "Extension du programme Catalyser",
      idempotencyKey: randomUUID(),
    });
    const after = await officer.finance.forLaureate({ slug: "insep-catalyser" });
    expect(after.allocation?.originalAmountCents).toBe(original);
    expect(after.movements[0]).toMatchObject({
      kind: "augmentation",
      deltaCents: 50_000,
      reason: "Extension du programme Catalyser",
      actorName: "Camille Durand (démo)",
    });
    const overview = await officer.programme.overview();
    expect(overview.reserveCents + overview.allocatedCents).toBe(overview.programme.envelopeCents);
    for (const groups of [
      overview.byCategory,
      overview.byMinistry,
      overview.byTerritory,
      overview.byFundingMode,
    ]) {
      expect(groups.reduce((sum, group) => sum + group.paidCents, 0)).toBe(overview.paidCents);
      expect(groups.reduce((sum, group) => sum + group.committedCents, 0)).toBe(overview.committedCents);
    }
  });

  it("reverses a payment with its reason and lists both entries", async () => {
    const { paymentId } = await officer.finance.recordPayment({
      laureateSlug: "ens-donnees-enquetes-ethnographiques",
      amountCents: 5_000,
      paidOn: "2024-06-01",
      reason: "Versement d'essai hors échéancier",
      reference: "VIR-ERREUR",
      idempotencyKey: randomUUID(),
    });
    await officer.finance.reversePayment({
      paymentId,
      reason: "Virement en double",
      idempotencyKey: randomUUID(),
    });
    const finance = await officer.finance.forLaureate({ slug: "ens-donnees-enquetes-ethnographiques" });
    const original = finance.payments.find((payment) => payment.id === paymentId);
    const reversal = finance.payments.find((payment) => payment.reversesPaymentId === paymentId);
    expect(original).toMatchObject({ amountCents: 5_000, reversedBy: reversal?.id });
    expect(reversal).toMatchObject({ amountCents: -5_000, reason: "Virement en double" });
    // The reversal is dated the day it is made; the months' payments still add up to what was paid.
    expect(reversal?.paidOn).toBe(parisDay());
    const monthly = await officer.finance.monthly();
    const overview = await officer.programme.overview();
    expect(monthly.reduce((sum, month) => sum + month.paidCents, 0)).toBe(overview.paidCents);
  });

  it("leaves no payment, no total change, no audit event and no used key when a fault follows the payment", async () => {
    const officerUser = await sessionUserOf(database, DEMO_EMAILS.officer);
    const slug = "dma-acceslibre";
    const before = await officer.finance.forLaureate({ slug });
    const [eventsBefore] = await database.db.select({ total: count() }).from(schema.auditEvents);
    const idempotencyKey = randomUUID();
    // The same builder the procedure uses: the key is claimed, then the fault rolls everything back.
    const paymentThenFault = idempotentInTransaction<RecordPaymentInput, never>(async (tx, actor, input) => {
      await recordPaymentCommand(tx, actor, input);
      throw new Error("panne simulée après l'écriture");
    });
    await expect(
      paymentThenFault({
        ctx: {
          db: database.db,
          actor: { userId: officerUser.id, role: "charge_mission", requestId: "panne" },
        },
        input: {
          laureateSlug: slug,
          amountCents: 100,
          paidOn: "2024-07-01",
          reference: "TRF-PANNE",
          reason: "Versement d'essai hors échéancier",
          idempotencyKey,
        },
        path: "finance.recordPayment",
      }),
    ).rejects.toThrow("panne simulée");
    const after = await officer.finance.forLaureate({ slug });
    expect(after.payments).toEqual(before.payments);
    expect(after.allocation?.paidCents).toBe(before.allocation?.paidCents);
    const [eventsAfter] = await database.db.select({ total: count() }).from(schema.auditEvents);
    expect(eventsAfter?.total).toBe(eventsBefore?.total);
    expect(
      await database.db
        .select()
        .from(schema.idempotencyKeys)
        .where(eq(schema.idempotencyKeys.key, idempotencyKey)),
    ).toEqual([]);
  });

  it("lets sponsors and leadership read the figures, not move the money", async () => {
    const leadership = await callerAs(database, DEMO_EMAILS.leadership);
    await expect(leadership.finance.forLaureate({ slug: "insep-catalyser" })).resolves.toHaveProperty(
      "allocation",
    );
    await expect(
      leadership.finance.recordPayment({
        laureateSlug: "insep-catalyser",
        amountCents: 1,
        paidOn: "2024-01-01",
        reason: "Versement d'essai hors échéancier",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
