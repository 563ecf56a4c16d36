import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import type { ScoreLaureateInput } from "@defis/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

/** In the demonstration scenario this laureate has no scorecard, adoption or asset yet. */
const SLUG = "chms-ehpad-aix-les-bains";
/** Attached to the Intérieur: outside the santé sponsor's scope. */
const OUT_OF_SCOPE = "dggn-lab-innovation";

type Caller = Awaited<ReturnType<typeof callerAs>>;

function criteria(scores: [number, number, number, number, number, number]): ScoreLaureateInput["criteria"] {
  const [maturity, evidence, transferability, cost, prerequisites, openness] = scores;
  const entry = (score: number) => ({ score, justification: "Constat partagé avec le sponsor en comité." });
  return {
    maturity: entry(maturity),
    evidence: entry(evidence),
    transferability: entry(transferability),
    cost: entry(cost),
    prerequisites: entry(prerequisites),
    openness: entry(openness),
  };
}

describe("replication", () => {
  let database: TestDatabaseHandle;
  let officer: Caller;
  let sponsor: Caller;
  let leadership: Caller;
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    sponsor = await callerAs(database, DEMO_EMAILS.sponsorSante);
    leadership = await callerAs(database, DEMO_EMAILS.leadership);
  });
  afterAll(() => database.close());

  async function auditCount(): Promise<number> {
    const [row] = await database.db.select({ total: count() }).from(schema.auditEvents);
    return row?.total ?? 0;
  }

  async function adoptionRows() {
    return database.db.select().from(schema.adoptions);
  }

  it("ships demonstration scorecards and adoptions, flagged as such", async () => {
    const overview = await leadership.replication.overview({});
    expect(overview.hasDemo).toBe(true);
    expect(overview.matrix.length).toBeGreaterThan(5);
    expect(overview.adoptions.length).toBeGreaterThan(5);
    expect(overview.adoptions.every((adoption) => adoption.isDemo)).toBe(true);
    expect(overview.adoptions.every((adoption) => adoption.organisation.includes("fictive"))).toBe(true);
    // Every stage of the funnel is represented, and "reached" never grows down the funnel.
    const reached = overview.funnel.map((stage) => stage.reached);
    expect(reached).toEqual([...reached].sort((left, right) => right - left));
    expect(overview.funnel.every((stage) => stage.current > 0)).toBe(true);
  });

  it("scores a laureate, computes the index, and keeps the history; a stale scoring is refused", async () => {
    const before = await auditCount();
    const first = await officer.replication.score({
      laureateSlug: SLUG,
      basedOnScorecardId: null,
      criteria: criteria([3, 2, 4, 1, 0, 4]),
      sponsorName: "Sacha Petit",
    });
    expect(first.index).toBe(64);
    expect(await auditCount()).toBe(before + 1);
    // Someone else scoring from the same starting point is refused, with the current scorecard.
    await expect(
      officer.replication.score({
        laureateSlug: SLUG,
        basedOnScorecardId: null,
        criteria: criteria([4, 4, 4, 4, 4, 4]),
        sponsorName: "Sacha Petit",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await officer.replication.score({
      laureateSlug: SLUG,
      basedOnScorecardId: first.scorecardId,
      criteria: criteria([4, 3, 4, 2, 2, 4]),
      sponsorName: "Sacha Petit",
    });
    const { scorecards } = await leadership.replication.forLaureate({ slug: SLUG });
    expect(scorecards.map((card) => card.index)).toEqual([82, 64]);
    expect(scorecards[0]).toMatchObject({ scoredBy: "Camille Durand (démo)", sponsorName: "Sacha Petit" });
    expect(await auditCount()).toBe(before + 2);
  });

  it("refuses a score outside 0–4 and a missing justification, writing nothing", async () => {
    const before = await auditCount();
    const bad = criteria([5, 2, 2, 2, 2, 2]);
    await expect(
      officer.replication.score({
        laureateSlug: SLUG,
        basedOnScorecardId: null,
        criteria: bad,
        sponsorName: "X Y",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      officer.replication.score({
        laureateSlug: SLUG,
        basedOnScorecardId: null,
        criteria: { ...criteria([2, 2, 2, 2, 2, 2]), cost: { score: 2, justification: "" } },
        sponsorName: "X Y",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await auditCount()).toBe(before);
  });

  it("lets the sponsor record and move adoptions of their own laureates only", async () => {
    const before = await auditCount();
    const created = await sponsor.replication.recordAdoption({
      laureateSlug: SLUG,
      organisation: "Centre hospitalier fictif d'essai",
      regionCode: "76",
      departementCode: "31",
      contact: "Direction des soins",
      notes: null,
      identifiedOn: "2024-02-01",
    });
    expect(await auditCount()).toBe(before + 1);
    const rowsBefore = await adoptionRows();
    await expect(
      sponsor.replication.recordAdoption({
        laureateSlug: OUT_OF_SCOPE,
        organisation: "Administration fictive",
        regionCode: "11",
        departementCode: null,
        contact: null,
        notes: null,
        identifiedOn: "2024-02-01",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An adoption of another laureate, reached through an in-scope slug, is out of reach too.
    const [foreign] = rowsBefore.filter((row) => row.laureateId !== rowsBefore.at(-1)?.laureateId);
    await expect(
      sponsor.replication.moveAdoption({
        laureateSlug: SLUG,
        adoptionId: foreign?.id ?? 0,
        version: foreign?.version ?? 1,
        to: "abandonnee",
        on: "2030-01-01",
        reason: "Tentative hors périmètre",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      leadership.replication.moveAdoption({
        laureateSlug: SLUG,
        adoptionId: created.adoptionId,
        version: created.version,
        to: "contactee",
        on: "2024-02-10",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await adoptionRows()).toEqual(rowsBefore);
    expect(await auditCount()).toBe(before + 1);
  });

  it("moves an adoption one stage at a time, dated, on the version read", async () => {
    const { adoptionId, version } = await officer.replication.recordAdoption({
      laureateSlug: SLUG,
      organisation: "Communauté de communes fictive d'essai",
      regionCode: "84",
      departementCode: "73",
      contact: null,
      notes: "Rencontre au salon des maires",
      identifiedOn: "2024-03-01",
    });
    const move = (to: "contactee" | "pilote" | "deployee" | "abandonnee", on: string, at: number) =>
      officer.replication.moveAdoption({
        laureateSlug: SLUG,
        adoptionId,
        version: at,
        to,
        on,
        reason: to === "abandonnee" ? "Changement de priorités" : null,
      });
    const before = await auditCount();
    // Skipping a stage, or dating a stage before the previous one, changes nothing.
    await expect(move("pilote", "2024-03-10", version)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(move("contactee", "2024-02-01", version)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await auditCount()).toBe(before);
    const contacted = await move("contactee", "2024-03-15", version);
    // The same version again is stale: refused with the adoption as it stands.
    await expect(move("pilote", "2024-04-01", version)).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { stage: "contactee" } },
    });
    const piloted = await move("pilote", "2024-04-01", contacted.version);
    const deployed = await move("deployee", "2024-09-01", piloted.version);
    await expect(move("abandonnee", "2024-10-01", deployed.version)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await auditCount()).toBe(before + 3);
    const { adoptions } = await leadership.replication.forLaureate({ slug: SLUG });
    expect(adoptions.find((adoption) => adoption.id === adoptionId)).toMatchObject({
      stage: "deployee",
      identifiedOn: "2024-03-01",
      contactedOn: "2024-03-15",
      pilotOn: "2024-04-01",
      deployedOn: "2024-09-01",
    });
    const overview = await leadership.replication.overview({ region: "84" });
    expect(overview.adoptions.map((adoption) => adoption.id)).toContain(adoptionId);
    expect(overview.adoptions.every((adoption) => adoption.regionCode === "84")).toBe(true);
    expect(overview.regions.find((region) => region.regionCode === "84")?.deployed).toBeGreaterThan(0);
    const point = (await leadership.replication.overview({})).matrix.find((entry) => entry.slug === SLUG);
    expect(point).toMatchObject({ index: 82, progress: 4 });
  });

  it("edits an adoption on the version read and refuses a département outside its région", async () => {
    const { adoptionId, version } = await sponsor.replication.recordAdoption({
      laureateSlug: SLUG,
      organisation: "Préfecture fictive d'essai",
      regionCode: "28",
      departementCode: "14",
      contact: null,
      notes: null,
      identifiedOn: "2024-05-01",
    });
    const edit = {
      laureateSlug: SLUG,
      adoptionId,
      organisation: "Préfecture fictive (renommée)",
      contact: null,
      notes: null,
    };
    await expect(
      sponsor.replication.updateAdoption({ ...edit, version, regionCode: "28", departementCode: "31" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const updated = await sponsor.replication.updateAdoption({
      ...edit,
      version,
      regionCode: "28",
      departementCode: "50",
    });
    expect(updated.version).toBe(version + 1);
    await expect(
      sponsor.replication.updateAdoption({ ...edit, version, regionCode: "28", departementCode: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("closes a laureate only with its closure kit, once", async () => {
    const lessons =
      "Les ateliers avec les équipes de nuit ont changé la conception : les associer dès le départ.";
    const close = () =>
      officer.replication.close({ laureateSlug: SLUG, closedOn: "2024-12-15", lessonsLearned: lessons });
    const before = await auditCount();
    await expect(close()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "Le kit de clôture est incomplet : il manque au moins une ressource réutilisable (dépôt de code, guide, document ou contrat), une personne à contacter.",
    });
    expect(await database.db.select().from(schema.laureateClosures)).toEqual([]);
    expect(await auditCount()).toBe(before);
    await sponsor.replication.saveAsset({
      laureateSlug: SLUG,
      assetId: null,
      version: 0,
      kind: "guide",
      label: "Guide des ateliers",
      url: "https://exemple.invalid/guide",
      contactEmail: null,
    });
    await expect(close()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const contact = await sponsor.replication.saveAsset({
      laureateSlug: SLUG,
      assetId: null,
      version: 0,
      kind: "contact",
      label: "Cadre de santé référent",
      url: null,
      contactEmail: "referent@exemple.invalid",
    });
    await expect(
      sponsor.replication.close({ laureateSlug: SLUG, closedOn: "2024-12-15", lessonsLearned: lessons }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await close();
    await expect(close()).rejects.toMatchObject({ code: "CONFLICT" });
    // The kit of a closed laureate stays complete.
    await expect(
      sponsor.replication.removeAsset({
        laureateSlug: SLUG,
        assetId: contact.assetId,
        version: contact.version,
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const { closure, assets } = await leadership.replication.forLaureate({ slug: SLUG });
    expect(closure).toMatchObject({ closedOn: "2024-12-15", lessonsLearned: lessons });
    expect(assets.map((asset) => asset.kind).sort()).toEqual(["contact", "guide"]);
    expect(await auditCount()).toBe(before + 3);
  });

  it("suggests other laureates and territories from the announcement's own words", async () => {
    const { suggestions } = await leadership.replication.forLaureate({ slug: "dma-acceslibre" });
    expect(suggestions.laureates.length).toBeGreaterThan(0);
    expect(suggestions.laureates.every((suggestion) => suggestion.slug !== "dma-acceslibre")).toBe(true);
    expect(suggestions.laureates.every((suggestion) => suggestion.score >= 3)).toBe(true);
  });

  it("reads nothing for a laureate that does not exist", async () => {
    await expect(leadership.replication.forLaureate({ slug: "n-existe-pas" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [row] = await database.db
      .select({ total: count() })
      .from(schema.adoptions)
      .where(eq(schema.adoptions.organisation, "n-existe-pas"));
    expect(row?.total).toBe(0);
  });
});
