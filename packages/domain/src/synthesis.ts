import type { DashboardFigures } from "./dashboard.js";
import { trancheDaysLate } from "./finance/funding-rules.js";
import type { TrancheStatus } from "./finance/schemas.js";
import type { Cents } from "./money.js";

/**
 * The synthesis at the top of /pilotage: the key figures and their change
 * since the previous review, the forecast, and the laureates that need a
 * decision. Pure rules, the database rows being read by the API.
 */

/** The key figures of the synthesis, the dashboard's own (never computed again). */
export const SYNTHESIS_KEY_FIGURES = {
  envelopeCents: "Enveloppe",
  allocatedCents: "Alloué",
  committedCents: "Engagé",
  uncommittedCents: "Non engagé",
  paidCents: "Versé",
  remainingToPayCents: "Restes à payer",
} as const satisfies Partial<Record<keyof DashboardFigures, string>>;
export type SynthesisKeyFigure = keyof typeof SYNTHESIS_KEY_FIGURES;
export const SYNTHESIS_KEY_FIGURE_KEYS = Object.keys(SYNTHESIS_KEY_FIGURES) as SynthesisKeyFigure[];

export type KeyFigureValues = Partial<Record<SynthesisKeyFigure, Cents>>;

export interface KeyFigureChange {
  key: SynthesisKeyFigure;
  label: string;
  cents: Cents;
  /** Signed change since the previous review; null without one, or when its snapshot lacks the figure. */
  changeCents: Cents | null;
}

/** Each key figure beside the same figure of the previous review's frozen snapshot. */
export function keyFigureChanges(
  current: DashboardFigures,
  previous: KeyFigureValues | null,
): KeyFigureChange[] {
  return SYNTHESIS_KEY_FIGURE_KEYS.map((key) => {
    const before = previous?.[key];
    return {
      key,
      label: SYNTHESIS_KEY_FIGURES[key],
      cents: current[key],
      changeCents: typeof before === "number" ? current[key] - before : null,
    };
  });
}

/** Why a laureate is brought to the direction. */
export const DECISION_REASONS = {
  orage: "Météo orage",
  meteo_a_verifier: "Météo à vérifier",
  tranches_en_retard: "Tranches en retard",
  anomalies: "Anomalies ouvertes",
} as const;
export type DecisionReasonKind = keyof typeof DECISION_REASONS;

export type DecisionReason =
  | { kind: "orage" }
  | { kind: "meteo_a_verifier" }
  | { kind: "tranches_en_retard"; count: number; amountCents: Cents }
  | { kind: "anomalies"; count: number };

export interface LaureateNeedingDecision {
  slug: string;
  title: string;
  reasons: DecisionReason[];
}

export interface DecisionFacts {
  asOf: string;
  /** In the portfolio's order. */
  laureates: readonly { id: number; slug: string; title: string }[];
  /** Laureates whose latest weather on the day is « orage ». */
  stormy: ReadonlySet<number>;
  /** Today's: null on a past day, which cannot be recomputed. */
  weatherToVerify: ReadonlySet<string> | null;
  /** Today's open anomalies by laureate slug; null on a past day. */
  anomalies: ReadonlyMap<string, number> | null;
  /** The schedule as known on the day. */
  schedule: readonly {
    laureateId: number;
    status: TrancheStatus;
    plannedOn: string;
    plannedAmountCents: Cents;
  }[];
}

/**
 * The laureates with at least one reason, most reasons first, then in the
 * portfolio's order. A tranche is late on the day by `trancheDaysLate`, the
 * rule of the controls and the finance pages.
 */
export function laureatesNeedingDecision(facts: DecisionFacts): LaureateNeedingDecision[] {
  const late = new Map<number, { count: number; amountCents: Cents }>();
  for (const tranche of facts.schedule) {
    if (trancheDaysLate(tranche, facts.asOf) === 0) continue;
    const entry = late.get(tranche.laureateId) ?? { count: 0, amountCents: 0 };
    entry.count += 1;
    entry.amountCents += tranche.plannedAmountCents;
    late.set(tranche.laureateId, entry);
  }
  const listed = facts.laureates.flatMap((laureate, position) => {
    const reasons: DecisionReason[] = [];
    if (facts.stormy.has(laureate.id)) reasons.push({ kind: "orage" });
    if (facts.weatherToVerify?.has(laureate.slug)) reasons.push({ kind: "meteo_a_verifier" });
    const lateTranches = late.get(laureate.id);
    if (lateTranches) reasons.push({ kind: "tranches_en_retard", ...lateTranches });
    const anomalies = facts.anomalies?.get(laureate.slug) ?? 0;
    if (anomalies > 0) reasons.push({ kind: "anomalies", count: anomalies });
    return reasons.length === 0
      ? []
      : [{ position, entry: { slug: laureate.slug, title: laureate.title, reasons } }];
  });
  return listed
    .sort(
      (left, right) =>
        right.entry.reasons.length - left.entry.reasons.length || left.position - right.position,
    )
    .map(({ entry }) => entry);
}

/** The previous review the key figures are compared with: the latest frozen before the day. */
export interface PreviousReviewFigures {
  id: number;
  asOf: string;
  title: string;
  figures: KeyFigureValues;
}

/** What /pilotage adds to the dashboard's figures for its synthesis. */
export interface DashboardSynthesis {
  asOf: string;
  previousReview: PreviousReviewFigures | null;
  laureatesNeedingDecision: LaureateNeedingDecision[];
  /** Météo à vérifier and anomalies are today's facts: false on a past day, when they are not listed. */
  includesTodayOnlyReasons: boolean;
}
