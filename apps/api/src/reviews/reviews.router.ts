import {
  asOfSchema,
  laureateDecisionsSchema,
  notFound,
  openReviewSchema,
  recordDecisionSchema,
  reviewIdSchema,
  updateDecisionStatusSchema,
} from "@defis/domain";
import { laureateProcedureFor, procedureFor, router, signedInProcedure } from "../trpc.js";
import { openReview } from "./review-commands.js";
import { findReview, listReviews } from "./review-queries.js";
import { recordDecision, updateDecisionStatus } from "./decision-commands.js";
import { findReviewDecisions, listDecisionsDue, listLaureateDecisions } from "./decision-queries.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { inTransaction } from "../mutation.js";
import { parisDay } from "../paris-day.js";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";

/**
 * Every role reads the reviews; officers and administrators open them and
 * record their decisions. The decisions are read by the officers and the
 * direction, and by a sponsor for the laureates of their scope.
 */
export const reviewsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listReviews(ctx.db)),

  byId: signedInProcedure.input(reviewIdSchema).query(async ({ ctx, input }) => {
    const review = await findReview(ctx.db, input.id);
    return review ?? notFound("Cette revue n'existe pas.");
  }),

  open: procedureFor("openReview").input(openReviewSchema).mutation(inTransaction(openReview)),

  decisions: procedureFor("readDecisions")
    .input(reviewIdSchema)
    .query(async ({ ctx, input }) => {
      const decisions = await findReviewDecisions(ctx.db, input.id);
      return decisions ?? notFound("Cette revue n'existe pas.");
    }),

  /** The decisions in progress on the day, the nearest due day first: the synthèse of the pilotage reads it. */
  decisionsDue: procedureFor("readDecisions")
    .input(asOfSchema)
    .query(({ ctx, input }) => listDecisionsDue(ctx.db, checkedAsOf(input.asOf))),

  laureateDecisions: laureateProcedureFor("readLaureateDecisions")
    .input(laureateDecisionsSchema)
    .query(async ({ ctx, input }) =>
      listLaureateDecisions(ctx.db, await laureateIdOf(ctx.db, input.laureateSlug), parisDay()),
    ),

  recordDecision: procedureFor("recordDecisions")
    .input(recordDecisionSchema)
    .mutation(inTransaction(recordDecision)),

  updateDecision: procedureFor("recordDecisions")
    .input(updateDecisionStatusSchema)
    .mutation(inTransaction(updateDecisionStatus)),
});
