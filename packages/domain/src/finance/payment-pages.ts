import { z } from "zod";
import { asOfSchema } from "../dashboard.js";
import { laureateSlugSchema } from "../laureate.js";
import type { PaymentItem } from "./schemas.js";

/**
 * A laureate's page lists its latest payments only: after a large import a
 * ledger holds hundreds of thousands of lines, which no page should send
 * whole. "Voir tout" pages through the rest.
 */
export const LATEST_PAYMENTS = 20;
export const PAYMENTS_PAGE_SIZE = 50;

/** A page of the payments known at the end of `asOf` (today without it). */
export const laureatePaymentsSchema = laureateSlugSchema.extend(asOfSchema.shape).extend({
  page: z.number().int().min(1).max(1_000_000).default(1),
});
export type LaureatePaymentsInput = z.infer<typeof laureatePaymentsSchema>;

/** What every payment of a laureate adds up to, counted by the database, never from a page. */
export interface PaymentTotals {
  count: number;
  /** Sum of every payment, reversals included as negative entries. */
  totalCents: number;
}

/** One page of a laureate's payments, newest first. */
export interface PaymentPage {
  payments: PaymentItem[];
  totals: PaymentTotals;
  page: number;
  pageSize: number;
}
