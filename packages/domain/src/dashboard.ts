import { z } from "zod";
import { isoDateSchema } from "./dates.js";
import type { CategoryKey, FundingModeKey, MinistryKey } from "./laureate.js";
import type { ConsumptionForecast, LaureateAfterDeadline } from "./finance/forecast.js";
import type { ImpactChanges, ImpactPortfolio } from "./impact/portfolio.js";
import type { Cents } from "./money.js";
import type { WeatherLevel, WeatherState } from "./progress/index.js";
import type { AdoptionStage, FunnelStage } from "./replication/index.js";
import type { RegionCode } from "./territory.js";
import { storedInteger } from "./identifiers.js";

/**
 * The leadership's dashboard and the portfolio reviews (COPIL). Every figure
 * is computed as it stood at the end of a day ("état au"), in Paris, from the
 * dated rows: payments by their value date, allocations by their movements,
 * milestones by their reached date, adoptions by the dates of their stages.
 */

/** The day a figure is computed for; the dashboard defaults to today in Paris. */
export const asOfSchema = z.object({ asOf: isoDateSchema.optional() });
export type AsOfInput = z.infer<typeof asOfSchema>;

/** Where a milestone stood on a day. */
export const MILESTONE_OUTCOMES = {
  atteint_a_temps: "Atteints à temps",
  atteint_en_retard: "Atteints en retard",
  en_retard: "En retard",
  a_venir: "À venir",
  abandonne: "Abandonnés",
} as const;
export type MilestoneOutcome = keyof typeof MILESTONE_OUTCOMES;
export const MILESTONE_OUTCOME_KEYS = Object.keys(MILESTONE_OUTCOMES) as MilestoneOutcome[];

/**
 * A milestone on `asOf`: reached if its reached date is on or before that day
 * (on time when not after its due date), late once the due date has passed.
 * An abandoned milestone carries no date of abandonment: it counts as
 * abandoned on any day, so that it never shows as late.
 */
export function milestoneOutcomeAsOf(
  milestone: { dueOn: string; reachedOn: string | null; abandoned: boolean },
  asOf: string,
): MilestoneOutcome {
  if (milestone.reachedOn !== null && milestone.reachedOn <= asOf) {
    return milestone.reachedOn <= milestone.dueOn ? "atteint_a_temps" : "atteint_en_retard";
  }
  if (milestone.abandoned) return "abandonne";
  return milestone.dueOn < asOf ? "en_retard" : "a_venir";
}

/** The dates an adoption reached its stages. */
export interface AdoptionDates {
  identifiedOn: string;
  contactedOn: string | null;
  pilotOn: string | null;
  deployedOn: string | null;
  abandonedOn: string | null;
}

/** The stage an adoption stood at on `asOf`; null before it was identified. */
export function adoptionStageAsOf(adoption: AdoptionDates, asOf: string): AdoptionStage | null {
  const reached = (day: string | null) => day !== null && day <= asOf;
  if (!reached(adoption.identifiedOn)) return null;
  if (reached(adoption.abandonedOn)) return "abandonnee";
  if (reached(adoption.deployedOn)) return "deployee";
  if (reached(adoption.pilotOn)) return "pilote";
  if (reached(adoption.contactedOn)) return "contactee";
  return "identifiee";
}

/** Laureates by their météo on the day (`weatherStateOn`): a level, "perimee" or "sans_meteo". */
export type WeatherCountKey = WeatherState;
export type WeatherCounts = Record<WeatherCountKey, number>;
export type MilestoneCounts = Record<MilestoneOutcome, number>;

/** Allocated and paid for one group of laureates (a category, a ministry, a territory). */
export interface DashboardGroup {
  key: string;
  label: string;
  laureates: number;
  allocatedCents: Cents;
  paidCents: Cents;
}

/** One month of the payment curve: what the schedules planned and what was paid, then their running totals. */
export interface PaymentMonth {
  /** "YYYY-MM". */
  month: string;
  plannedCents: Cents;
  paidCents: Cents;
  cumulativePlannedCents: Cents;
  cumulativePaidCents: Cents;
}

export interface WeatherPeriod {
  /** Reporting period, "YYYY-MM". */
  period: string;
  counts: WeatherCounts;
}

/** Milestones by the month they fall due, and where each stood on the day. */
export interface MilestoneMonth {
  /** "YYYY-MM". */
  month: string;
  counts: MilestoneCounts;
}

export interface RegionFigures {
  regionCode: RegionCode;
  laureates: number;
  allocatedCents: Cents;
  paidCents: Cents;
}

/** The forecast of consumption on the day, its laureates named. */
export interface DashboardForecast extends Omit<ConsumptionForecast, "laureatesAfterDeadline"> {
  /** The end and deadline come from the demonstration scenario, not an administrator. */
  calendarIsDemo: boolean;
  laureatesAfterDeadline: (LaureateAfterDeadline & { slug: string; title: string })[];
}

/** The whole portfolio on one day: the tiles and every chart of the dashboard. */
export interface DashboardFigures {
  asOf: string;
  envelopeCents: Cents;
  allocatedCents: Cents;
  /** Allocations committed on the day, by the rule of their funding mode (`isCommittedOn`). */
  committedCents: Cents;
  /** Allocated but not committed on the day. */
  uncommittedCents: Cents;
  paidCents: Cents;
  /** Restes à payer: committed allocations − what was paid on them. */
  remainingToPayCents: Cents;
  /** Planned money of the tranches open on the day whose gating milestone was not reached. */
  blockedByMilestoneCents: Cents;
  /** Envelope − allocated. */
  reserveCents: Cents;
  laureates: number;
  /** The latest weather of each laureate for the day's period or before. */
  weather: WeatherCounts;
  /** The last twelve reporting periods up to the day's. */
  weatherTrend: WeatherPeriod[];
  milestones: MilestoneCounts;
  milestoneTimeline: MilestoneMonth[];
  /** Adoptions by the stage they stood at. */
  adoptions: Record<AdoptionStage, number>;
  funnel: FunnelStage[];
  payments: PaymentMonth[];
  byCategory: DashboardGroup[];
  byMinistry: DashboardGroup[];
  byTerritory: DashboardGroup[];
  /** Laureates by the région of their territory (national ones have none). */
  regions: RegionFigures[];
  /** True while demonstration rows exist. */
  demonstration: boolean;
  /** Absent from the snapshots of reviews frozen before the forecast existed. */
  forecast?: DashboardForecast;
}

/** One laureate on the day of a review: its one-page sheet. */
export interface LaureateSheet {
  slug: string;
  title: string;
  porteur: string;
  category: CategoryKey;
  ministry: MinistryKey;
  territoryKey: string;
  fundingMode: FundingModeKey;
  allocatedCents: Cents;
  committedCents: Cents;
  paidCents: Cents;
  weather: { period: string; level: WeatherLevel; synthesis: string } | null;
  milestones: {
    id: number;
    title: string;
    dueOn: string;
    reachedOn: string | null;
    outcome: MilestoneOutcome;
  }[];
  /** "Risques et blocages" comments written on or before the day. */
  risks: { id: number; body: string; writtenOn: string }[];
  adoptions: { id: number; organisation: string; regionCode: RegionCode; stage: AdoptionStage }[];
  /** The replication index of the scorecard in force on the day, 0–100. */
  potentialIndex: number | null;
}

/** What a review freezes: the figures and every laureate's sheet, as they stood on its day. */
export interface ReviewSnapshot {
  figures: DashboardFigures;
  laureates: LaureateSheet[];
  /** Impact on the day; absent from the reviews opened before indicators were followed. */
  impact?: ImpactPortfolio;
}

interface LaureateRef {
  slug: string;
  title: string;
}

/** What changed between two reviews, laureate by laureate. */
export interface ReviewChanges {
  previousAsOf: string;
  weather: (LaureateRef & { from: WeatherLevel | null; to: WeatherLevel | null })[];
  payments: (LaureateRef & { paidCents: Cents })[];
  allocations: (LaureateRef & { fromCents: Cents; toCents: Cents })[];
  milestonesReached: (LaureateRef & { milestone: string; reachedOn: string; onTime: boolean })[];
  /** Milestones whose due date moved later, or that fell late since the previous review. */
  milestonesSlipped: (LaureateRef & {
    milestone: string;
    fromDueOn: string;
    toDueOn: string;
    late: boolean;
  })[];
  newRisks: (LaureateRef & { body: string; writtenOn: string })[];
  adoptions: (LaureateRef & { organisation: string; from: AdoptionStage | null; to: AdoptionStage })[];
}

const REACHED: readonly MilestoneOutcome[] = ["atteint_a_temps", "atteint_en_retard"];

/**
 * The changes from one review's snapshot to the next. Pure, so that it can be
 * checked against a scripted history; laureates keep the portfolio's order.
 */
export function diffSnapshots(previous: ReviewSnapshot, current: ReviewSnapshot): ReviewChanges {
  const before = new Map(previous.laureates.map((sheet) => [sheet.slug, sheet]));
  const changes: ReviewChanges = {
    previousAsOf: previous.figures.asOf,
    weather: [],
    payments: [],
    allocations: [],
    milestonesReached: [],
    milestonesSlipped: [],
    newRisks: [],
    adoptions: [],
  };
  for (const sheet of current.laureates) {
    const old = before.get(sheet.slug);
    const ref = { slug: sheet.slug, title: sheet.title };
    const fromLevel = old?.weather?.level ?? null;
    const toLevel = sheet.weather?.level ?? null;
    if (fromLevel !== toLevel) changes.weather.push({ ...ref, from: fromLevel, to: toLevel });
    const paidDelta = sheet.paidCents - (old?.paidCents ?? 0);
    if (paidDelta !== 0) changes.payments.push({ ...ref, paidCents: paidDelta });
    const fromAllocated = old?.allocatedCents ?? 0;
    if (fromAllocated !== sheet.allocatedCents) {
      changes.allocations.push({ ...ref, fromCents: fromAllocated, toCents: sheet.allocatedCents });
    }
    const oldMilestones = new Map((old?.milestones ?? []).map((milestone) => [milestone.id, milestone]));
    for (const milestone of sheet.milestones) {
      const was = oldMilestones.get(milestone.id);
      if (
        REACHED.includes(milestone.outcome) &&
        milestone.reachedOn !== null &&
        !REACHED.includes(was?.outcome ?? "a_venir")
      ) {
        changes.milestonesReached.push({
          ...ref,
          milestone: milestone.title,
          reachedOn: milestone.reachedOn,
          onTime: milestone.outcome === "atteint_a_temps",
        });
      } else if (
        was &&
        (milestone.dueOn > was.dueOn || (milestone.outcome === "en_retard" && was.outcome !== "en_retard"))
      ) {
        changes.milestonesSlipped.push({
          ...ref,
          milestone: milestone.title,
          fromDueOn: was.dueOn,
          toDueOn: milestone.dueOn,
          late: milestone.outcome === "en_retard",
        });
      }
    }
    const oldRisks = new Set((old?.risks ?? []).map((risk) => risk.id));
    for (const risk of sheet.risks) {
      if (!oldRisks.has(risk.id))
        changes.newRisks.push({ ...ref, body: risk.body, writtenOn: risk.writtenOn });
    }
    const oldStages = new Map((old?.adoptions ?? []).map((adoption) => [adoption.id, adoption.stage]));
    for (const adoption of sheet.adoptions) {
      const from = oldStages.get(adoption.id) ?? null;
      if (from !== adoption.stage) {
        changes.adoptions.push({ ...ref, organisation: adoption.organisation, from, to: adoption.stage });
      }
    }
  }
  return changes;
}

export const openReviewSchema = z.object({
  asOf: isoDateSchema,
  title: z
    .string()
    .trim()
    .min(3, { error: "Donnez un intitulé d'au moins 3 caractères." })
    .max(120, { error: "120 caractères au plus." }),
});
export type OpenReviewInput = z.infer<typeof openReviewSchema>;

export const reviewIdSchema = z.object({ id: storedInteger });

/** A review in the list. */
export interface ReviewSummary {
  id: number;
  asOf: string;
  title: string;
  openedAt: Date;
  /** Null for the demonstration's reviews, opened by no one. */
  openedBy: string | null;
  isDemo: boolean;
}

/** A review, its frozen figures and sheets, and what changed since the one before it (null for the first). */
export interface ReviewDetail extends ReviewSummary {
  snapshot: ReviewSnapshot;
  changes: ReviewChanges | null;
  /** Impact since the previous review, from the measures as known on each day (null for the first). */
  impactChanges: ImpactChanges | null;
}
