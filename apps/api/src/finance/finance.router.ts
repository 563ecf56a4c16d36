import {
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

/** Every role reads the figures; officers and administrators move the money. */
export const financeRouter = router({
  forLaureate: signedInProcedure
    .input(laureateSlugSchema)
    .query(({ ctx, input }) => laureateFinance(ctx.db, input.slug)),

  monthly: signedInProcedure.query(({ ctx }) => monthlyPayments(ctx.db)),

  setAllocation: procedureFor("manageMoney")
    .input(setAllocationSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => setAllocationCommand(tx, ctx.actor, input))),

  reallocate: procedureFor("manageMoney")
    .input(reallocateSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => reallocateCommand(tx, ctx.actor, input))),

  recordPayment: procedureFor("manageMoney")
    .input(recordPaymentSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => recordPaymentCommand(tx, ctx.actor, input))),

  reversePayment: procedureFor("manageMoney")
    .input(reversePaymentSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => reversePaymentCommand(tx, ctx.actor, input, parisDay())),
    ),

  updateFunding: procedureFor("manageMoney")
    .input(updateFundingRecordSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => updateFundingRecord(tx, ctx.actor, input))),

  planSchedule: procedureFor("manageMoney")
    .input(planScheduleSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => planSchedule(tx, ctx.actor, input))),

  moveTranche: procedureFor("manageMoney")
    .input(moveTrancheSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => moveTranche(tx, ctx.actor, input))),

  setTrancheGate: procedureFor("manageMoney")
    .input(setTrancheGateSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => setTrancheGate(tx, ctx.actor, input))),
});
