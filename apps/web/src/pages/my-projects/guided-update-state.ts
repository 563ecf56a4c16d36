import {
  COMMENT_KINDS,
  type FollowUpRow,
  guidedUpdateSchema,
  type CommentKind,
  type GuidedUpdateInput,
  type IndicatorItem,
  type LaureateProgress,
  type MilestoneItem,
  type MilestoneStatus,
} from "@defis/domain";
import { issuesByField } from "../../lib/form-errors";
import { parseDecimal } from "../../lib/format";
import { emptyMeasure, type MeasureValues } from "../../features/impact/MeasureFields";
import type { WeatherValues } from "../../features/progress/WeatherFields";

export interface MilestoneValues {
  status: MilestoneStatus;
  reachedOn: string;
  evidenceNote: string;
  evidenceUrl: string;
}

/** Everything the sponsor enters in the guided update, and the versions it was read on. */
export interface GuidedUpdateDraft {
  weather: WeatherValues;
  weatherVersion: number;
  milestones: Record<number, MilestoneValues>;
  comments: Record<CommentKind, string>;
  /** A measure per due indicator; one left without a value is not sent. */
  measures: Record<number, MeasureValues>;
}

export const COMMENT_KIND_KEYS = Object.keys(COMMENT_KINDS) as CommentKind[];

export function milestoneValuesOf(milestone: MilestoneItem): MilestoneValues {
  return {
    status: milestone.status,
    reachedOn: milestone.reachedOn ?? "",
    evidenceNote: milestone.evidenceNote,
    evidenceUrl: milestone.evidenceUrl ?? "",
  };
}

export function draftOf(
  progress: LaureateProgress,
  due: readonly IndicatorItem[],
  today: string,
): GuidedUpdateDraft {
  const report = progress.weather.find((item) => item.period === progress.currentPeriod);
  return {
    // The synthesis starts empty, the previous one beside it (previousSynthesisOf): never glued together.
    weather: { level: report?.level ?? "", synthesis: "" },
    weatherVersion: report?.version ?? 0,
    milestones: Object.fromEntries(
      progress.milestones.map((milestone) => [milestone.id, milestoneValuesOf(milestone)]),
    ),
    comments: { risques_blocages: "", prochaines_actions: "", reussites: "" },
    measures: Object.fromEntries(due.map((indicator) => [indicator.id, emptyMeasure(indicator, today)])),
  };
}

/** The due indicators the sponsor gave a value to: only they are measured. */
export function measuredIndicators(
  draft: GuidedUpdateDraft,
  due: readonly IndicatorItem[],
): { indicator: IndicatorItem; values: MeasureValues }[] {
  return due.flatMap((indicator) => {
    const values = draft.measures[indicator.id];
    return values && values.value.trim() !== "" ? [{ indicator, values }] : [];
  });
}

/** The latest synthesis written (this month's if any, else the last month's), to show beside the field. */
export function previousSynthesisOf(progress: LaureateProgress): { period: string; text: string } | null {
  const latest = progress.weather.reduce<LaureateProgress["weather"][number] | null>(
    (found, item) => (found === null || item.period > found.period ? item : found),
    null,
  );
  return latest ? { period: latest.period, text: latest.synthesis } : null;
}

/**
 * The project to update next, in the order "Mes projets" lists them: the
 * first other one whose milestones or météo are due (stale), or whose
 * indicators wait for a measure. Null when none is left: a project just
 * updated is fresh again and drops out.
 */
export function nextProjectDue(rows: readonly FollowUpRow[], currentSlug: string): FollowUpRow | null {
  return (
    rows.find(
      (row) =>
        row.laureateSlug !== currentSlug && (row.staleParts.length > 0 || row.lateIndicators.length > 0),
    ) ?? null
  );
}

/**
 * After a conflict: the versions of what is stored now, with the sponsor's
 * entries kept, so that saving again applies them on top of the other change.
 */
export function rebaseDraft(draft: GuidedUpdateDraft, progress: LaureateProgress): GuidedUpdateDraft {
  const report = progress.weather.find((item) => item.period === progress.currentPeriod);
  return { ...draft, weatherVersion: report?.version ?? 0 };
}

function sameValues(left: MilestoneValues, right: MilestoneValues): boolean {
  return (
    left.status === right.status &&
    left.reachedOn === right.reachedOn &&
    left.evidenceNote.trim() === right.evidenceNote.trim() &&
    left.evidenceUrl.trim() === right.evidenceUrl.trim()
  );
}

/** The milestones the sponsor changed: only they are written, on the version they were read on. */
export function changedMilestones(draft: GuidedUpdateDraft, milestones: MilestoneItem[]): MilestoneItem[] {
  return milestones.filter((milestone) => {
    const values = draft.milestones[milestone.id];
    return values !== undefined && !sameValues(values, milestoneValuesOf(milestone));
  });
}

export type DraftErrors = Record<string, string>;

/**
 * The input of the guided update, or the errors keyed as the form names its
 * fields ("weather.synthesis", "milestones.3.reachedOn", "measures.7.value").
 */
export function inputOf(
  slug: string,
  progress: LaureateProgress,
  draft: GuidedUpdateDraft,
  due: readonly IndicatorItem[],
): { input: GuidedUpdateInput; errors: null } | { input: null; errors: DraftErrors } {
  const changed = changedMilestones(draft, progress.milestones);
  const measured = measuredIndicators(draft, due);
  const parsed = guidedUpdateSchema.safeParse({
    laureateSlug: slug,
    weather: { period: progress.currentPeriod, version: draft.weatherVersion, ...draft.weather },
    milestones: changed.map((milestone) => {
      const values = draft.milestones[milestone.id] ?? milestoneValuesOf(milestone);
      return {
        milestoneId: milestone.id,
        version: milestone.version,
        ...values,
        reachedOn: values.status === "atteint" ? values.reachedOn || null : null,
      };
    }),
    comments: COMMENT_KIND_KEYS.flatMap((kind) =>
      draft.comments[kind].trim() === "" ? [] : [{ kind, body: draft.comments[kind] }],
    ),
    measures: measured.map(({ indicator, values }) => ({
      indicatorId: indicator.id,
      ...values,
      value: parseDecimal(values.value),
    })),
  });
  if (parsed.success) return { input: parsed.data, errors: null };
  // Milestone and measure errors name the milestone or the indicator, not their index in the list sent.
  const errors: DraftErrors = {};
  for (const [key, message] of Object.entries(issuesByField(parsed.error.issues))) {
    const [section, index, field] = key.split(".");
    const milestone = section === "milestones" ? changed[Number(index)] : undefined;
    const indicator =
      section === "measures" && index !== undefined ? measured[Number(index)]?.indicator : undefined;
    const comment =
      section === "comments"
        ? COMMENT_KIND_KEYS.filter((kind) => draft.comments[kind].trim() !== "")[Number(index)]
        : undefined;
    const named = milestone
      ? `milestones.${String(milestone.id)}.${field ?? ""}`
      : indicator
        ? `measures.${String(indicator.id)}.${field ?? ""}`
        : comment
          ? `comments.${comment}`
          : key;
    errors[named] ??= message;
  }
  return { input: null, errors };
}
