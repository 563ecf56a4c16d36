import type { Health, LateIndicator } from "./health.js";
import type {
  CommentKind,
  FreshnessPart,
  MilestoneState,
  MilestoneStatus,
  WeatherLevel,
} from "./vocabulary.js";

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
  /**
   * The past day shown ("état au", `?etat-au=`), as known at its end; null for
   * today. On a past day `today` is that day, `freshness` is empty and `health`
   * null: they are not recomputed for a day gone by (as the synthesis of /pilotage).
   */
  past: string | null;
  currentPeriod: string;
  staleAfterDays: number;
  milestones: MilestoneItem[];
  /** Newest period first. */
  weather: WeatherReportItem[];
  comments: CommentItem[];
  freshness: FreshnessItem[];
  /** Followed indicators "à mettre à jour" today; empty on a past day. */
  lateIndicators: LateIndicator[];
  health: HealthSummary | null;
}

/** One laureate as the follow-up lists show it (sponsor home, "À relancer", portfolio flags). */
export interface FollowUpRow {
  laureateSlug: string;
  title: string;
  porteur: string;
  ministry: string;
  staleParts: { part: FreshnessPart; updatedAt: Date | null }[];
  lateMilestones: { id: number; title: string; dueOn: string; daysLate: number }[];
  /** Followed indicators whose next measure is past due: « à mettre à jour » like a part. */
  lateIndicators: LateIndicator[];
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
