import { describe, expect, it } from "vitest";
import { mayActOnLaureate, type ScopeEntry } from "./accounts.js";
import { assignRefusal, buildSponsorChase, chaseOccurrence, chaseRefusal, waitingSince } from "./chase.js";
import { trancheStepRefusal } from "./finance/index.js";
import type { FollowUpRow, HealthSummary } from "./progress/index.js";

const context = { publicUrl: "https://defis.example", today: "2026-11-23", staleAfterDays: 30 };
const sacha = { id: 4, displayName: "Sacha Petit", email: "sacha.petit@sante.gouv.fr" };
const camille = { id: 2, displayName: "Camille Durand", email: "camille.durand@modernisation.gouv.fr" };
const calm: HealthSummary = {
  declared: "soleil",
  declaredPeriod: "2026-11",
  computed: { level: "soleil", reasons: [] },
  diverges: false,
};

function row(overrides: Partial<FollowUpRow> & Pick<FollowUpRow, "laureateSlug" | "title">): FollowUpRow {
  return {
    porteur: "Porteur",
    ministry: "solidarites-sante",
    staleParts: [],
    lateMilestones: [],
    lateIndicators: [],
    health: calm,
    sponsors: [{ id: sacha.id, displayName: sacha.displayName }],
    ...overrides,
  };
}

const stale = row({
  laureateSlug: "chu-toulouse-parkinson",
  title: "Parcours Parkinson",
  staleParts: [{ part: "jalons", updatedAt: new Date("2026-09-12T11:00:00Z") }],
  lateMilestones: [{ id: 7, title: "Prototype testé", dueOn: "2026-10-01", daysLate: 53 }],
});
const fresh = row({ laureateSlug: "ars-grand-est", title: "Accueil simplifié" });
const someoneElse = row({
  laureateSlug: "dggn-lab-innovation",
  title: "Lab de la gendarmerie",
  staleParts: [{ part: "meteo", updatedAt: null }],
  sponsors: [{ id: 9, displayName: "Dominique Bernard" }],
});

describe("chasing a sponsor", () => {
  it("lists exactly what is missing in the sponsor's scope, and whom to answer", () => {
    const mail = buildSponsorChase(sacha, camille, [stale, fresh, someoneElse], context);
    expect(mail?.subject).toBe("Défis : relance de la DITP, 1 projet attend votre mise à jour");
    expect(mail?.body).toContain("Camille Durand, de la DITP, vous relance : au 23/11/2026");
    expect(mail?.body).toContain("■ Parcours Parkinson");
    expect(mail?.body).toContain("Jalons à mettre à jour (dernière mise à jour : 12/09/2026)");
    expect(mail?.body).toContain("« Prototype testé », prévu le 01/10/2026, 53 jours de retard");
    expect(mail?.body).not.toContain("Accueil simplifié");
    expect(mail?.body).not.toContain("Lab de la gendarmerie");
    expect(mail?.body).toContain("Écrivez à Camille Durand : camille.durand@modernisation.gouv.fr.");
    expect(buildSponsorChase(sacha, camille, [fresh, someoneElse], context)).toBeNull();
  });

  it("says why a sponsor cannot be reminded: already today, or nothing missing", () => {
    expect(chaseRefusal({ ...sacha, chasedToday: false }, [stale])).toBeNull();
    expect(chaseRefusal({ ...sacha, chasedToday: true }, [stale])).toBe(
      "Sacha Petit a déjà été relancé·e aujourd'hui : une relance par jour au plus.",
    );
    expect(chaseRefusal({ ...sacha, chasedToday: false }, [fresh, someoneElse])).toBe(
      "Sacha Petit n'a rien à mettre à jour : aucune relance n'est nécessaire.",
    );
  });

  it("keys a reminder by Paris day and sponsor", () => {
    expect(chaseOccurrence("2026-11-23", 4)).toBe("relance:2026-11-23:4");
  });

  it("dates the wait from the oldest last update or due date, 'jamais' when never updated", () => {
    expect(waitingSince([stale, fresh])).toEqual({ kind: "depuis", day: "2026-09-12" });
    expect(waitingSince([row({ ...stale, staleParts: [] })])).toEqual({ kind: "depuis", day: "2026-10-01" });
    expect(waitingSince([stale, someoneElse])).toEqual({ kind: "jamais" });
    expect(waitingSince([fresh])).toBeNull();
  });

  it("chases a sponsor whose only wait is an indicator to measure, dated from its due date", () => {
    const toMeasure = row({
      laureateSlug: "chms-ehpad-aix-les-bains",
      title: "EHPAD co-conçu",
      lateIndicators: [{ id: 5, name: "Satisfaction des résidents", dueOn: "2026-08-31" }],
    });
    expect(waitingSince([stale, toMeasure])).toEqual({ kind: "depuis", day: "2026-08-31" });
    expect(
      chaseRefusal({ id: sacha.id, displayName: sacha.displayName, chasedToday: false }, [toMeasure]),
    ).toBe(null);
    expect(buildSponsorChase(sacha, camille, [toMeasure], context)?.body).toContain(
      "  - Indicateur à mesurer : « Satisfaction des résidents », mesure attendue le 31/08/2026",
    );
  });

  it("gives a laureate only to an active sponsor who does not cover it yet", () => {
    const sponsor = { displayName: "Sacha Petit", role: "sponsor", active: true };
    expect(assignRefusal(sponsor, false)).toBeNull();
    expect(assignRefusal(sponsor, true)).toBe("Ce lauréat est déjà dans le périmètre de Sacha Petit.");
    expect(assignRefusal({ ...sponsor, active: false }, false)).toBe(
      "Le compte de Sacha Petit est désactivé.",
    );
    expect(assignRefusal({ ...sponsor, role: "direction" }, false)).toBe("Ce compte n'est pas un sponsor.");
    expect(assignRefusal(null, false)).toBe("Ce compte n'est pas un sponsor.");
  });
});

describe("what a person may do on a laureate", () => {
  const laureate = {
    slug: "chu-toulouse-parkinson",
    ministry: "solidarites-sante",
    porteur: "CHU de Toulouse",
  };
  it("lets a sponsor act within their scope only, the DITP everywhere, leadership nowhere", () => {
    const sante: ScopeEntry[] = [{ kind: "ministere", value: "solidarites-sante" }];
    const interieur: ScopeEntry[] = [{ kind: "ministere", value: "interieur" }];
    const inScope = { role: "sponsor" as const, scope: sante };
    const outside = { role: "sponsor" as const, scope: interieur };
    expect(mayActOnLaureate(inScope, "updateProgress", laureate)).toBe(true);
    expect(mayActOnLaureate(outside, "updateProgress", laureate)).toBe(false);
    expect(mayActOnLaureate({ role: "charge_mission", scope: [] }, "updateProgress", laureate)).toBe(true);
    expect(mayActOnLaureate({ role: "direction", scope: [] }, "updateProgress", laureate)).toBe(false);
    expect(mayActOnLaureate(inScope, "manageMoney", laureate)).toBe(false);
    expect(mayActOnLaureate(null, "updateProgress", laureate)).toBe(false);
  });
});

describe("a tranche step's precondition", () => {
  it("refuses 'service fait' while the gating milestone is not reached, and nothing else", () => {
    expect(trancheStepRefusal("service_fait", { title: "Prototype", reached: false })).toBe(
      "Cette tranche attend le jalon « Prototype » : le service fait ne peut être constaté qu'une fois ce jalon atteint.",
    );
    expect(trancheStepRefusal("service_fait", { title: "Prototype", reached: true })).toBeNull();
    expect(trancheStepRefusal("service_fait", null)).toBeNull();
    expect(trancheStepRefusal("annule", { title: "Prototype", reached: false })).toBeNull();
  });
});
