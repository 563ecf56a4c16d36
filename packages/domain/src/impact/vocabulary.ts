/**
 * The vocabulary of impact indicators: what a laureate promised to bring to
 * users and agents, measured against a baseline and a target.
 */

/** What an indicator counts in; "libre" carries its own wording (`unitLabel`). */
export const INDICATOR_UNITS = {
  nombre: "Nombre",
  pourcentage: "%",
  jours: "Jours",
  euros: "Euros",
  etp: "ETP",
  libre: "Autre unité",
} as const;
export type IndicatorUnit = keyof typeof INDICATOR_UNITS;

/** Whom the benefit reaches, as the announcement says of every project. */
export const INDICATOR_SUBJECTS = {
  usagers: "Usagers",
  agents: "Agents",
  organisation: "Organisation",
} as const;
export type IndicatorSubject = keyof typeof INDICATOR_SUBJECTS;

/** Which way is better: more users reached, or fewer days of processing. */
export const INDICATOR_DIRECTIONS = {
  hausse: "À la hausse",
  baisse: "À la baisse",
} as const;
export type IndicatorDirection = keyof typeof INDICATOR_DIRECTIONS;

/** How often a measure is expected; an indicator is "à mettre à jour" past it. */
export const INDICATOR_PERIODICITIES = {
  mensuelle: "Mensuelle",
  trimestrielle: "Trimestrielle",
  annuelle: "Annuelle",
} as const;
export type IndicatorPeriodicity = keyof typeof INDICATOR_PERIODICITIES;
export const PERIODICITY_MONTHS: Record<IndicatorPeriodicity, number> = {
  mensuelle: 1,
  trimestrielle: 3,
  annuelle: 12,
};

/**
 * A sponsor proposes, an officer accepts (the indicator becomes "suivi") or
 * refuses with a reason. Only followed indicators count anywhere.
 */
export const INDICATOR_STATUSES = {
  propose: "Proposé",
  suivi: "Suivi",
  refuse: "Refusé",
} as const;
export type IndicatorStatus = keyof typeof INDICATOR_STATUSES;

/**
 * How a common indicator adds up across laureates: counts are summed; a
 * mean (a delay, a rate) is averaged, each laureate weighted by the weight
 * its indicator declares (for instance its number of files), 1 when none.
 */
export const COMMON_AGGREGATIONS = {
  somme: "Somme",
  moyenne_ponderee: "Moyenne pondérée",
} as const;
export type CommonAggregation = keyof typeof COMMON_AGGREGATIONS;

/** Where an indicator stands against its periodicity. */
export const INDICATOR_FRESHNESS = {
  a_jour: "À jour",
  a_mettre_a_jour: "À mettre à jour",
} as const;
export type IndicatorFreshness = keyof typeof INDICATOR_FRESHNESS;
