import {
  asOfSchema,
  correctMeasureSchema,
  decideIndicatorProposalSchema,
  defineIndicatorSchema,
  laureateSlugSchema,
  recordMeasureSchema,
  updateIndicatorSchema,
  type CommonIndicatorItem,
} from "@defis/domain";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { parisDay } from "../paris-day.js";
import { laureateProcedureFor, procedureFor, router, signedInProcedure } from "../trpc.js";
import { loadLaureateImpact } from "./indicator-queries.js";

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
  // impact-web placeholders: the lead replaces them with impact-api's and impact-pilot's procedures.
  commonIndicators: signedInProcedure.query((): CommonIndicatorItem[] => {
    throw new Error("impact-api");
  }),
  defineIndicator: procedureFor("defineIndicators")
    .input(defineIndicatorSchema)
    .mutation((): { indicatorId: number } => {
      throw new Error("impact-api");
    }),
  updateIndicator: procedureFor("defineIndicators")
    .input(updateIndicatorSchema)
    .mutation((): { indicatorId: number } => {
      throw new Error("impact-api");
    }),
  proposeIndicator: laureateProcedureFor("proposeIndicators")
    .input(defineIndicatorSchema)
    .mutation((): { indicatorId: number } => {
      throw new Error("impact-api");
    }),
  decideProposal: procedureFor("defineIndicators")
    .input(decideIndicatorProposalSchema)
    .mutation((): { indicatorId: number } => {
      throw new Error("impact-api");
    }),
  recordMeasure: laureateProcedureFor("updateProgress")
    .input(recordMeasureSchema)
    .mutation((): { measureId: number } => {
      throw new Error("impact-api");
    }),
  correctMeasure: laureateProcedureFor("updateProgress")
    .input(correctMeasureSchema)
    .mutation((): { measureId: number } => {
      throw new Error("impact-api");
    }),
});
