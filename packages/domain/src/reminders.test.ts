import { describe, expect, it } from "vitest";
import type { FollowUpRow, HealthSummary } from "./progress/index.js";
import {
  buildOfficerAlert,
  buildSponsorDigest,
  formatMailDate,
  sponsorsStalePastTwiceCadence,
} from "./reminders.js";

const TODAY = "2026-11-23";
const context = { publicUrl: "https://defis.example", today: TODAY, staleAfterDays: 30 };
const sacha = { id: 4, displayName: "Sacha Petit", email: "sacha.petit@sante.gouv.fr" };
const dominique = { id: 3, displayName: "Dominique Bernard", email: "dominique.bernard@interieur.gouv.fr" };
const camille = { id: 2, displayName: "Camille Durand", email: "camille.durand@modernisation.gouv.fr" };

const calm: HealthSummary = {
  declared: "soleil",
  declaredPeriod: "2026-11",
  computed: { level: "soleil", reasons: [] },
  diverges: false,
};

/** Noon in Paris on `day`, as the freshness table stores an instant. */
function at(day: string): Date {
  return new Date(`${day}T11:00:00Z`);
}

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

const toulouse = row({
  laureateSlug: "chu-toulouse-parkinson",
  title: "Parcours Parkinson",
  porteur: "CHU de Toulouse",
  staleParts: [
    { part: "jalons", updatedAt: at("2026-09-12") },
    { part: "meteo", updatedAt: null },
  ],
  lateMilestones: [{ id: 7, title: "Prototype testé", dueOn: "2026-10-01", daysLate: 53 }],
  health: {
    declared: "soleil",
    declaredPeriod: "2026-11",
    computed: { level: "couvert", reasons: [] },
    diverges: true,
  },
});
const upToDate = row({ laureateSlug: "ars-grand-est", title: "Accueil simplifié" });
const lateOnly = row({
  laureateSlug: "ehpad-lyon",
  title: "Repas partagés",
  porteur: "EHPAD de Lyon",
  lateMilestones: [{ id: 9, title: "Cadrage", dueOn: "2026-11-22", daysLate: 1 }],
});
const outOfScope = row({
  laureateSlug: "dggn-lab-innovation",
  title: "Lab de la gendarmerie",
  ministry: "interieur",
  staleParts: [{ part: "meteo", updatedAt: null }],
  sponsors: [{ id: dominique.id, displayName: dominique.displayName }],
});

describe("formatMailDate", () => {
  it("writes days and instants as dd/mm/yyyy, instants on their Paris day", () => {
    expect(formatMailDate("2026-03-09")).toBe("09/03/2026");
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatMailDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
  });
});

describe("buildSponsorDigest", () => {
  it("lists the laureates of the sponsor's scope that need attention, with what and links", () => {
    const digest = buildSponsorDigest(sacha, [toulouse, upToDate, lateOnly, outOfScope], context);
    expect(digest?.subject).toBe("Défis : 2 projets demandent votre attention");
    const lines = digest?.body.split("\n") ?? [];
    expect(lines[0]).toBe("Bonjour Sacha Petit,");
    expect(lines).toContain("Au 23/11/2026, 2 projets demandent votre attention dans votre périmètre.");
    expect(lines).toContain(
      "Une partie du suivi est à mettre à jour quand elle ne l'a pas été depuis plus de 30 jours.",
    );
    expect(lines).toContain("■ Parcours Parkinson");
    expect(lines).toContain("  Porteur : CHU de Toulouse");
    expect(lines).toContain("  - Jalons à mettre à jour (dernière mise à jour : 12/09/2026)");
    expect(lines).toContain("  - Météo à mettre à jour (dernière mise à jour : jamais)");
    expect(lines).toContain(
      "  - Jalon en retard : « Prototype testé », prévu le 01/10/2026, 53 jours de retard",
    );
    expect(lines).toContain(
      "  - Météo déclarée « Soleil » bien meilleure que la santé calculée « Couvert » : vérifiez-la",
    );
    expect(lines).toContain("  Fiche du projet : https://defis.example/laureats/chu-toulouse-parkinson");
    expect(lines).toContain("  - Jalon en retard : « Cadrage », prévu le 22/11/2026, 1 jour de retard");
    expect(lines).toContain("Tous vos projets : https://defis.example/mes-projets");
    // Up to date, or another sponsor's: not in this digest.
    expect(digest?.body).not.toContain("Accueil simplifié");
    expect(digest?.body).not.toContain("Lab de la gendarmerie");
  });

  it("lists the indicators to measure with their due date: alone, they call for attention", () => {
    const toMeasure = row({
      laureateSlug: "ddets-calvados-orientation-sociale",
      title: "Orientation sociale",
      lateIndicators: [{ id: 3, name: "Dossiers mal orientés", dueOn: "2026-10-31" }],
    });
    const digest = buildSponsorDigest(sacha, [upToDate, toMeasure], context);
    expect(digest?.subject).toBe("Défis : 1 projet demande votre attention");
    expect(digest?.body.split("\n")).toContain(
      "  - Indicateur à mesurer : « Dossiers mal orientés », mesure attendue le 31/10/2026",
    );
  });

  it("writes nothing when no laureate of the scope needs attention", () => {
    expect(buildSponsorDigest(sacha, [upToDate, outOfScope], context)).toBeNull();
    expect(buildSponsorDigest(camille, [toulouse], context)).toBeNull();
  });

  it("says one project in the singular", () => {
    expect(buildSponsorDigest(dominique, [outOfScope], context)?.subject).toBe(
      "Défis : 1 projet demande votre attention",
    );
  });
});

describe("officer alert", () => {
  const staleSince = (day: string) =>
    row({
      laureateSlug: `projet-${day}`,
      title: `Projet du ${day}`,
      staleParts: [{ part: "meteo", updatedAt: at(day) }],
    });

  it("counts a sponsor past twice the cadence from one day beyond it, not at exactly twice", () => {
    // 60 days before 23/11/2026 is 24/09/2026.
    expect(sponsorsStalePastTwiceCadence([staleSince("2026-09-24")], context)).toEqual([]);
    expect(sponsorsStalePastTwiceCadence([staleSince("2026-09-23")], context)).toEqual([
      {
        sponsor: { id: sacha.id, displayName: sacha.displayName },
        laureates: [
          {
            laureateSlug: "projet-2026-09-23",
            title: "Projet du 2026-09-23",
            parts: [{ part: "meteo", updatedAt: at("2026-09-23") }],
          },
        ],
      },
    ]);
  });

  it("counts a part never updated, and ignores late milestones alone", () => {
    const stale = sponsorsStalePastTwiceCadence([toulouse, lateOnly, outOfScope], context);
    expect(stale.map((entry) => entry.sponsor.displayName)).toEqual(["Dominique Bernard", "Sacha Petit"]);
    // Jalons were updated 72 days ago, the météo never: both are past 60 days.
    expect(stale[1]?.laureates).toEqual([
      { laureateSlug: "chu-toulouse-parkinson", title: "Parcours Parkinson", parts: toulouse.staleParts },
    ]);
  });

  it("writes one mail listing the sponsors and their laureates, or nothing", () => {
    const alert = buildOfficerAlert(camille, sponsorsStalePastTwiceCadence([toulouse], context), context);
    expect(alert?.subject).toBe("Défis : 1 sponsor sans mise à jour depuis plus de 60 jours");
    const lines = alert?.body.split("\n") ?? [];
    expect(lines[0]).toBe("Bonjour Camille Durand,");
    expect(lines).toContain("■ Sacha Petit");
    expect(lines).toContain(
      "  - Parcours Parkinson : Jalons (dernière mise à jour : 12/09/2026), Météo (dernière mise à jour : jamais)",
    );
    expect(lines).toContain("    https://defis.example/laureats/chu-toulouse-parkinson");
    expect(buildOfficerAlert(camille, [], context)).toBeNull();
  });
});
