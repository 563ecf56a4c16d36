import type { IndicatorItem, LaureateImpact, MeasureItem } from "@defis/domain";

const definition = {
  laureateId: 2,
  yearlyTargets: [],
  source: "",
  method: "",
  commonIndicatorId: null,
  commonIndicatorName: null,
  weight: 1,
  status: "suivi",
  proposedBy: null,
  refusalReason: null,
  version: 1,
  isDemo: false,
  latest: null,
  progressRate: null,
  targetReached: false,
  freshness: "a_jour",
} as const satisfies Partial<IndicatorItem>;

/** Fewer days to process a file: 45 → 20, measured at 30 (60 % of the way), up to date. */
export const delayIndicator: IndicatorItem = {
  ...definition,
  id: 1,
  name: "Délai moyen de traitement",
  unit: "jours",
  unitLabel: "",
  subject: "usagers",
  direction: "baisse",
  baselineValue: 45,
  baselineOn: "2022-01-01",
  targetValue: 20,
  targetOn: "2024-12-31",
  yearlyTargets: [{ year: 2023, value: 30 }],
  periodicity: "trimestrielle",
  source: "Tableau de bord du service",
  method: "Moyenne des dossiers clos dans le trimestre",
  latest: { value: 30, measuredOn: "2026-09-30" },
  progressRate: 0.6,
  nextDueOn: "2099-12-30",
};

/** More users reached, late for its monthly measure, from the demonstration, linked to a common indicator. */
export const usersIndicator: IndicatorItem = {
  ...definition,
  id: 2,
  name: "Usagers accompagnés",
  unit: "nombre",
  unitLabel: "usagers",
  subject: "usagers",
  direction: "hausse",
  baselineValue: 0,
  baselineOn: "2023-01-01",
  targetValue: 1200,
  targetOn: "2026-12-31",
  periodicity: "mensuelle",
  commonIndicatorId: 5,
  commonIndicatorName: "Usagers touchés",
  isDemo: true,
  latest: { value: 300, measuredOn: "2026-06-30" },
  progressRate: 0.25,
  freshness: "a_mettre_a_jour",
  nextDueOn: "2026-07-30",
};

export const proposedIndicator: IndicatorItem = {
  ...definition,
  id: 3,
  name: "Taux de satisfaction",
  unit: "pourcentage",
  unitLabel: "",
  subject: "usagers",
  direction: "hausse",
  baselineValue: 60,
  baselineOn: "2026-01-01",
  targetValue: 80,
  targetOn: "2027-12-31",
  periodicity: "annuelle",
  status: "propose",
  proposedBy: "Sacha Bernard (démo)",
  nextDueOn: "2027-01-01",
};

export const refusedIndicator: IndicatorItem = {
  ...proposedIndicator,
  id: 4,
  name: "Nombre de réunions",
  unit: "nombre",
  status: "refuse",
  refusalReason: "Une réunion ne dit rien du service rendu aux usagers.",
};

const measure = {
  source: "",
  comment: "",
  version: 1,
  isDemo: false,
  writtenBy: "Sacha Bernard (démo)",
  writtenAt: "2026-10-02T08:00:00Z",
  corrections: [],
} as const satisfies Partial<MeasureItem>;

export const delayMeasures: MeasureItem[] = [
  {
    ...measure,
    id: 101,
    indicatorId: 1,
    measuredOn: "2025-06-30",
    value: 35,
    version: 2,
    writtenBy: "Camille Durand (démo)",
    writtenAt: "2025-07-10T09:00:00Z",
    corrections: [
      {
        value: 38,
        source: "",
        comment: "",
        writtenBy: "Sacha Bernard (démo)",
        writtenAt: "2025-07-01T09:00:00Z",
      },
    ],
  },
  { ...measure, id: 102, indicatorId: 1, measuredOn: "2026-09-30", value: 30, source: "Export de l'outil" },
];

export const laureateImpactFixture: LaureateImpact = {
  asOf: "2026-12-06",
  indicators: [delayIndicator, usersIndicator, proposedIndicator, refusedIndicator],
  measures: [...delayMeasures, { ...measure, id: 201, indicatorId: 2, measuredOn: "2026-06-30", value: 300 }],
};

/** Nothing waits for a measure: the guided update has no « Indicateurs » step. */
export const upToDateImpactFixture: LaureateImpact = {
  ...laureateImpactFixture,
  indicators: [delayIndicator],
  measures: delayMeasures,
};
