import { describe, expect, it } from "vitest";
import {
  adoptionStageAsOf,
  diffSnapshots,
  milestoneOutcomeAsOf,
  type LaureateSheet,
  type ReviewSnapshot,
} from "./dashboard.js";
import { addMonths } from "./dates.js";

describe("a milestone on a day", () => {
  const milestone = { dueOn: "2026-03-31", reachedOn: "2026-04-10", abandoned: false };

  it("is upcoming until its due date, late the day after, reached late once its reached date has come", () => {
    expect(milestoneOutcomeAsOf(milestone, "2026-03-31")).toBe("a_venir");
    expect(milestoneOutcomeAsOf(milestone, "2026-04-01")).toBe("en_retard");
    expect(milestoneOutcomeAsOf(milestone, "2026-04-09")).toBe("en_retard");
    expect(milestoneOutcomeAsOf(milestone, "2026-04-10")).toBe("atteint_en_retard");
  });

  it("is reached on time when reached on or before its due date", () => {
    expect(milestoneOutcomeAsOf({ ...milestone, reachedOn: "2026-03-31" }, "2026-05-01")).toBe(
      "atteint_a_temps",
    );
    expect(milestoneOutcomeAsOf({ ...milestone, reachedOn: "2026-03-31" }, "2026-03-30")).toBe("a_venir");
  });

  it("never shows as late once abandoned", () => {
    expect(milestoneOutcomeAsOf({ ...milestone, reachedOn: null, abandoned: true }, "2027-01-01")).toBe(
      "abandonne",
    );
  });
});

describe("an adoption on a day", () => {
  const adoption = {
    identifiedOn: "2024-01-10",
    contactedOn: "2024-02-01",
    pilotOn: "2024-05-01",
    deployedOn: null,
    abandonedOn: "2024-09-01",
  };

  it("stands at the last stage whose date has come", () => {
    expect(adoptionStageAsOf(adoption, "2024-01-09")).toBeNull();
    expect(adoptionStageAsOf(adoption, "2024-01-10")).toBe("identifiee");
    expect(adoptionStageAsOf(adoption, "2024-02-01")).toBe("contactee");
    expect(adoptionStageAsOf(adoption, "2024-08-31")).toBe("pilote");
    expect(adoptionStageAsOf(adoption, "2024-09-01")).toBe("abandonnee");
  });
});

describe("months", () => {
  it("count across years", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-05", -11)).toBe("2025-06");
  });
});

function sheet(overrides: Partial<LaureateSheet>): LaureateSheet {
  return {
    slug: "lab",
    title: "Laboratoire",
    porteur: "Porteur",
    category: "organisations",
    ministry: "interieur",
    territoryKey: "national",
    fundingMode: "transfert",
    allocatedCents: 100_000_00,
    committedCents: 100_000_00,
    paidCents: 0,
    weather: null,
    milestones: [],
    risks: [],
    adoptions: [],
    potentialIndex: null,
    ...overrides,
  };
}

function snapshot(asOf: string, laureates: LaureateSheet[]): ReviewSnapshot {
  return { figures: { asOf } as ReviewSnapshot["figures"], laureates };
}

describe("the changes between two reviews", () => {
  // A scripted quarter: the weather worsens, 30 000 € are paid, 10 000 € reallocated from B to A,
  // one milestone reached, one postponed, one falls late, one risk written, an adoption moves on.
  const before = snapshot("2026-06-30", [
    sheet({
      slug: "a",
      title: "A",
      weather: { period: "2026-06", level: "soleil", synthesis: "Tout va bien." },
      milestones: [
        { id: 1, title: "Cadrage", dueOn: "2026-07-15", reachedOn: null, outcome: "a_venir" },
        { id: 2, title: "Pilote", dueOn: "2026-08-31", reachedOn: null, outcome: "a_venir" },
        { id: 3, title: "Bilan", dueOn: "2026-09-15", reachedOn: null, outcome: "a_venir" },
      ],
      risks: [{ id: 7, body: "Recrutement difficile.", writtenOn: "2026-05-02" }],
      adoptions: [{ id: 11, organisation: "Préfecture fictive", regionCode: "84", stage: "identifiee" }],
    }),
    sheet({ slug: "b", title: "B", allocatedCents: 50_000_00 }),
  ]);
  const after = snapshot("2026-09-30", [
    sheet({
      slug: "a",
      title: "A",
      allocatedCents: 110_000_00,
      paidCents: 30_000_00,
      weather: { period: "2026-09", level: "couvert", synthesis: "Retards." },
      milestones: [
        {
          id: 1,
          title: "Cadrage",
          dueOn: "2026-07-15",
          reachedOn: "2026-07-20",
          outcome: "atteint_en_retard",
        },
        { id: 2, title: "Pilote", dueOn: "2026-11-30", reachedOn: null, outcome: "a_venir" },
        { id: 3, title: "Bilan", dueOn: "2026-09-15", reachedOn: null, outcome: "en_retard" },
      ],
      risks: [
        { id: 7, body: "Recrutement difficile.", writtenOn: "2026-05-02" },
        { id: 9, body: "Prestataire défaillant.", writtenOn: "2026-08-20" },
      ],
      adoptions: [
        { id: 11, organisation: "Préfecture fictive", regionCode: "84", stage: "pilote" },
        { id: 12, organisation: "Mairie fictive", regionCode: "11", stage: "identifiee" },
      ],
    }),
    sheet({ slug: "b", title: "B", allocatedCents: 40_000_00 }),
  ]);

  it("lists each change once, laureate by laureate", () => {
    const changes = diffSnapshots(before, after);
    expect(changes.previousAsOf).toBe("2026-06-30");
    expect(changes.weather).toEqual([{ slug: "a", title: "A", from: "soleil", to: "couvert" }]);
    expect(changes.payments).toEqual([{ slug: "a", title: "A", paidCents: 30_000_00 }]);
    expect(changes.allocations).toEqual([
      { slug: "a", title: "A", fromCents: 100_000_00, toCents: 110_000_00 },
      { slug: "b", title: "B", fromCents: 50_000_00, toCents: 40_000_00 },
    ]);
    expect(changes.milestonesReached).toEqual([
      { slug: "a", title: "A", milestone: "Cadrage", reachedOn: "2026-07-20", onTime: false },
    ]);
    expect(changes.milestonesSlipped).toEqual([
      {
        slug: "a",
        title: "A",
        milestone: "Pilote",
        fromDueOn: "2026-08-31",
        toDueOn: "2026-11-30",
        late: false,
      },
      {
        slug: "a",
        title: "A",
        milestone: "Bilan",
        fromDueOn: "2026-09-15",
        toDueOn: "2026-09-15",
        late: true,
      },
    ]);
    expect(changes.newRisks).toEqual([
      { slug: "a", title: "A", body: "Prestataire défaillant.", writtenOn: "2026-08-20" },
    ]);
    expect(changes.adoptions).toEqual([
      { slug: "a", title: "A", organisation: "Préfecture fictive", from: "identifiee", to: "pilote" },
      { slug: "a", title: "A", organisation: "Mairie fictive", from: null, to: "identifiee" },
    ]);
  });

  it("finds nothing between a snapshot and itself", () => {
    const changes = diffSnapshots(after, after);
    const { previousAsOf, ...lists } = changes;
    expect(previousAsOf).toBe("2026-09-30");
    expect(Object.values(lists).every((list) => list.length === 0)).toBe(true);
  });
});
