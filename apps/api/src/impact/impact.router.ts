import {
  asOfSchema,
  correctMeasureSchema,
  decideIndicatorProposalSchema,
  defineCommonIndicatorSchema,
  defineIndicatorSchema,
  laureateSlugSchema,
  recordMeasureSchema,
  updateCommonIndicatorSchema,
  updateIndicatorSchema,
} from "@defis/domain";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { inTransaction } from "../mutation.js";
import { parisDay } from "../paris-day.js";
import { laureateProcedureFor, procedureFor, router, signedInProcedure } from "../trpc.js";
import { defineCommonIndicator, listCommonIndicators, updateCommonIndicator } from "./common-indicators.js";
import { impactPortfolioOn } from "./impact-portfolio.js";
import { decideProposal, defineIndicator, proposeIndicator, updateIndicator } from "./indicator-commands.js";
import { loadLaureateImpact } from "./indicator-queries.js";
import { correctMeasure, recordMeasure } from "./measure-commands.js";

/**
 * Impact indicators: every role reads them; officers define them and keep
 * the common catalogue, sponsors propose them and measure them in their scope.
 */
export const impactRouter = router({
  /** A laureate's indicators and measures, today or as known at the end of a past day (`asOf`). */
  forLaureate: signedInProcedure
    .input(laureateSlugSchema.extend(asOfSchema.shape))
    .query(async ({ ctx, input }) => {
      const today = parisDay();
      const day = checkedAsOf(input.asOf, today);
      return loadLaureateImpact(ctx.db, await laureateIdOf(ctx.db, input.slug), day, today);
    }),

  defineIndicator: laureateProcedureFor("defineIndicators")
    .input(defineIndicatorSchema)
    .mutation(inTransaction(defineIndicator)),

  updateIndicator: laureateProcedureFor("defineIndicators")
    .input(updateIndicatorSchema)
    .mutation(inTransaction(updateIndicator)),

  proposeIndicator: laureateProcedureFor("proposeIndicators")
    .input(defineIndicatorSchema)
    .mutation(inTransaction(proposeIndicator)),

  decideProposal: laureateProcedureFor("defineIndicators")
    .input(decideIndicatorProposalSchema)
    .mutation(inTransaction(decideProposal)),

  recordMeasure: laureateProcedureFor("updateProgress")
    .input(recordMeasureSchema)
    .mutation(inTransaction((tx, actor, input) => recordMeasure(tx, actor, input, parisDay()))),

  correctMeasure: laureateProcedureFor("updateProgress")
    .input(correctMeasureSchema)
    .mutation(inTransaction(correctMeasure)),

  /** The common indicators' catalogue, with how many followed indicators each one gathers. */
  commonIndicators: signedInProcedure.query(({ ctx }) => listCommonIndicators(ctx.db)),

  defineCommonIndicator: procedureFor("defineIndicators")
    .input(defineCommonIndicatorSchema)
    .mutation(inTransaction(defineCommonIndicator)),

  updateCommonIndicator: procedureFor("defineIndicators")
    .input(updateCommonIndicatorSchema)
    .mutation(inTransaction(updateCommonIndicator)),

  /** Impact across the portfolio, today or as known at the end of a past day (`asOf`). */
  portfolio: signedInProcedure
    .input(asOfSchema)
    .query(({ ctx, input }) => impactPortfolioOn(ctx.db, checkedAsOf(input.asOf))),
});
