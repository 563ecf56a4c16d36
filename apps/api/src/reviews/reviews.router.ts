import { notFound, openReviewSchema, reviewIdSchema } from "@defis/domain";
import { procedureFor, router, signedInProcedure } from "../trpc.js";
import { openReview } from "./review-commands.js";
import { findReview, listReviews } from "./review-queries.js";
import { inTransaction } from "../mutation.js";

/** Every role reads the reviews; officers and administrators open them. */
export const reviewsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listReviews(ctx.db)),

  byId: signedInProcedure.input(reviewIdSchema).query(async ({ ctx, input }) => {
    const review = await findReview(ctx.db, input.id);
    return review ?? notFound("Cette revue n'existe pas.");
  }),

  open: procedureFor("openReview").input(openReviewSchema).mutation(inTransaction(openReview)),
});
