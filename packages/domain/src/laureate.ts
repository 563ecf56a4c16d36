import { z } from "zod";
import { keysOf } from "./labels.js";
import { territorySchema } from "./territory.js";
import { laureateSlug, MAX_SLUG_LENGTH, SLUG_PATTERN, storedInteger } from "./identifiers.js";
import { WEATHER_STATES, type WeatherState } from "./progress/weather-state.js";

/** The three categories of the announcement, in its order. */
export const CATEGORIES = {
  organisations: "Transformation des organisations et innovation managériale",
  numerique: "Solutions de transformation entièrement numériques",
  "parcours-usagers": "Amélioration du parcours usagers et de la qualité du service rendu",
} as const;
export type CategoryKey = keyof typeof CATEGORIES;
export const categoryKeySchema = z.enum(keysOf(CATEGORIES), {
  error: "Catégorie inconnue.",
});

/**
 * Ministry of attachment, normalised. "aucun" where the porteur is a local
 * authority, an association or another body the text attaches to no ministry;
 * "non-precise" where the text does not say.
 */
export const MINISTRIES = {
  interieur: "Ministère de l'Intérieur",
  "education-sports": "Ministère de l'Éducation nationale, de la Jeunesse et des Sports",
  "transition-ecologique": "Ministère de la Transition écologique",
  "economie-finances": "Ministère de l'Économie, des Finances et de la Relance",
  "enseignement-superieur": "Ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation",
  "solidarites-sante": "Ministère des Solidarités et de la Santé",
  aucun: "Aucun (collectivité, association ou autre organisme)",
  "non-precise": "Non précisé",
} as const;
export type MinistryKey = keyof typeof MINISTRIES;
export const ministryKeySchema = z.enum(keysOf(MINISTRIES), {
  error: "Ministère inconnu.",
});

/**
 * State services receive a transfer of credits between budget programmes;
 * every other body receives a subsidy under a funding agreement.
 * "non-precise" for the laureate whose porteur the text does not name.
 */
export const FUNDING_MODES = {
  transfert: "Transfert de crédits",
  subvention: "Subvention (convention de financement)",
  "non-precise": "Non précisé",
} as const;
export type FundingModeKey = keyof typeof FUNDING_MODES;
export const fundingModeSchema = z.enum(keysOf(FUNDING_MODES), {
  error: "Mode de financement inconnu.",
});

export const PORTEUR_NOT_GIVEN = "non précisé";

/** One laureate as the reference dataset and the database describe it. */
export const laureateReferenceSchema = z.object({
  slug: z.string().max(MAX_SLUG_LENGTH).regex(SLUG_PATTERN),
  title: z.string().min(5).max(80),
  /** Exactly as the announcement writes it, or PORTEUR_NOT_GIVEN. */
  porteur: z.string().min(1),
  ministry: ministryKeySchema,
  category: categoryKeySchema,
  territory: territorySchema,
  partnerLabs: z.array(z.string().min(1)),
  /** Summaries written in our own words, adding nothing to the text. */
  summary: z.string().min(20),
  benefitsForAgents: z.array(z.string().min(3)),
  benefitsForUsagers: z.array(z.string().min(3)),
  fundingMode: fundingModeSchema,
});
export type LaureateReference = z.infer<typeof laureateReferenceSchema>;

/** Filters of the portfolio list; the web app keeps them in the URL. */
export const laureateFiltersSchema = z.object({
  category: categoryKeySchema.optional(),
  ministry: ministryKeySchema.optional(),
  /** A région code, or "national". */
  territory: z
    .string()
    .regex(/^(national|\d{2})$/, { error: "Territoire inconnu." })
    .optional(),
  q: z.string().trim().max(100, { error: "La recherche est limitée à 100 caractères." }).optional(),
  /** The météo today (`weatherStateOn`: a level, "perimee" or "sans_meteo"): a slice of the dashboard's chart. */
  weather: z.enum(keysOf(WEATHER_STATES), { error: "Météo inconnue." }).optional(),
  /** "en_retard": only laureates with at least one milestone late today. */
  milestones: z.literal("en_retard", { error: "Filtre de jalons inconnu." }).optional(),
  /** "a_mettre_a_jour": only laureates with at least one followed indicator whose measure is past due. */
  indicators: z.literal("a_mettre_a_jour", { error: "Filtre d'indicateurs inconnu." }).optional(),
});
export type LaureateFilters = z.infer<typeof laureateFiltersSchema>;

export const laureateSlugSchema = z.object({
  slug: laureateSlug,
});

/**
 * What an officer corrects or completes on a laureate's record (the porteur the
 * announcement left "non précisé", for example), on the version they read.
 */
export const updateLaureateSchema = z.object({
  laureateSlug,
  version: storedInteger,
  porteur: z
    .string()
    .trim()
    .min(2, { error: "Le porteur est requis." })
    .max(300, { error: "300 caractères au plus." }),
  ministry: ministryKeySchema,
  fundingMode: fundingModeSchema,
  partnerLabs: z
    .array(z.string().trim().min(2, { error: "Un partenaire a au moins 2 caractères." }).max(120))
    .max(20, { error: "20 partenaires au plus." }),
});
export type UpdateLaureateInput = z.infer<typeof updateLaureateSchema>;

/** A row of the portfolio list. */
export interface LaureateListItem {
  slug: string;
  title: string;
  porteur: string;
  ministry: MinistryKey;
  category: CategoryKey;
  territoryKey: string;
  departementCode: string | null;
  place: string | null;
  fundingMode: FundingModeKey;
  /** Null while no amount is allocated. */
  allocatedCents: number | null;
  /** Payments, reversals deducted; 0 while nothing is paid. */
  paidCents: number;
  /** Committed today by the rule of its funding mode (`isCommittedOn`). */
  committed: boolean;
  allocationIsDemo: boolean;
  /** Its météo on the day (`weatherStateOn`): the one the dashboard counts and the filter finds. */
  weather: WeatherState;
}

/** Everything the laureate page shows. */
export interface LaureateDetail extends LaureateListItem {
  /** The version an edit must name: an edit on an older one is refused. */
  version: number;
  partnerLabs: string[];
  summary: string;
  benefitsForAgents: string[];
  benefitsForUsagers: string[];
  programme: { name: string; sourceTitle: string; sourcePublishedOn: string; sourcePublisher: string };
}
