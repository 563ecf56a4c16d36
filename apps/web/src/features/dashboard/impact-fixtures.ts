import type { ImpactChanges, ImpactPortfolio } from "@defis/domain";

/** Two common indicators (a sum, a weighted mean) and one laureate's own indicator, at the end of April 2025. */
export const impactPortfolioFixture: ImpactPortfolio = {
  asOf: "2025-04-30",
  counts: { followed: 6, measured: 4, targetReached: 1, toUpdate: 2 },
  common: [
    {
      id: 1,
      name: "Usagers accompagnés",
      unit: "nombre",
      unitLabel: "",
      aggregation: "somme",
      description: "",
      rule: "Somme : les valeurs des lauréats s'additionnent ; un lauréat sans mesure compte pour sa valeur initiale.",
      overall: { baseline: 150, current: 700, target: 1800, reporting: 3, measured: 2 },
      byCategory: [
        {
          category: "organisations",
          totals: { baseline: 0, current: 400, target: 1000, reporting: 1, measured: 1 },
        },
        {
          category: "numerique",
          totals: { baseline: 100, current: 250, target: 500, reporting: 1, measured: 1 },
        },
        {
          category: "parcours-usagers",
          totals: { baseline: 50, current: null, target: 300, reporting: 1, measured: 0 },
        },
      ],
      contributors: [
        {
          slug: "sgmi-intrapreneuriat",
          title: "Dispositif d'intrapreneuriat du ministère de l'Intérieur",
          category: "organisations",
          indicatorId: 11,
          indicatorName: "Agents accompagnés",
          baselineValue: 0,
          currentValue: 400,
          targetValue: 1000,
          weight: 1,
        },
        {
          slug: "apilos-conventions-apl",
          title: "APiLos : déploiement national des conventions APL automatisées",
          category: "numerique",
          indicatorId: 12,
          indicatorName: "Bailleurs accompagnés",
          baselineValue: 100,
          currentValue: 250,
          targetValue: 500,
          weight: 1,
        },
        {
          slug: "dma-acceslibre",
          title: "Acceslibre : données publiques sur l'accessibilité des lieux",
          category: "parcours-usagers",
          indicatorId: 13,
          indicatorName: "Établissements renseignés",
          baselineValue: 50,
          currentValue: null,
          targetValue: 300,
          weight: 1,
        },
      ],
    },
    {
      id: 2,
      name: "Délai moyen de traitement",
      unit: "jours",
      unitLabel: "",
      aggregation: "moyenne_ponderee",
      description: "",
      rule: "Moyenne pondérée : chaque lauréat pèse le poids que déclare son indicateur (son nombre de dossiers, d'agents…, 1 par défaut) ; un lauréat sans mesure compte pour sa valeur initiale.",
      overall: { baseline: 32.5, current: 25, target: 16.25, reporting: 2, measured: 1 },
      byCategory: [
        {
          category: "organisations",
          totals: { baseline: 40, current: 30, target: 20, reporting: 1, measured: 1 },
        },
        {
          category: "numerique",
          totals: { baseline: 10, current: 10, target: 5, reporting: 1, measured: 0 },
        },
      ],
      contributors: [],
    },
    {
      id: 3,
      name: "Agents formés",
      unit: "nombre",
      unitLabel: "",
      aggregation: "somme",
      description: "",
      rule: "Somme",
      overall: { baseline: 0, current: null, target: 0, reporting: 0, measured: 0 },
      byCategory: [],
      contributors: [],
    },
  ],
  own: [
    {
      slug: "dma-acceslibre",
      title: "Acceslibre : données publiques sur l'accessibilité des lieux",
      category: "parcours-usagers",
      indicators: [
        {
          id: 21,
          name: "Satisfaction des usagers",
          unit: "pourcentage",
          unitLabel: "",
          direction: "hausse",
          baselineValue: 60,
          currentValue: 70,
          measuredOn: "2025-03-31",
          targetValue: 80,
          targetOn: "2026-12-31",
          progressRate: 0.5,
          targetReached: false,
          freshness: "a_jour",
        },
      ],
    },
  ],
};

/** Since the review of 30 April 2025. */
export const impactChangesFixture: ImpactChanges = {
  previousAsOf: "2025-04-30",
  newMeasures: [
    {
      slug: "apilos-conventions-apl",
      title: "APiLos : déploiement national des conventions APL automatisées",
      category: "numerique",
      indicatorId: 12,
      indicator: "Bailleurs accompagnés",
      unit: "nombre",
      unitLabel: "",
      value: 500,
      measuredOn: "2025-05-15",
    },
  ],
  targetsReached: [
    {
      slug: "apilos-conventions-apl",
      title: "APiLos : déploiement national des conventions APL automatisées",
      category: "numerique",
      indicatorId: 12,
      indicator: "Bailleurs accompagnés",
    },
  ],
  toUpdate: [],
};
