import { z } from "zod";
import { keysOf, labelFrom } from "./labels.js";

/** The 18 régions, by their official INSEE code (COG). */
export const REGIONS = {
  "01": "Guadeloupe",
  "02": "Martinique",
  "03": "Guyane",
  "04": "La Réunion",
  "06": "Mayotte",
  "11": "Île-de-France",
  "24": "Centre-Val de Loire",
  "27": "Bourgogne-Franche-Comté",
  "28": "Normandie",
  "32": "Hauts-de-France",
  "44": "Grand Est",
  "52": "Pays de la Loire",
  "53": "Bretagne",
  "75": "Nouvelle-Aquitaine",
  "76": "Occitanie",
  "84": "Auvergne-Rhône-Alpes",
  "93": "Provence-Alpes-Côte d'Azur",
  "94": "Corse",
} as const;

export type RegionCode = keyof typeof REGIONS;
export const regionCodeSchema = z.enum(keysOf(REGIONS), {
  error: "Code de région inconnu.",
});

/** Département codes: 01–95 with 2A/2B, and 971–976 overseas. */
export const departementCodeSchema = z.string().regex(/^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/, {
  error: "Code de département invalide.",
});

/** Whether a laureate acts everywhere or in one place. */
export const TERRITORY_SCOPES = {
  national: "National",
  local: "Local",
} as const;
export type TerritoryScope = keyof typeof TERRITORY_SCOPES;

/**
 * Where a laureate acts. "national" when the announcement names no place;
 * otherwise the région, and the département when the text names one.
 */
export const territorySchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("national") }),
  z.object({
    scope: z.literal("local"),
    regionCode: regionCodeSchema,
    departementCode: departementCodeSchema.nullable(),
    /** The place as the announcement names it (city, département, area). */
    place: z.string().min(1),
  }),
]);
export type Territory = z.infer<typeof territorySchema>;

export const NATIONAL_TERRITORY_KEY = "national";

/** Key used to group and filter by territory: a région code, or "national". */
export function territoryKey(territory: Territory): string {
  return territory.scope === "national" ? NATIONAL_TERRITORY_KEY : territory.regionCode;
}

export function territoryKeyLabel(key: string): string {
  if (key === NATIONAL_TERRITORY_KEY) return "National";
  return labelFrom(REGIONS, key);
}
