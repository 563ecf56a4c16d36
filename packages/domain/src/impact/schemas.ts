import { z } from "zod";
import { isoDateSchema } from "../dates.js";
import { laureateSlug, storedInteger } from "../identifiers.js";
import { keysOf } from "../labels.js";
import {
  COMMON_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_PERIODICITIES,
  INDICATOR_SUBJECTS,
  INDICATOR_UNITS,
} from "./vocabulary.js";

/** The largest value a numeric(16,2) column holds, well beyond any count of users or days. */
export const MAX_INDICATOR_VALUE = 99_999_999_999_999;

/** An indicator value: a number with at most two decimals, within what the column holds. */
export const indicatorValueSchema = z
  .number({ error: "Indiquez une valeur numérique." })
  .min(-MAX_INDICATOR_VALUE, { error: "Valeur hors des limites." })
  .max(MAX_INDICATOR_VALUE, { error: "Valeur hors des limites." })
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, {
    error: "Deux décimales au plus.",
  });

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} : ${String(max)} caractères au plus.` });

const nameSchema = z
  .string()
  .trim()
  .min(3, { error: "Le nom de l'indicateur compte 3 caractères au moins." })
  .max(200, { error: "Le nom de l'indicateur est limité à 200 caractères." });

const yearlyTargetsSchema = z
  .array(
    z.object({
      year: z
        .number({ error: "Indiquez une année." })
        .int({ error: "Indiquez une année." })
        .min(2020, { error: "Année entre 2020 et 2035." })
        .max(2035, { error: "Année entre 2020 et 2035." }),
      value: indicatorValueSchema,
    }),
  )
  .max(16, { error: "16 cibles annuelles au plus." })
  .refine((targets) => new Set(targets.map((target) => target.year)).size === targets.length, {
    error: "Une seule cible par année.",
  });

/** What an indicator is: officers define it with the sponsor; a sponsor may propose one. */
const indicatorFields = {
  name: nameSchema,
  unit: z.enum(keysOf(INDICATOR_UNITS), { error: "Unité inconnue." }),
  /** The unit's wording when it is "libre" (for instance "dossiers par mois"). */
  unitLabel: text("L'unité", 40),
  subject: z.enum(keysOf(INDICATOR_SUBJECTS), { error: "Indiquez ce que l'indicateur mesure." }),
  direction: z.enum(keysOf(INDICATOR_DIRECTIONS), { error: "Indiquez le sens souhaité." }),
  baselineValue: indicatorValueSchema,
  baselineOn: isoDateSchema,
  targetValue: indicatorValueSchema,
  targetOn: isoDateSchema,
  yearlyTargets: yearlyTargetsSchema,
  periodicity: z.enum(keysOf(INDICATOR_PERIODICITIES), { error: "Indiquez la périodicité." }),
  source: text("La source", 300),
  method: text("La méthode", 2000),
  commonIndicatorId: storedInteger.nullable(),
  /** Weight in a common indicator's weighted mean; 1 when none is declared. */
  weight: z
    .number({ error: "Indiquez un poids." })
    .positive({ error: "Le poids est positif." })
    .max(MAX_INDICATOR_VALUE, { error: "Valeur hors des limites." }),
};

type IndicatorDefinition = z.infer<z.ZodObject<typeof indicatorFields>>;

/** The rules that tie fields together, with the field each message belongs to. */
function definitionHolds(indicator: IndicatorDefinition, context: z.RefinementCtx) {
  if (indicator.unit === "libre" && indicator.unitLabel === "") {
    context.addIssue({ code: "custom", message: "Précisez l'unité.", path: ["unitLabel"] });
  }
  if (indicator.targetOn <= indicator.baselineOn) {
    context.addIssue({
      code: "custom",
      message: "La date de la cible suit celle de la valeur initiale.",
      path: ["targetOn"],
    });
  }
  const span = indicator.targetValue - indicator.baselineValue;
  if (span === 0 || (indicator.direction === "hausse") !== span > 0) {
    context.addIssue({
      code: "custom",
      message:
        indicator.direction === "hausse"
          ? "Pour un indicateur à la hausse, la cible dépasse la valeur initiale."
          : "Pour un indicateur à la baisse, la cible est inférieure à la valeur initiale.",
      path: ["targetValue"],
    });
  }
  const firstYear = Number(indicator.baselineOn.slice(0, 4));
  const lastYear = Number(indicator.targetOn.slice(0, 4));
  indicator.yearlyTargets.forEach((target, index) => {
    if (target.year < firstYear || target.year > lastYear) {
      context.addIssue({
        code: "custom",
        message: `Une cible annuelle tombe entre ${String(firstYear)} et ${String(lastYear)}.`,
        path: ["yearlyTargets", index, "year"],
      });
    }
  });
}

export const defineIndicatorSchema = z
  .object({ laureateSlug, ...indicatorFields })
  .superRefine(definitionHolds);
export type DefineIndicatorInput = z.infer<typeof defineIndicatorSchema>;

export const updateIndicatorSchema = z
  .object({ laureateSlug, indicatorId: storedInteger, version: storedInteger, ...indicatorFields })
  .superRefine(definitionHolds);
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorSchema>;

/** An officer's answer to a sponsor's proposal: accepted, or refused with its reason. */
export const decideIndicatorProposalSchema = z.discriminatedUnion("decision", [
  z.object({
    laureateSlug,
    indicatorId: storedInteger,
    version: storedInteger,
    decision: z.literal("accepter"),
  }),
  z.object({
    laureateSlug,
    indicatorId: storedInteger,
    version: storedInteger,
    decision: z.literal("refuser"),
    reason: z
      .string()
      .trim()
      .min(5, { error: "Donnez la raison du refus (5 caractères au moins)." })
      .max(1000, { error: "La raison est limitée à 1 000 caractères." }),
  }),
]);
export type DecideIndicatorProposalInput = z.infer<typeof decideIndicatorProposalSchema>;

const measureFields = {
  value: indicatorValueSchema,
  measuredOn: isoDateSchema,
  source: text("La source", 300),
  comment: text("Le commentaire", 2000),
};

/** A new measure; a second one on the same day is refused (correct the first one instead). */
export const recordMeasureSchema = z.object({ laureateSlug, indicatorId: storedInteger, ...measureFields });
export type RecordMeasureInput = z.infer<typeof recordMeasureSchema>;

/** A correction keeps the previous value in the measure's history. */
export const correctMeasureSchema = z.object({
  laureateSlug,
  measureId: storedInteger,
  version: storedInteger,
  value: indicatorValueSchema,
  source: measureFields.source,
  comment: measureFields.comment,
});
export type CorrectMeasureInput = z.infer<typeof correctMeasureSchema>;

/** The measures a guided update saves with the rest, one per due indicator at most. */
export const guidedMeasuresSchema = z
  .array(z.object({ indicatorId: storedInteger, ...measureFields }))
  .max(50, { error: "50 mesures au plus par mise à jour." })
  .refine((measures) => new Set(measures.map((measure) => measure.indicatorId)).size === measures.length, {
    error: "Une seule mesure par indicateur et par mise à jour.",
  });

const commonIndicatorFields = {
  name: nameSchema,
  unit: indicatorFields.unit,
  unitLabel: indicatorFields.unitLabel,
  aggregation: z.enum(keysOf(COMMON_AGGREGATIONS), { error: "Indiquez comment l'indicateur s'additionne." }),
  description: text("La description", 1000),
};

export const defineCommonIndicatorSchema = z.object(commonIndicatorFields);
export type DefineCommonIndicatorInput = z.infer<typeof defineCommonIndicatorSchema>;

export const updateCommonIndicatorSchema = z.object({
  commonIndicatorId: storedInteger,
  version: storedInteger,
  ...commonIndicatorFields,
});
export type UpdateCommonIndicatorInput = z.infer<typeof updateCommonIndicatorSchema>;
