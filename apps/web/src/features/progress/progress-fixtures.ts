import type { FollowUpRow, HealthSummary, LaureateProgress } from "@defis/domain";

const sponsorRef = { id: 3, displayName: "Sacha Bernard (démo)" };
const officerRef = { id: 1, displayName: "Camille Durand (démo)" };

const divergent: HealthSummary = {
  declared: "soleil",
  declaredPeriod: "2026-11",
  computed: {
    level: "couvert",
    reasons: [{ level: "couvert", text: "Jalon « Prototype testé » en retard de 45 jour(s)." }],
  },
  diverges: true,
};

const calm: HealthSummary = {
  declared: "nuage",
  declaredPeriod: "2026-09",
  computed: {
    level: "nuage",
    reasons: [{ level: "nuage", text: "Météo : pas de mise à jour depuis 75 jours." }],
  },
  diverges: false,
};

/** A followed indicator whose monthly measure is past due on 26 November 2026. */
const lateIndicator = { id: 31, name: "Délai de traitement d'une inscription", dueOn: "2026-10-31" };

/** The two laureates of the list fixtures: the Réunion one declares "soleil" against the facts. */
export const followUpRows: FollowUpRow[] = [
  {
    laureateSlug: "lab-interieur",
    title: "Laboratoire d'innovation",
    porteur: "Direction générale de la Gendarmerie nationale",
    ministry: "interieur",
    staleParts: [{ part: "meteo", updatedAt: new Date("2026-09-12T08:00:00Z") }],
    lateMilestones: [],
    lateIndicators: [],
    health: calm,
    sponsors: [sponsorRef],
  },
  {
    laureateSlug: "registre-reunion",
    title: "Registre des transports",
    porteur: "DEAL de La Réunion",
    ministry: "interieur",
    staleParts: [],
    lateMilestones: [{ id: 12, title: "Prototype testé", dueOn: "2026-10-12", daysLate: 45 }],
    lateIndicators: [lateIndicator],
    health: divergent,
    sponsors: [],
  },
];

/** The Réunion laureate's follow-up on 26 November 2026. */
export const laureateProgressFixture: LaureateProgress = {
  laureateSlug: "registre-reunion",
  today: "2026-11-26",
  past: null,
  currentPeriod: "2026-11",
  staleAfterDays: 30,
  milestones: [
    {
      id: 11,
      title: "Ateliers avec les agents",
      description: "",
      dueOn: "2026-06-15",
      status: "atteint",
      state: "atteint",
      daysLate: 0,
      reachedOn: "2026-06-10",
      evidenceNote: "Compte rendu",
      evidenceUrl: null,
      position: 1,
      version: 2,
      isDemo: true,
      updatedAt: new Date("2026-06-11T08:00:00Z"),
      updatedBy: sponsorRef,
      gatedTrancheIds: [],
    },
    {
      id: 12,
      title: "Prototype testé",
      description: "",
      dueOn: "2026-10-12",
      status: "en_cours",
      state: "en_retard",
      daysLate: 45,
      reachedOn: null,
      evidenceNote: "",
      evidenceUrl: null,
      position: 2,
      version: 4,
      isDemo: true,
      updatedAt: new Date("2026-11-23T08:00:00Z"),
      updatedBy: sponsorRef,
      gatedTrancheIds: [7],
    },
  ],
  weather: [
    {
      id: 5,
      period: "2026-11",
      level: "soleil",
      synthesis: "Le calendrier est tenu.",
      version: 1,
      isDemo: true,
      updatedAt: new Date("2026-11-23T08:00:00Z"),
      updatedBy: sponsorRef,
    },
  ],
  comments: [
    {
      id: 21,
      kind: "risques_blocages",
      body: "Agents peu disponibles en été.",
      author: sponsorRef,
      createdAt: new Date("2026-11-02T08:00:00Z"),
      updatedAt: new Date("2026-11-23T08:00:00Z"),
      updatedBy: sponsorRef,
      version: 2,
      isDemo: true,
      revisions: [
        {
          version: 1,
          body: "Disponibilité à confirmer.",
          writtenAt: new Date("2026-11-02T08:00:00Z"),
          writtenBy: sponsorRef,
        },
      ],
    },
    {
      id: 22,
      kind: "prochaines_actions",
      body: "Présenter le prototype au comité de pilotage.",
      author: officerRef,
      createdAt: new Date("2026-11-03T08:00:00Z"),
      updatedAt: new Date("2026-11-03T08:00:00Z"),
      updatedBy: officerRef,
      version: 1,
      isDemo: true,
      revisions: [],
    },
    {
      id: 23,
      kind: "reussites",
      body: "Deux agences volontaires pour le test.",
      author: sponsorRef,
      createdAt: new Date("2026-11-04T08:00:00Z"),
      updatedAt: new Date("2026-11-24T09:30:00Z"),
      updatedBy: officerRef,
      version: 2,
      isDemo: true,
      revisions: [
        {
          version: 1,
          body: "Deux agences volontaires pour le teste.",
          writtenAt: new Date("2026-11-04T08:00:00Z"),
          writtenBy: sponsorRef,
        },
      ],
    },
  ],
  freshness: [
    {
      part: "finances",
      updatedAt: new Date("2026-11-15T08:00:00Z"),
      updatedBy: { id: 1, displayName: "Camille Durand (démo)" },
      stale: false,
    },
    { part: "jalons", updatedAt: new Date("2026-11-23T08:00:00Z"), updatedBy: sponsorRef, stale: false },
    { part: "meteo", updatedAt: new Date("2026-11-23T08:00:00Z"), updatedBy: sponsorRef, stale: false },
  ],
  lateIndicators: [lateIndicator],
  health: divergent,
};
