import { schema, type DatabaseHandle } from "@defis/db";
import { addDays, type ControlItem, type ControlKind, type FundingModeKey } from "@defis/domain";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ATTRIBUANT_SIRET } from "../exports/testing-fixture.js";
import { parisDay } from "../paris-day.js";
import { callerFor, createTestDatabase, sessionUserOf } from "../testing/test-app.js";

const { allocations, laureates, payments, tranches, users } = schema;
const key = () => randomUUID();
const today = parisDay();

/**
 * Each anomaly built the way it arises (a legacy row, an officer's change),
 * found by the controls, then fixed through the action the page links to, and
 * gone. On a database without the demonstration scenario, one laureate per case.
 */
describe("the consistency controls", () => {
  let database: DatabaseHandle;
  let officer: ReturnType<typeof callerFor>;
  let officerWithoutSiret: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
    await database.db.insert(users).values({
      email: "controles@ditp.example",
      displayName: "Chargée des contrôles",
      role: "charge_mission",
    });
    const user = await sessionUserOf(database, "controles@ditp.example");
    officer = callerFor(database, user, { attribuantSiret: TEST_ATTRIBUANT_SIRET });
    officerWithoutSiret = callerFor(database, user, { attribuantSiret: null });
  });
  afterAll(() => database.close());

  async function idOf(slug: string): Promise<number> {
    const [row] = await database.db
      .select({ id: laureates.id })
      .from(laureates)
      .where(eq(laureates.slug, slug));
    if (!row) throw new Error(slug);
    return row.id;
  }

  async function listed<Kind extends ControlKind>(
    kind: Kind,
    slug: string,
    caller = officer,
  ): Promise<Extract<ControlItem, { kind: Kind }>[]> {
    const report = await caller.controls.list();
    return report.items.filter(
      (item): item is Extract<ControlItem, { kind: Kind }> =>
        item.kind === kind && item.laureate.slug === slug,
    );
  }

  /** A laureate of a given mode, with an allocation and a complete funding record: no anomaly of its own. */
  async function laureateOfMode(slug: string, mode: FundingModeKey, amountCents = 10_000_000) {
    const laureateId = await idOf(slug);
    await database.db.update(laureates).set({ fundingMode: mode }).where(eq(laureates.id, laureateId));
    await officer.finance.setAllocation({
      laureateSlug: slug,
      amountCents,
      reason: "Attribution",
      idempotencyKey: key(),
    });
    return laureateId;
  }

  /** A payment row as an older version wrote it, outside the ledger's current paths. */
  async function legacyPayment(
    laureateId: number,
    amountCents: number,
    paidOn: string,
    trancheId: number | null,
  ) {
    await database.db
      .update(allocations)
      .set({ paidCents: sql`${allocations.paidCents} + ${amountCents}` })
      .where(eq(allocations.laureateId, laureateId));
    const [row] = await database.db
      .insert(payments)
      .values({ laureateId, trancheId, amountCents, paidOn, reference: "VIR-ANCIEN" })
      .returning({ id: payments.id });
    return row?.id ?? 0;
  }

  async function legacyTranche(
    laureateId: number,
    status: "paye" | "demande_paiement",
    paidOn: string | null,
  ) {
    const [row] = await database.db
      .insert(tranches)
      .values({
        laureateId,
        kind: "avance",
        position: 1,
        plannedAmountCents: 500_000,
        plannedOn: "2025-01-01",
        status,
        paidOn,
      })
      .returning({ id: tranches.id, version: tranches.version });
    if (!row) throw new Error("tranche");
    return row;
  }

  it("lists a payment with no tranche and no reason, until it is reversed", async () => {
    const id = await laureateOfMode("dggn-lab-innovation", "transfert");
    const paymentId = await legacyPayment(id, 1_000_000, "2025-03-04", null);
    expect(await listed("versement_sans_tranche", "dggn-lab-innovation")).toEqual([
      expect.objectContaining({
        amountCents: 1_000_000,
        since: "2025-03-04",
        paymentReference: "VIR-ANCIEN",
      }),
    ]);
    await officer.finance.reversePayment({
      paymentId,
      reason: "Versement saisi par erreur",
      idempotencyKey: key(),
    });
    expect(await listed("versement_sans_tranche", "dggn-lab-innovation")).toEqual([]);
  });

  it("lists a tranche paid without its payment, until the payment is recorded on it", async () => {
    const id = await laureateOfMode("sgmi-intrapreneuriat", "transfert");
    const tranche = await legacyTranche(id, "paye", "2025-02-10");
    expect(await listed("tranche_payee_sans_versement", "sgmi-intrapreneuriat")).toEqual([
      expect.objectContaining({ amountCents: 500_000, since: "2025-02-10" }),
    ]);
    await legacyPayment(id, 500_000, "2025-02-10", tranche.id);
    expect(await listed("tranche_payee_sans_versement", "sgmi-intrapreneuriat")).toEqual([]);
  });

  it("lists a payment on a tranche that is not paid, until it is reversed", async () => {
    const id = await laureateOfMode("ds-reseau-acteurs-sport", "transfert");
    const tranche = await legacyTranche(id, "demande_paiement", null);
    const paymentId = await legacyPayment(id, 500_000, "2025-05-06", tranche.id);
    expect(await listed("versement_sur_tranche_non_payee", "ds-reseau-acteurs-sport")).toEqual([
      expect.objectContaining({
        amountCents: 500_000,
        since: "2025-05-06",
        tranche: expect.objectContaining({ status: "demande_paiement", position: 1 }) as unknown,
      }),
    ]);
    await officer.finance.reversePayment({ paymentId, reason: "Rattaché à tort", idempotencyKey: key() });
    expect(await listed("versement_sur_tranche_non_payee", "ds-reseau-acteurs-sport")).toEqual([]);
  });

  it("lists a schedule that no longer follows a raised allocation, until it is rebalanced", async () => {
    const slug = "ddt77-projet-service-climat";
    await laureateOfMode(slug, "transfert", 10_000_000);
    const plan = (solde: number) =>
      officer.finance.planSchedule({
        laureateSlug: slug,
        tranches: [
          { kind: "avance", plannedAmountCents: 3_000_000, plannedOn: addDays(today, 30) },
          { kind: "solde", plannedAmountCents: solde, plannedOn: addDays(today, 300) },
        ],
        idempotencyKey: key(),
      });
    await plan(7_000_000);
    expect(await listed("prevu_different_alloue", slug)).toEqual([]);
    await officer.finance.setAllocation({
      laureateSlug: slug,
      amountCents: 12_000_000,
      reason: "Avenant",
      idempotencyKey: key(),
    });
    expect(await listed("prevu_different_alloue", slug)).toEqual([
      expect.objectContaining({
        amountCents: 2_000_000,
        plannedCents: 10_000_000,
        allocatedCents: 12_000_000,
        since: today,
      }),
    ]);
    await plan(9_000_000);
    expect(await listed("prevu_different_alloue", slug)).toEqual([]);
  });

  it("lists money paid without commitment by the rule of the mode, until the record commits it", async () => {
    const slug = "mi-participation-citoyenne";
    const id = await laureateOfMode(slug, "transfert");
    const tranche = await legacyTranche(id, "paye", "2025-06-01");
    await legacyPayment(id, 500_000, "2025-06-01", tranche.id);
    expect(await listed("verse_sans_engagement", slug)).toEqual([
      expect.objectContaining({ amountCents: 500_000, since: "2025-06-01", fundingMode: "transfert" }),
    ]);
    await officer.finance.updateFunding({
      laureateSlug: slug,
      version: 0,
      fundingMode: "transfert",
      conventionDate: "2025-05-15",
      ejNumber: null,
      siret: null,
      rna: null,
      paymentConditions: null,
      idempotencyKey: key(),
    });
    expect(await listed("verse_sans_engagement", slug)).toEqual([]);
  });

  it("lists a tranche past its planned day with its days late, until it is replanned", async () => {
    const slug = "deal-reunion-registre-transports";
    await laureateOfMode(slug, "transfert", 1_000_000);
    const plan = (plannedOn: string) =>
      officer.finance.planSchedule({
        laureateSlug: slug,
        tranches: [{ kind: "solde", plannedAmountCents: 1_000_000, plannedOn }],
        idempotencyKey: key(),
      });
    await plan(addDays(today, -3));
    expect(await listed("tranche_en_retard", slug)).toEqual([
      expect.objectContaining({ amountCents: 1_000_000, since: addDays(today, -3), daysLate: 3 }),
    ]);
    await plan(addDays(today, 20));
    expect(await listed("tranche_en_retard", slug)).toEqual([]);
  });

  it("lists an allocation without a schedule, until one is planned", async () => {
    const slug = "dge-meubles-tourisme-donnees";
    await laureateOfMode(slug, "transfert", 4_000_000);
    expect(await listed("allocation_sans_echeancier", slug)).toEqual([
      expect.objectContaining({ amountCents: 4_000_000, since: today }),
    ]);
    await officer.finance.planSchedule({
      laureateSlug: slug,
      tranches: [{ kind: "solde", plannedAmountCents: 4_000_000, plannedOn: addDays(today, 60) }],
      idempotencyKey: key(),
    });
    expect(await listed("allocation_sans_echeancier", slug)).toEqual([]);
  });

  it("lists a laureate whose funding mode is not set, until an officer sets it", async () => {
    const slug = "prevention-perte-autonomie";
    const [before] = await database.db.select().from(laureates).where(eq(laureates.slug, slug));
    if (!before) throw new Error(slug);
    await database.db.update(laureates).set({ fundingMode: "non-precise" }).where(eq(laureates.slug, slug));
    expect(await listed("mode_financement_manquant", slug)).toEqual([
      expect.objectContaining({ amountCents: null }),
    ]);
    await officer.laureates.update({
      laureateSlug: slug,
      version: before.version,
      porteur: before.porteur,
      ministry: before.ministry as "solidarites-sante",
      fundingMode: "subvention",
      partnerLabs: before.partnerLabs,
    });
    expect(await listed("mode_financement_manquant", slug)).toEqual([]);
  });

  it("lists a subsidy the SCDL file would drop, with the file's own reasons, until its record is complete", async () => {
    const slug = "collectif-rivage-ou-atterrir";
    await laureateOfMode(slug, "subvention", 1_000_005);
    expect(await listed("scdl_ligne_ecartee", slug)).toEqual([
      expect.objectContaining({
        amountCents: 1_000_005,
        since: null,
        reasons: ["convention", "identifiant", "conditions"],
      }),
    ]);
    expect((await listed("scdl_ligne_ecartee", slug, officerWithoutSiret))[0]?.reasons).toEqual([
      "attribuant",
      "convention",
      "identifiant",
      "conditions",
    ]);
    await officer.finance.updateFunding({
      laureateSlug: slug,
      version: 0,
      fundingMode: "subvention",
      conventionDate: "2025-04-02",
      ejNumber: "2100765432",
      siret: "98765432100007",
      rna: null,
      paymentConditions: "unique",
      idempotencyKey: key(),
    });
    expect(await listed("scdl_ligne_ecartee", slug)).toEqual([]);
    // Still dropped while the DITP's own SIRET is not configured: the same rule as the file.
    expect((await listed("scdl_ligne_ecartee", slug, officerWithoutSiret))[0]?.reasons).toEqual([
      "attribuant",
    ]);
    const preview = await officer.exports.scdlPreview();
    expect(preview.dropped.map((row) => row.laureate.slug)).not.toContain(slug);
  });

  it("lists a funding record missing what its mode requires, until it is completed", async () => {
    const slug = "chu-toulouse-parkinson";
    await laureateOfMode(slug, "subvention");
    const complete = (ejNumber: string | null, version: number) =>
      officer.finance.updateFunding({
        laureateSlug: slug,
        version,
        fundingMode: "subvention",
        conventionDate: "2025-01-20",
        ejNumber,
        siret: null,
        rna: null,
        paymentConditions: "echelonne",
        idempotencyKey: key(),
      });
    const { version } = await complete(null, 0);
    expect(await listed("dossier_financement_incomplet", slug)).toEqual([
      expect.objectContaining({ amountCents: 10_000_000, fundingMode: "subvention", missing: ["ejNumber"] }),
    ]);
    await complete("2100111222", version);
    expect(await listed("dossier_financement_incomplet", slug)).toEqual([]);
  });

  it("counts what it lists, kind by kind", async () => {
    const [list, count] = [await officer.controls.list(), await officer.controls.count()];
    expect(count.total).toBe(list.items.length);
    expect(count.counts).toEqual(list.counts);
    expect(count.counts.reduce((sum, { count: n }) => sum + n, 0)).toBe(count.total);
    expect(count.checkedOn).toBe(today);
  });
});
