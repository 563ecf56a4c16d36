import { scheduleLedgerBreaches, schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { COMMITMENT_DEFINITIONS } from "@defis/domain";
import { and, desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

/** Laureates of the demonstration, each given a new funding record and a tranche of its own by a test. */
const SUBVENTION = "thiers-design-espaces-scolaires";
const TRANSFERT = "ddfip41-visio-mairies";
const NOT_SET = "prevention-perte-autonomie";

describe("money steps under the funding-mode rules", () => {
  let database: TestDatabaseHandle;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
  });
  afterAll(() => database.close());

  const key = () => randomUUID();

  /** 10 000 € more to pay, one more tranche of 1 000 € at `status`; the funding record as given. */
  async function laureateWith(
    slug: string,
    record: { conventionDate: string | null; ejNumber: string | null },
    status: "prevu" | "demande_paiement",
  ) {
    const { funding, allocation } = await officer.finance.forLaureate({ slug });
    const amountCents = (allocation?.paidCents ?? 0) + 1_000_000;
    await officer.finance.setAllocation({
      laureateSlug: slug,
      amountCents,
      reason: "Essai",
      idempotencyKey: key(),
    });
    await officer.finance.updateFunding({
      laureateSlug: slug,
      version: funding.version,
      fundingMode: funding.fundingMode,
      ...record,
      siret: null,
      rna: null,
      paymentConditions: null,
      idempotencyKey: key(),
    });
    const [laureate] = await database.db
      .select()
      .from(schema.laureates)
      .where(eq(schema.laureates.slug, slug));
    const [tranche] = await database.db
      .insert(schema.tranches)
      .values({
        laureateId: laureate?.id ?? 0,
        kind: "avance",
        position: 99,
        plannedAmountCents: 100_000,
        plannedOn: "2024-01-15",
        status,
      })
      .returning();
    return { trancheId: tranche?.id ?? 0, amountCents, paidBefore: allocation?.paidCents ?? 0 };
  }

  it("refuses a subvention's service fait, payment request, payment and payment outside the schedule without its EJ", async () => {
    const { trancheId, paidBefore } = await laureateWith(
      SUBVENTION,
      { conventionDate: "2022-05-01", ejNumber: null },
      "prevu",
    );
    const refusal = {
      code: "PRECONDITION_FAILED",
      message:
        "Une subvention ne peut avancer sans engagement : saisissez d'abord le numéro d'engagement juridique (EJ) dans le dossier de financement.",
    };
    await expect(
      officer.finance.moveTranche({
        trancheId,
        version: 1,
        to: "service_fait",
        on: "2024-02-01",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject(refusal);
    await expect(
      officer.finance.recordPayment({
        laureateSlug: SUBVENTION,
        amountCents: 1_000,
        paidOn: "2024-02-01",
        reason: "Frais de jury",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject(refusal);
    const finance = await officer.finance.forLaureate({ slug: SUBVENTION });
    expect(finance).toMatchObject({
      committed: false,
      commitmentDefinition: COMMITMENT_DEFINITIONS.subvention,
      remainingToPay: { committed: false, remainingCents: null, paidWithoutCommitmentCents: paidBefore },
    });
    expect(finance.tranches.find((tranche) => tranche.id === trancheId)?.status).toBe("prevu");
  });

  it("asks a transfer of credits paid for its reference, and pays it with one", async () => {
    const { trancheId, amountCents, paidBefore } = await laureateWith(
      TRANSFERT,
      { conventionDate: "2022-05-01", ejNumber: null },
      "demande_paiement",
    );
    await expect(
      officer.finance.moveTranche({
        trancheId,
        version: 1,
        to: "paye",
        on: "2024-02-01",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Un transfert de crédits payé porte sa référence : saisissez la référence du transfert.",
    });
    await officer.finance.moveTranche({
      trancheId,
      version: 1,
      to: "paye",
      on: "2024-02-01",
      reference: "TRF-2024-007",
      idempotencyKey: key(),
    });
    await officer.finance.recordPayment({
      laureateSlug: TRANSFERT,
      amountCents: 5_000,
      paidOn: "2024-02-02",
      reference: "TRF-2024-008",
      reason: "Frais de déplacement du jury, hors échéancier",
      idempotencyKey: key(),
    });
    const finance = await officer.finance.forLaureate({ slug: TRANSFERT });
    expect(finance.committed).toBe(true);
    expect(finance.remainingToPay).toEqual({
      committed: true,
      remainingCents: amountCents - paidBefore - 105_000,
      paidWithoutCommitmentCents: 0,
    });
    expect(
      finance.payments
        .filter((payment) => payment.reference?.startsWith("TRF-2024-00"))
        .map((payment) => [payment.trancheId, payment.reason]),
    ).toEqual([
      // Newest first, as the Finances tab lists them.
      [null, "Frais de déplacement du jury, hors échéancier"],
      [trancheId, null],
    ]);
    expect(await scheduleLedgerBreaches(database.db)).toEqual([]);
  });

  it("blocks money while the mode is not set, until an officer sets it in the funding record (audited)", async () => {
    const { trancheId, paidBefore } = await laureateWith(
      NOT_SET,
      { conventionDate: "2022-05-01", ejNumber: "2100077777" },
      "demande_paiement",
    );
    const pay = { trancheId, to: "paye" as const, on: "2024-02-01", reference: "VIR-1" };
    await expect(
      officer.finance.moveTranche({ ...pay, version: 1, idempotencyKey: key() }),
    ).rejects.toMatchObject({
      message: "Précisez d'abord le mode de financement de ce lauréat (subvention ou transfert de crédits).",
    });
    const { funding } = await officer.finance.forLaureate({ slug: NOT_SET });
    expect(funding.fundingMode).toBe("non-precise");
    await officer.finance.updateFunding({
      ...funding,
      laureateSlug: NOT_SET,
      fundingMode: "subvention",
      idempotencyKey: key(),
    });
    const [event] = await database.db
      .select({ before: schema.auditEvents.before, after: schema.auditEvents.after })
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.action, "financement.modification"),
          eq(schema.auditEvents.entityId, NOT_SET),
        ),
      )
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      before: { modeFinancement: "non-precise" },
      after: { modeFinancement: "subvention" },
    });
    await officer.finance.moveTranche({ ...pay, version: 1, idempotencyKey: key() });
    const finance = await officer.finance.forLaureate({ slug: NOT_SET });
    expect(finance.funding.fundingMode).toBe("subvention");
    expect(finance.tranches.find((tranche) => tranche.id === trancheId)?.status).toBe("paye");

    // Money paid, then the commitment withdrawn: the remaining amount is not a silent 0.
    await officer.finance.updateFunding({
      ...finance.funding,
      laureateSlug: NOT_SET,
      ejNumber: null,
      idempotencyKey: key(),
    });
    expect((await officer.finance.forLaureate({ slug: NOT_SET })).remainingToPay).toEqual({
      committed: false,
      remainingCents: null,
      paidWithoutCommitmentCents: paidBefore + 100_000,
    });
  });
});
