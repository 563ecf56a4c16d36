import { daysBetween } from "../dates.js";
import { formatCount } from "../french-format.js";
import type { TrancheStatus } from "../finance/index.js";
import { keysOf } from "../labels.js";
import {
  FRESHNESS_PARTS,
  SPONSOR_PARTS,
  WEATHER_LEVELS,
  type FreshnessPart,
  type MilestoneState,
  type MilestoneStatus,
  type WeatherLevel,
} from "./vocabulary.js";

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

const WEATHER_ORDER = keysOf(WEATHER_LEVELS);

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
  /** Followed indicators whose next measure is past due (`indicatorFreshnessOn`). */
  lateIndicators: readonly LateIndicator[];
}

/** A followed indicator "à mettre à jour": its next measure was due on `dueOn`. */
export interface LateIndicator {
  id: number;
  name: string;
  dueOn: string;
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
  // A measure past due is asked for like a stale part, but weighs "nuage" at most: the
  // project's course is told by its milestones and payments, not by a count not yet taken.
  for (const indicator of facts.lateIndicators) {
    const late = daysBetween(indicator.dueOn, today);
    reasons.push({
      level: "nuage",
      text: `Indicateur « ${indicator.name} » à mettre à jour : mesure attendue depuis ${formatCount(late)} jour(s).`,
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
