import { z } from "zod";
import { isoDateSchema } from "./dates.js";
import type { MoneyFigures } from "./finance/money-figures.js";
import { storedInteger } from "./identifiers.js";
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

/**
 * One group of the portfolio (a laureate, a category, a ministry, a territory,
 * a funding mode) and its money on the day: allocated, committed (AE
 * consumed) and not, paid (CP consumed, reversals deducted), restes à payer
 * on what is committed, and what milestones not reached hold back.
 */
export interface PortfolioGroup extends MoneyFigures {
  key: string;
  label: string;
  laureates: number;
}

export interface ProgrammeOverview {
  programme: Omit<ProgrammeReference, "laureateCount">;
  laureates: number;
  allocatedCents: Cents;
  committedCents: Cents;
  /** Allocated but not committed. */
  uncommittedCents: Cents;
  paidCents: Cents;
  /** Restes à payer: committed allocations − what was paid on them. */
  remainingToPayCents: Cents;
  /** Planned money of open tranches whose gating milestone is not reached. */
  blockedByMilestoneCents: Cents;
  reserveCents: Cents;
  /** True while demonstration rows exist: every page then says so. */
  demonstration: boolean;
  byCategory: PortfolioGroup[];
  byMinistry: PortfolioGroup[];
  byTerritory: PortfolioGroup[];
  byFundingMode: PortfolioGroup[];
  /** Each laureate's figures, `key` being its slug, in the portfolio's order. */
  byLaureate: PortfolioGroup[];
}

/**
 * The programme's end and the day its envelope must be consumed by: the
 * announcement gives neither, an administrator sets them. The forecast of
 * consumption (`forecastConsumption`) reads them.
 */
export interface ProgrammeCalendar {
  endsOn: string | null;
  consumptionDeadlineOn: string | null;
  /** Set by the demonstration scenario, not by an administrator. */
  isDemo: boolean;
  version: number;
}

export const setProgrammeCalendarSchema = z
  .object({
    endsOn: isoDateSchema,
    consumptionDeadlineOn: isoDateSchema,
    version: storedInteger,
  })
  .refine((input) => input.consumptionDeadlineOn >= input.endsOn, {
    error: "La date limite de consommation ne peut pas précéder la fin du programme.",
    path: ["consumptionDeadlineOn"],
  });
export type SetProgrammeCalendarInput = z.infer<typeof setProgrammeCalendarSchema>;
