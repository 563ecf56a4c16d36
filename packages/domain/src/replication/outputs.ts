import type { CategoryKey } from "../laureate.js";
import type { RegionCode } from "../territory.js";
import type { AdoptionStage, PROGRESS_STAGES } from "./adoptions.js";
import type { AssetKind } from "./assets.js";
import type { ReplicationCriterion } from "./score.js";
import type { ReplicationSuggestions } from "./suggestions.js";

export interface ScorecardItem {
  id: number;
  criteria: Record<ReplicationCriterion, { score: number; justification: string }>;
  index: number;
  sponsorName: string;
  scoredBy: string | null;
  scoredAt: Date;
  isDemo: boolean;
}

export interface ReusableAssetItem {
  id: number;
  kind: AssetKind;
  label: string;
  url: string | null;
  contactEmail: string | null;
  version: number;
  isDemo: boolean;
}

export interface AdoptionItem {
  id: number;
  laureateSlug: string;
  laureateTitle: string;
  organisation: string;
  regionCode: RegionCode;
  departementCode: string | null;
  stage: AdoptionStage;
  identifiedOn: string;
  contactedOn: string | null;
  pilotOn: string | null;
  deployedOn: string | null;
  abandonedOn: string | null;
  abandonReason: string | null;
  contact: string | null;
  notes: string | null;
  version: number;
  isDemo: boolean;
}

export interface ClosureItem {
  closedOn: string;
  lessonsLearned: string;
  closedBy: string | null;
  isDemo: boolean;
}

/** The replication section of a laureate's page. */
export interface LaureateReplication {
  laureateSlug: string;
  /** Newest first; the first is the current scorecard. */
  scorecards: ScorecardItem[];
  assets: ReusableAssetItem[];
  closure: ClosureItem | null;
  adoptions: AdoptionItem[];
  suggestions: ReplicationSuggestions;
}

export interface FunnelStage {
  stage: (typeof PROGRESS_STAGES)[number];
  /** Adoptions that reached this stage or went further (abandoned ones count for the stages they passed). */
  reached: number;
  /** Adoptions standing at this stage now. */
  current: number;
}

export interface MatrixPoint {
  slug: string;
  title: string;
  category: CategoryKey;
  index: number;
  /** Furthest stage reached by an adoption still under way or deployed: 0 none … 4 deployed. */
  progress: number;
  adoptions: number;
}

export interface RegionAdoptions {
  regionCode: RegionCode;
  total: number;
  deployed: number;
}

export interface ReplicationOverview {
  funnel: FunnelStage[];
  abandoned: number;
  matrix: MatrixPoint[];
  regions: RegionAdoptions[];
  adoptions: AdoptionItem[];
  /** The latest change to scorecards or adoptions, the "données au" date of the charts. */
  dataDate: Date | null;
  hasDemo: boolean;
}
