import type { TestDatabaseHandle } from "@defis/db/testing";
import { proposeSchedule } from "@defis/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

/** In the demonstration scenario, this laureate has a funding record but no signed EJ and no schedule yet. */
const SLUG = "mi-participation-citoyenne";

describe("funding record and tranche schedule", () => {
  let database: TestDatabaseHandle;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
  });
  afterAll(() => database.close());

  const key = () => randomUUID();

  it("creates the funding record, then edits it on the version read, with a unique valid EJ", async () => {
    const base = {
      laureateSlug: SLUG,
      fundingMode: "transfert" as const,
      conventionDate: "2022-05-12",
      siret: null,
      rna: null,
      paymentConditions: "echelonne" as const,
    };
    const before = (await officer.finance.forLaureate({ slug: SLUG })).funding;
    expect(before.ejNumber).toBeNull();
    await officer.finance.updateFunding({
      ...base,
      version: before.version,
      ejNumber: "2100012345",
      idempotencyKey: key(),
    });
    const { funding } = await officer.finance.forLaureate({ slug: SLUG });
    expect(funding).toMatchObject({
      ejNumber: "2100012345",
      conventionDate: "2022-05-12",
      version: before.version + 1,
    });
    // An edit made on the version read before this one is refused.
    await expect(
      officer.finance.updateFunding({
        ...base,
        version: before.version,
        ejNumber: "2100012345",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      officer.finance.updateFunding({
        ...base,
        laureateSlug: "chu-toulouse-parkinson",
        version: 0,
        ejNumber: "2100012345",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Ce numéro d'EJ est déjà celui d'un autre lauréat.",
    });
    await expect(
      officer.finance.updateFunding({
        ...base,
        version: funding.version,
        ejNumber: "12-34",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const overview = await officer.programme.overview();
    expect(overview.committedCents).toBeGreaterThan(0);
  });

  it("plans a proposed schedule within the allocation and refuses one beyond it", async () => {
    const { allocation } = await officer.finance.forLaureate({ slug: SLUG });
    const amount = allocation?.amountCents ?? 0;
    const proposal = proposeSchedule(amount).map((tranche, index) => ({
      kind: tranche.kind,
      plannedAmountCents: tranche.amountCents,
      plannedOn: `2023-0${index + 1}-15`,
    }));
    await officer.finance.planSchedule({ laureateSlug: SLUG, tranches: proposal, idempotencyKey: key() });
    const { tranches } = await officer.finance.forLaureate({ slug: SLUG });
    expect(tranches.map((tranche) => tranche.kind)).toEqual(["avance", "acompte", "solde"]);
    expect(tranches.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0)).toBe(amount);
    await expect(
      officer.finance.planSchedule({
        laureateSlug: SLUG,
        tranches: [{ kind: "avance", plannedAmountCents: amount + 1, plannedOn: "2023-01-01" }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("dépasse le montant alloué") as unknown,
    });
  });

  it("moves a tranche forward only, dated and referenced, and pays it through the ledger", async () => {
    const [avance] = (await officer.finance.forLaureate({ slug: SLUG })).tranches;
    if (!avance) throw new Error("pas de tranche");
    await expect(
      officer.finance.moveTranche({
        trancheId: avance.id,
        version: avance.version,
        to: "paye",
        on: "2023-02-01",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Une tranche « Prévu » ne peut pas passer à « Payé ».",
    });
    await officer.finance.moveTranche({
      trancheId: avance.id,
      version: 1,
      to: "service_fait",
      on: "2023-01-20",
      idempotencyKey: key(),
    });
    await expect(
      officer.finance.moveTranche({
        trancheId: avance.id,
        version: 1,
        to: "demande_paiement",
        on: "2023-01-21",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await officer.finance.moveTranche({
      trancheId: avance.id,
      version: 2,
      to: "demande_paiement",
      on: "2023-01-25",
      reference: "DP-2023-0042",
      idempotencyKey: key(),
    });
    const payKey = key();
    const pay = {
      trancheId: avance.id,
      version: 3,
      to: "paye" as const,
      on: "2023-02-03",
      reference: "VIR-77",
      idempotencyKey: payKey,
    };
    await officer.finance.moveTranche(pay);
    // A retry of the same click returns the first answer and pays nothing more.
    await officer.finance.moveTranche(pay);
    const finance = await officer.finance.forLaureate({ slug: SLUG });
    const paid = finance.tranches.find((tranche) => tranche.id === avance.id);
    expect(paid).toMatchObject({
      status: "paye",
      serviceFaitOn: "2023-01-20",
      paymentRequestedOn: "2023-01-25",
      paymentRequestReference: "DP-2023-0042",
      paidOn: "2023-02-03",
    });
    expect(finance.payments.filter((payment) => payment.reference === "VIR-77")).toEqual([
      expect.objectContaining({ amountCents: avance.plannedAmountCents, paidOn: "2023-02-03" }),
    ]);
    expect(finance.allocation?.paidCents).toBe(avance.plannedAmountCents);
  });

  it("reopens a paid tranche when its payment is reversed, so that it can be paid again", async () => {
    const finance = await officer.finance.forLaureate({ slug: SLUG });
    const paidTranche = finance.tranches.find((tranche) => tranche.status === "paye");
    const payment = finance.payments.find(
      (item) => item.trancheId === paidTranche?.id && item.reversedBy === null,
    );
    if (!paidTranche || !payment) throw new Error("pas de tranche payée");
    await officer.finance.reversePayment({
      paymentId: payment.id,
      reason: "Virement rejeté par la banque",
      idempotencyKey: key(),
    });
    const after = await officer.finance.forLaureate({ slug: SLUG });
    const reopened = after.tranches.find((tranche) => tranche.id === paidTranche.id);
    expect(reopened).toMatchObject({
      status: "demande_paiement",
      paidOn: null,
      version: paidTranche.version + 1,
    });
    await officer.finance.moveTranche({
      trancheId: paidTranche.id,
      version: paidTranche.version + 1,
      to: "paye",
      on: "2023-02-20",
      reference: "VIR-78",
      idempotencyKey: key(),
    });
    expect((await officer.finance.forLaureate({ slug: SLUG })).allocation?.paidCents).toBe(
      (after.allocation?.paidCents ?? 0) + paidTranche.plannedAmountCents,
    );
  });

  it("cancels a planned tranche only with a reason", async () => {
    const solde = (await officer.finance.forLaureate({ slug: SLUG })).tranches.find(
      (tranche) => tranche.kind === "solde",
    );
    if (!solde) throw new Error("pas de solde");
    const plannedTotal = async () =>
      (await officer.finance.monthly()).reduce((sum, month) => sum + month.plannedCents, 0);
    const plannedBefore = await plannedTotal();
    await expect(
      officer.finance.moveTranche({
        trancheId: solde.id,
        version: solde.version,
        to: "annule",
        on: "2023-03-01",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await officer.finance.moveTranche({
      trancheId: solde.id,
      version: solde.version,
      to: "annule",
      on: "2023-03-01",
      reason: "Projet clos avant son terme",
      idempotencyKey: key(),
    });
    // A cancelled tranche leaves the planned curve.
    expect(await plannedTotal()).toBe(plannedBefore - solde.plannedAmountCents);
    const { tranches } = await officer.finance.forLaureate({ slug: SLUG });
    expect(tranches.find((tranche) => tranche.id === solde.id)).toMatchObject({
      status: "annule",
      cancellationReason: "Projet clos avant son terme",
    });
  });
});
