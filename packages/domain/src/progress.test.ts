import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoDateSchema, periodOf } from "./dates.js";
import {
  computeHealth,
  createMilestoneSchema,
  daysLate,
  editedBySomeoneElse,
  guidedUpdateSchema,
  isStale,
  mayChangeComment,
  milestoneState,
  weatherDiverges,
  type HealthFacts,
} from "./progress/index.js";

const TODAY = "2026-11-26";

function facts(overrides: Partial<HealthFacts> = {}): HealthFacts {
  return {
    milestones: [],
    tranches: [],
    updatedOn: { finances: "2026-11-20", jalons: "2026-11-20", meteo: "2026-11-20" },
    lateIndicators: [],
    ...overrides,
  };
}

describe("dates", () => {
  it("counts days across months and refuses days that do not exist", () => {
    expect(daysBetween("2026-10-12", TODAY)).toBe(45);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(periodOf(TODAY)).toBe("2026-11");
    expect(isoDateSchema.safeParse("2024-02-29").success).toBe(true);
    expect(isoDateSchema.safeParse("2023-02-29").success).toBe(false);
    expect(isoDateSchema.safeParse("26/11/2026").success).toBe(false);
  });
});

describe("milestone lateness (fixed clock)", () => {
  it("is late the day after its due date when neither reached nor abandoned", () => {
    expect(daysLate({ status: "en_cours", dueOn: TODAY }, TODAY)).toBe(0);
    expect(daysLate({ status: "en_cours", dueOn: "2026-11-25" }, TODAY)).toBe(1);
    expect(milestoneState({ status: "a_venir", dueOn: "2026-10-12" }, TODAY)).toBe("en_retard");
    expect(milestoneState({ status: "atteint", dueOn: "2026-10-12" }, TODAY)).toBe("atteint");
    expect(milestoneState({ status: "abandonne", dueOn: "2020-01-01" }, TODAY)).toBe("abandonne");
    expect(milestoneState({ status: "en_cours", dueOn: "2027-01-01" }, TODAY)).toBe("en_cours");
  });
});

describe("freshness", () => {
  it("is stale after the cadence, or when never updated", () => {
    expect(isStale("2026-10-27", TODAY, 30)).toBe(false);
    expect(isStale("2026-10-26", TODAY, 30)).toBe(true);
    expect(isStale(null, TODAY, 30)).toBe(true);
  });
});

describe("computed health", () => {
  it("is soleil when the facts raise nothing", () => {
    expect(computeHealth(facts(), TODAY, 30)).toEqual({ level: "soleil", reasons: [] });
  });

  it("grades late milestones by how late they are", () => {
    const late = (dueOn: string) =>
      computeHealth(facts({ milestones: [{ title: "Prototype", status: "en_cours", dueOn }] }), TODAY, 30);
    expect(late("2026-11-10").level).toBe("nuage");
    expect(late("2026-10-12").level).toBe("couvert");
    expect(late("2026-10-12").reasons).toEqual([
      { level: "couvert", text: "Jalon « Prototype » en retard de 45 jour(s)." },
    ]);
    expect(late("2026-09-27").level).toBe("orage");
  });

  it("flags a tranche due and blocked by its milestone, and payments behind plan", () => {
    const health = computeHealth(
      facts({
        tranches: [
          { status: "prevu", plannedOn: "2026-11-01", gatingMilestone: { title: "Bilan", reached: false } },
          { status: "prevu", plannedOn: "2026-12-01", gatingMilestone: { title: "Pilote", reached: false } },
          { status: "paye", plannedOn: "2025-01-01", gatingMilestone: null },
        ],
      }),
      TODAY,
      30,
    );
    expect(health.reasons).toEqual([{ level: "couvert", text: "Une tranche attend le jalon « Bilan »." }]);
    const behind = computeHealth(
      facts({ tranches: [{ status: "demande_paiement", plannedOn: "2026-10-01", gatingMilestone: null }] }),
      TODAY,
      30,
    );
    expect(behind.level).toBe("nuage");
  });

  it("counts sponsor parts stale past the cadence, worse past twice the cadence", () => {
    const stale = computeHealth(
      facts({ updatedOn: { finances: "2020-01-01", jalons: "2026-10-20", meteo: null } }),
      TODAY,
      30,
    );
    expect(stale.reasons).toEqual([
      { level: "nuage", text: "Jalons : pas de mise à jour depuis 37 jours." },
      { level: "couvert", text: "Météo : jamais mis à jour." },
    ]);
    expect(stale.level).toBe("couvert");
  });

  it("counts an indicator to measure as a cloud, however late", () => {
    const health = computeHealth(
      facts({
        lateIndicators: [
          { id: 1, name: "Usagers reçus", dueOn: "2026-11-06" },
          { id: 2, name: "Délai de traitement", dueOn: "2026-09-26" },
        ],
      }),
      TODAY,
      30,
    );
    expect(health.reasons).toEqual([
      {
        level: "nuage",
        text: "Indicateur « Usagers reçus » à mettre à jour : mesure attendue depuis 20 jour(s).",
      },
      {
        level: "nuage",
        text: "Indicateur « Délai de traitement » à mettre à jour : mesure attendue depuis 61 jour(s).",
      },
    ]);
    expect(health.level).toBe("nuage");
  });
});

describe("declared météo against the facts", () => {
  it("diverges when declared two levels or more better than computed", () => {
    expect(weatherDiverges("soleil", "couvert")).toBe(true);
    expect(weatherDiverges("nuage", "orage")).toBe(true);
    expect(weatherDiverges("soleil", "nuage")).toBe(false);
    expect(weatherDiverges("orage", "soleil")).toBe(false);
    expect(weatherDiverges(null, "orage")).toBe(false);
  });
});

describe("milestone input", () => {
  const valid = {
    laureateSlug: "chu-toulouse-parkinson",
    title: "Prototype testé",
    description: "",
    dueOn: "2026-12-01",
    status: "a_venir",
    reachedOn: null,
    evidenceNote: "",
    evidenceUrl: "",
  };
  it("requires a reaching date for a reached milestone, and only for it", () => {
    expect(createMilestoneSchema.safeParse(valid).success).toBe(true);
    const reachedWithoutDate = createMilestoneSchema.safeParse({ ...valid, status: "atteint" });
    expect(reachedWithoutDate.error?.issues[0]?.message).toBe(
      "Indiquez la date à laquelle le jalon a été atteint.",
    );
    expect(createMilestoneSchema.safeParse({ ...valid, reachedOn: "2026-11-01" }).success).toBe(false);
    expect(createMilestoneSchema.safeParse({ ...valid, evidenceUrl: "javascript:alert(1)" }).success).toBe(
      false,
    );
  });

  it("requires the guided update's synthesis", () => {
    const parsed = guidedUpdateSchema.safeParse({
      laureateSlug: "chu-toulouse-parkinson",
      weather: { period: "2026-11", level: "soleil", synthesis: "court", version: 0 },
      milestones: [],
      comments: [],
    });
    expect(parsed.error?.issues[0]?.message).toBe("Rédigez une synthèse de 10 caractères au moins.");
  });
});

describe("who may reword a comment", () => {
  const sponsorComment = { authorId: 3 };
  it("lets the author reword their own comment, and no other sponsor", () => {
    expect(mayChangeComment({ userId: 3, role: "sponsor" }, sponsorComment)).toBe(true);
    expect(mayChangeComment({ userId: 4, role: "sponsor" }, sponsorComment)).toBe(false);
    expect(mayChangeComment({ userId: 4, role: "sponsor" }, { authorId: null })).toBe(false);
  });
  it("lets the DITP correct any comment, and leadership none", () => {
    expect(mayChangeComment({ userId: 1, role: "charge_mission" }, sponsorComment)).toBe(true);
    expect(mayChangeComment({ userId: 2, role: "administrateur" }, { authorId: null })).toBe(true);
    expect(mayChangeComment({ userId: 5, role: "direction" }, sponsorComment)).toBe(false);
  });
  it("names the last editor only when it is not the author", () => {
    const author = { id: 3 };
    expect(editedBySomeoneElse({ author, updatedBy: { id: 1 } })).toBe(true);
    expect(editedBySomeoneElse({ author, updatedBy: author })).toBe(false);
    expect(editedBySomeoneElse({ author, updatedBy: null })).toBe(false);
  });
});
