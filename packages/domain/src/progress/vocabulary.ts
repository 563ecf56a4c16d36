/** Statuses a person sets on a milestone; "en retard" is derived from the due date. */
export const MILESTONE_STATUSES = {
  a_venir: "À venir",
  en_cours: "En cours",
  atteint: "Atteint",
  abandonne: "Abandonné",
} as const;
export type MilestoneStatus = keyof typeof MILESTONE_STATUSES;
export const MILESTONE_STATES = { ...MILESTONE_STATUSES, en_retard: "En retard" } as const;
export type MilestoneState = keyof typeof MILESTONE_STATES;

/** The DITP's four weather levels, from best to worst: the order is the ranking. */
export const WEATHER_LEVELS = {
  soleil: "Soleil",
  nuage: "Nuage",
  couvert: "Couvert",
  orage: "Orage",
} as const;
export type WeatherLevel = keyof typeof WEATHER_LEVELS;
export const WEATHER_MEANINGS: Record<WeatherLevel, string> = {
  soleil: "Le projet avance comme prévu.",
  nuage: "Des difficultés, sous contrôle.",
  couvert: "Des difficultés sérieuses qui demandent un appui.",
  orage: "Le projet est en danger.",
};

export const COMMENT_KINDS = {
  risques_blocages: "Risques et blocages",
  prochaines_actions: "Prochaines actions",
  reussites: "Réussites",
} as const;
export type CommentKind = keyof typeof COMMENT_KINDS;

/** The parts of a laureate's follow-up whose freshness is watched. */
export const FRESHNESS_PARTS = { finances: "Finances", jalons: "Jalons", meteo: "Météo" } as const;
export type FreshnessPart = keyof typeof FRESHNESS_PARTS;
/** The parts a sponsor keeps up to date; finances are the programme officer's. */
export const SPONSOR_PARTS = ["jalons", "meteo"] as const satisfies readonly FreshnessPart[];
export const DEFAULT_STALE_AFTER_DAYS = 30;
