import { z } from "zod";
import { daysBetween, isoDateSchema } from "./dates.js";
import { keysOf } from "./labels.js";
import { laureateSlug } from "./finance.js";
import type { TrancheStatus } from "./finance.js";

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
const WEATHER_ORDER = keysOf(WEATHER_LEVELS);
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

/** Days a milestone is overdue on `today`; 0 when it is not late (reached, abandoned or not yet due). */
export function daysLate(milestone: { status: MilestoneStatus; dueOn: string }, today: string): number {
  if (milestone.status === "atteint" || milestone.status === "abandonne") return 0;
  return Math.max(0, daysBetween(milestone.dueOn, today));
}

export function milestoneState(
  milestone: { status: MilestoneStatus; dueOn: string },
  today: string,
): MilestoneState {
  return daysLate(milestone, today) > 0 ? "en_retard" : milestone.status;
}

/** Days since a part was last updated; null if it never was. */
function ageInDays(updatedOn: string | null, today: string): number | null {
  return updatedOn === null ? null : daysBetween(updatedOn, today);
}

/** Stale when never updated, or updated more than `staleAfterDays` days before `today`. */
export function isStale(updatedOn: string | null, today: string, staleAfterDays: number): boolean {
  const age = ageInDays(updatedOn, today);
  return age === null || age > staleAfterDays;
}

export function weatherRank(level: WeatherLevel): number {
  return WEATHER_ORDER.indexOf(level);
}

function worst(levels: readonly WeatherLevel[]): WeatherLevel {
  return levels.reduce<WeatherLevel>(
    (current, level) => (weatherRank(level) > weatherRank(current) ? level : current),
    "soleil",
  );
}

/** The facts the computed health is derived from. */
export interface HealthFacts {
  milestones: readonly { title: string; status: MilestoneStatus; dueOn: string }[];
  tranches: readonly {
    status: TrancheStatus;
    plannedOn: string;
    /** Null when the tranche waits for no milestone. */
    gatingMilestone: { title: string; reached: boolean } | null;
  }[];
  /** Day of the last update of each part, null if never. */
  updatedOn: Record<FreshnessPart, string | null>;
}

export interface HealthReason {
  level: WeatherLevel;
  text: string;
}

export interface Health {
  level: WeatherLevel;
  reasons: HealthReason[];
}

/** A planned payment is behind plan when still unpaid this many days after its planned date. */
export const PAYMENT_GRACE_DAYS = 30;

/**
 * The weather the facts give, whatever was declared: the worst level any rule
 * reaches (documented in docs/suivi.md, shown beside the declared météo).
 */
export function computeHealth(facts: HealthFacts, today: string, staleAfterDays: number): Health {
  const reasons: HealthReason[] = [];
  for (const milestone of facts.milestones) {
    const late = daysLate(milestone, today);
    if (late === 0) continue;
    const level = late >= 60 ? "orage" : late >= 30 ? "couvert" : "nuage";
    reasons.push({ level, text: `Jalon « ${milestone.title} » en retard de ${String(late)} jour(s).` });
  }
  for (const tranche of facts.tranches) {
    const gate = tranche.gatingMilestone;
    if (tranche.status === "prevu" && gate && !gate.reached && tranche.plannedOn <= today) {
      reasons.push({ level: "couvert", text: `Une tranche attend le jalon « ${gate.title} ».` });
    }
  }
  const behind = facts.tranches.filter(
    (tranche) =>
      tranche.status !== "paye" &&
      tranche.status !== "annule" &&
      daysBetween(tranche.plannedOn, today) > PAYMENT_GRACE_DAYS,
  ).length;
  if (behind > 0) {
    reasons.push({
      level: "nuage",
      text: `${String(behind)} tranche(s) non payée(s) plus de ${String(PAYMENT_GRACE_DAYS)} jours après la date prévue.`,
    });
  }
  for (const part of SPONSOR_PARTS) {
    const updatedOn = facts.updatedOn[part];
    const age = ageInDays(updatedOn, today);
    if (age !== null && age <= staleAfterDays) continue;
    const veryStale = age === null || age > 2 * staleAfterDays;
    reasons.push({
      level: veryStale ? "couvert" : "nuage",
      text:
        age === null
          ? `${FRESHNESS_PARTS[part]} : jamais mis à jour.`
          : `${FRESHNESS_PARTS[part]} : pas de mise à jour depuis ${String(age)} jours.`,
    });
  }
  return { level: worst(reasons.map((reason) => reason.level)), reasons };
}

/**
 * A declared météo disagrees with the facts when it is two levels or more
 * better than the computed health ("soleil" with a milestone 45 days late).
 */
export function weatherDiverges(declared: WeatherLevel | null, computed: WeatherLevel): boolean {
  return declared !== null && weatherRank(computed) - weatherRank(declared) >= 2;
}

const milestoneStatusSchema = z.enum(["a_venir", "en_cours", "atteint", "abandonne"], {
  error: "Statut de jalon inconnu.",
});
export const weatherLevelSchema = z.enum(["soleil", "nuage", "couvert", "orage"], {
  error: "Météo inconnue.",
});
const commentKindSchema = z.enum(["risques_blocages", "prochaines_actions", "reussites"], {
  error: "Type de commentaire inconnu.",
});
const versionSchema = z.number().int().positive();
const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Période attendue au format AAAA-MM." });

const evidenceUrlSchema = z
  .string()
  .trim()
  .max(500, { error: "Le lien est limité à 500 caractères." })
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/.test(value), {
    error: "Le lien de preuve doit commencer par https:// ou http://.",
  })
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** What a sponsor states about where a milestone stands. */
const milestoneProgressFields = {
  status: milestoneStatusSchema,
  reachedOn: isoDateSchema.nullable(),
  evidenceNote: z.string().trim().max(2000, { error: "La note de preuve est limitée à 2 000 caractères." }),
  evidenceUrl: evidenceUrlSchema,
};

function reachedOnMatchesStatus(
  milestone: { status: MilestoneStatus; reachedOn: string | null },
  context: z.RefinementCtx,
) {
  if (milestone.status === "atteint" && !milestone.reachedOn) {
    context.addIssue({
      code: "custom",
      message: "Indiquez la date à laquelle le jalon a été atteint.",
      path: ["reachedOn"],
    });
  }
  if (milestone.status !== "atteint" && milestone.reachedOn) {
    context.addIssue({
      code: "custom",
      message: "Seul un jalon atteint porte une date d'atteinte.",
      path: ["reachedOn"],
    });
  }
}

const milestoneFields = {
  title: z
    .string()
    .trim()
    .min(3, { error: "Le titre du jalon compte 3 caractères au moins." })
    .max(200, { error: "Le titre est limité à 200 caractères." }),
  description: z.string().trim().max(2000, { error: "La description est limitée à 2 000 caractères." }),
  dueOn: isoDateSchema,
  ...milestoneProgressFields,
};

export const createMilestoneSchema = z
  .object({ laureateSlug, ...milestoneFields })
  .superRefine(reachedOnMatchesStatus);
export type CreateMilestoneInput = z.infer<typeof createMilestoneSchema>;

/** A milestone as a version conflict reports it (what it holds now). */
export const currentMilestoneSchema = z.object({ version: versionSchema, ...milestoneFields });

export const updateMilestoneSchema = z
  .object({
    laureateSlug,
    milestoneId: z.number().int().positive(),
    version: versionSchema,
    ...milestoneFields,
  })
  .superRefine(reachedOnMatchesStatus);
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;

export const moveMilestoneSchema = z.object({
  laureateSlug,
  milestoneId: z.number().int().positive(),
  direction: z.enum(["up", "down"], { error: "Sens inconnu." }),
});
export type MoveMilestoneInput = z.infer<typeof moveMilestoneSchema>;

const synthesisSchema = z
  .string()
  .trim()
  .min(10, { error: "Rédigez une synthèse de 10 caractères au moins." })
  .max(2000, { error: "La synthèse est limitée à 2 000 caractères." });

/** Version 0 declares the period's météo for the first time; otherwise the version read. */
const weatherFields = {
  period: periodSchema,
  level: weatherLevelSchema,
  synthesis: synthesisSchema,
  version: z.number().int().min(0),
};
/** A period's météo as a version conflict reports it: declared meanwhile (with its values), or not. */
export const currentWeatherSchema = z.object({
  version: z.number().int().min(0),
  level: weatherLevelSchema.optional(),
  synthesis: z.string().optional(),
});

export const declareWeatherSchema = z.object({ laureateSlug, ...weatherFields });
export type DeclareWeatherInput = z.infer<typeof declareWeatherSchema>;

const commentBodySchema = z
  .string()
  .trim()
  .min(3, { error: "Le commentaire compte 3 caractères au moins." })
  .max(4000, { error: "Le commentaire est limité à 4 000 caractères." });
const newCommentFields = { kind: commentKindSchema, body: commentBodySchema };

export const addCommentSchema = z.object({ laureateSlug, ...newCommentFields });
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const editCommentSchema = z.object({
  laureateSlug,
  commentId: z.number().int().positive(),
  version: versionSchema,
  body: commentBodySchema,
});
export type EditCommentInput = z.infer<typeof editCommentSchema>;

/**
 * The sponsor's guided update: the period's météo, where each milestone
 * stands, and new comments, saved together or not at all.
 */
export const guidedUpdateSchema = z.object({
  laureateSlug,
  weather: z.object(weatherFields),
  milestones: z
    .array(
      z
        .object({
          milestoneId: z.number().int().positive(),
          version: versionSchema,
          ...milestoneProgressFields,
        })
        .superRefine(reachedOnMatchesStatus),
    )
    .max(100, { error: "100 jalons au plus." }),
  comments: z
    .array(z.object(newCommentFields))
    .max(10, { error: "10 commentaires au plus par mise à jour." }),
});
export type GuidedUpdateInput = z.infer<typeof guidedUpdateSchema>;

export const updateFollowUpSettingsSchema = z.object({
  staleAfterDays: z
    .number({ error: "Indiquez un nombre de jours." })
    .int({ error: "Indiquez un nombre entier de jours." })
    .min(7, { error: "7 jours au moins." })
    .max(365, { error: "365 jours au plus." }),
  version: versionSchema,
});
export type UpdateFollowUpSettingsInput = z.infer<typeof updateFollowUpSettingsSchema>;

export interface PersonRef {
  id: number;
  displayName: string;
}

export interface MilestoneItem {
  id: number;
  title: string;
  description: string;
  dueOn: string;
  status: MilestoneStatus;
  state: MilestoneState;
  daysLate: number;
  reachedOn: string | null;
  evidenceNote: string;
  evidenceUrl: string | null;
  position: number;
  version: number;
  isDemo: boolean;
  updatedAt: Date;
  updatedBy: PersonRef | null;
  /** Tranches that wait for this milestone before "service fait". */
  gatedTrancheIds: number[];
}

export interface WeatherReportItem {
  id: number;
  period: string;
  level: WeatherLevel;
  synthesis: string;
  version: number;
  isDemo: boolean;
  updatedAt: Date;
  updatedBy: PersonRef | null;
}

export interface CommentRevisionItem {
  version: number;
  body: string;
  writtenAt: Date;
  writtenBy: PersonRef | null;
}

export interface CommentItem {
  id: number;
  kind: CommentKind;
  body: string;
  author: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: PersonRef | null;
  version: number;
  isDemo: boolean;
  /** Earlier wordings, newest first. */
  revisions: CommentRevisionItem[];
}

export interface FreshnessItem {
  part: FreshnessPart;
  updatedAt: Date | null;
  updatedBy: PersonRef | null;
  stale: boolean;
}

/** Declared météo beside the health the facts give, and whether they disagree. */
export interface HealthSummary {
  declared: WeatherLevel | null;
  declaredPeriod: string | null;
  computed: Health;
  diverges: boolean;
}

export interface LaureateProgress {
  laureateSlug: string;
  today: string;
  currentPeriod: string;
  staleAfterDays: number;
  milestones: MilestoneItem[];
  /** Newest period first. */
  weather: WeatherReportItem[];
  comments: CommentItem[];
  freshness: FreshnessItem[];
  health: HealthSummary;
}

/** One laureate as the follow-up lists show it (sponsor home, "À relancer", portfolio flags). */
export interface FollowUpRow {
  laureateSlug: string;
  title: string;
  porteur: string;
  ministry: string;
  staleParts: { part: FreshnessPart; updatedAt: Date | null }[];
  lateMilestones: { id: number; title: string; dueOn: string; daysLate: number }[];
  health: HealthSummary;
  /** The sponsors whose scope covers the laureate. */
  sponsors: PersonRef[];
}

export interface FollowUpSettings {
  staleAfterDays: number;
  version: number;
  updatedAt: Date;
  updatedBy: PersonRef | null;
}
