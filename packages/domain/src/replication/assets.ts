import { z } from "zod";
import { keysOf } from "../labels.js";
import { laureateSlug, storedInteger } from "../identifiers.js";

export const ASSET_KINDS = {
  code: "Dépôt de code",
  guide: "Guide de méthode",
  document: "Document",
  contrat: "Contrat ou convention",
  contact: "Personne à contacter",
} as const;
export type AssetKind = keyof typeof ASSET_KINDS;
export const assetKindSchema = z.enum(keysOf(ASSET_KINDS), {
  error: "Type de ressource inconnu.",
});

const httpsUrl = z
  .string()
  .trim()
  .max(500, { error: "500 caractères au plus." })
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), {
    error: "Indiquez une adresse web complète (https://…).",
  });

/**
 * A reusable asset: a link (code, guide, document, contract), or a contact
 * person reached by e-mail. Saved on the version read; without an id it is new.
 */
export const saveAssetSchema = z
  .object({
    laureateSlug,
    assetId: storedInteger.nullable(),
    version: z.number().int().min(0),
    kind: assetKindSchema,
    label: z
      .string()
      .trim()
      .min(2, { error: "Le libellé est requis." })
      .max(200, { error: "200 caractères au plus." }),
    url: httpsUrl.nullable(),
    contactEmail: z.email({ error: "Adresse électronique invalide." }).max(200).nullable(),
  })
  .refine((input) => input.kind === "contact" || input.url !== null, {
    error: "Indiquez l'adresse web de la ressource.",
    path: ["url"],
  })
  .refine((input) => input.kind !== "contact" || input.contactEmail !== null, {
    error: "Indiquez l'adresse électronique de la personne à contacter.",
    path: ["contactEmail"],
  });
export type SaveAssetInput = z.infer<typeof saveAssetSchema>;

export const removeAssetSchema = z.object({
  laureateSlug,
  assetId: storedInteger,
  version: storedInteger,
});
export type RemoveAssetInput = z.infer<typeof removeAssetSchema>;
