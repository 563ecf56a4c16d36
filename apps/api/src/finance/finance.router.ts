import {
  acceptScheduleGapSchema,
  laureatePaymentsSchema,
  asOfSchema,
  laureateSlugSchema,
  moveTrancheSchema,
  planScheduleSchema,
  updateFundingRecordSchema,
  reallocateSchema,
  recordPaymentSchema,
  reversePaymentSchema,
  setAllocationSchema,
  setTrancheGateSchema,
} from "@defis/domain";
import { parisDay } from "../paris-day.js";
import { procedureFor, router, signedInProcedure } from "../trpc.js";
import { laureateFinance, monthlyPayments } from "./finance-queries.js";
import {
  reallocateCommand,
  recordPaymentCommand,
  reversePaymentCommand,
  setAllocationCommand,
} from "./money-commands.js";
import { moveTranche, planSchedule, setTrancheGate, updateFundingRecord } from "./schedule-commands.js";
import { idempotentInTransaction } from "../mutation.js";
import { lateTranches } from "./late-tranches.js";
import { laureatePaymentPage } from "./payment-queries.js";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";
import { acceptScheduleGap, scheduleGap } from "./schedule-gap.js";

/** Every role reads the figures; officers and administrators move the money. */
export const financeRouter = router({
  forLaureate: signedInProcedure
    .input(laureateSlugSchema.extend(asOfSchema.shape))
    .query(({ ctx, input }) => laureateFinance(ctx.db, input.slug, checkedAsOf(input.asOf))),

  payments: signedInProcedure
    .input(laureatePaymentsSchema)
    .query(({ ctx, input }) => laureatePaymentPage(ctx.db, input, checkedAsOf(input.asOf))),

  monthly: signedInProcedure
    .input(asOfSchema.optional())
    .query(({ ctx, input }) => monthlyPayments(ctx.db, checkedAsOf(input?.asOf))),

  lateTranches: signedInProcedure
    .input(asOfSchema.optional())
    .query(({ ctx, input }) => lateTranches(ctx.db, checkedAsOf(input?.asOf))),

  scheduleGap: signedInProcedure
    .input(laureateSlugSchema)
    .query(({ ctx, input }) => scheduleGap(ctx.db, input.slug)),

  acceptScheduleGap: procedureFor("manageMoney")
    .input(acceptScheduleGapSchema)
    .mutation(idempotentInTransaction(acceptScheduleGap)),

  setAllocation: procedureFor("manageMoney")
    .input(setAllocationSchema)
    .mutation(idempotentInTransaction(setAllocationCommand)),

  reallocate: procedureFor("manageMoney")
    .input(reallocateSchema)
    .mutation(idempotentInTransaction(reallocateCommand)),

  recordPayment: procedureFor("manageMoney")
    .input(recordPaymentSchema)
    .mutation(idempotentInTransaction(recordPaymentCommand)),

  reversePayment: procedureFor("manageMoney")
    .input(reversePaymentSchema)
    .mutation(
      idempotentInTransaction((tx, actor, input) => reversePaymentCommand(tx, actor, input, parisDay())),
    ),

  updateFunding: procedureFor("manageMoney")
    .input(updateFundingRecordSchema)
    .mutation(idempotentInTransaction(updateFundingRecord)),

  planSchedule: procedureFor("manageMoney")
    .input(planScheduleSchema)
    .mutation(idempotentInTransaction(planSchedule)),

  moveTranche: procedureFor("manageMoney")
    .input(moveTrancheSchema)
    .mutation(idempotentInTransaction(moveTranche)),

  setTrancheGate: procedureFor("manageMoney")
    .input(setTrancheGateSchema)
    .mutation(idempotentInTransaction(setTrancheGate)),
});
