import type { Cents } from "./money.js";

export const PROGRAMME_STATUSES = {
  ouvert: "Candidatures ouvertes",
  clos: "Candidatures closes",
  delibere: "Délibéré",
} as const;
export type ProgrammeStatus = keyof typeof PROGRAMME_STATUSES;

export interface ProgrammeReference {
  slug: string;
  name: string;
  steeredBy: string;
  fundedBy: string;
  envelopeCents: Cents;
  applicationsOpenOn: string;
  applicationsCloseOn: string;
  laureatesAnnouncedOn: string;
  status: ProgrammeStatus;
  laureateCount: number;
  sourceTitle: string;
  sourcePublishedOn: string;
  sourcePublisher: string;
}

/** One group of the portfolio (a category, a ministry, a territory). */
export interface PortfolioGroup {
  key: string;
  label: string;
  laureates: number;
  allocatedCents: number;
  /** Allocations whose legal commitment (EJ) is signed: AE consumed. */
  committedCents: number;
  /** Payments, reversals deducted: CP consumed. */
  paidCents: number;
}

export interface ProgrammeOverview {
  programme: Omit<ProgrammeReference, "laureateCount">;
  laureates: number;
  allocatedCents: Cents;
  committedCents: Cents;
  paidCents: Cents;
  /** Restes à payer: committed − paid. */
  remainingToPayCents: Cents;
  reserveCents: Cents;
  /** True while demonstration rows exist: every page then says so. */
  demonstration: boolean;
  byCategory: PortfolioGroup[];
  byMinistry: PortfolioGroup[];
  byTerritory: PortfolioGroup[];
  byFundingMode: PortfolioGroup[];
}
