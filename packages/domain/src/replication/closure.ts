import { z } from "zod";
import type { AssetKind } from "./assets.js";
import { isoDate } from "./fields.js";
import { laureateSlug } from "../identifiers.js";

export const LESSONS_MIN_LENGTH = 50;

export const closeLaureateSchema = z.object({
  laureateSlug,
  closedOn: isoDate,
  lessonsLearned: z
    .string()
    .trim()
    .min(LESSONS_MIN_LENGTH, {
      error: `Rédigez les enseignements du projet (${LESSONS_MIN_LENGTH} caractères au moins).`,
    })
    .max(5_000, { error: "5 000 caractères au plus." }),
});
export type CloseLaureateInput = z.infer<typeof closeLaureateSchema>;

/**
 * What is missing from the closure kit: a laureate closes with a contact
 * person, at least one reusable resource (code, guide, document or contract)
 * and its lessons learned. An empty list means the kit is complete.
 */
export function closureKitGaps(assetKinds: readonly AssetKind[], lessonsLearned: string | null): string[] {
  const gaps = assetGaps(assetKinds);
  if ((lessonsLearned ?? "").trim().length < LESSONS_MIN_LENGTH) gaps.push("les enseignements du projet");
  return gaps;
}

/** The assets the closure kit still lacks, before the lessons are written. */
export function assetGaps(assetKinds: readonly AssetKind[]): string[] {
  const gaps: string[] = [];
  if (!assetKinds.some((kind) => kind !== "contact")) {
    gaps.push("au moins une ressource réutilisable (dépôt de code, guide, document ou contrat)");
  }
  if (!assetKinds.includes("contact")) gaps.push("une personne à contacter");
  return gaps;
}
