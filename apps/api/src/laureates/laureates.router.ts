import {
  asOfSchema,
  notFound,
  laureateFiltersSchema,
  laureateSlugSchema,
  updateLaureateSchema,
} from "@defis/domain";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";
import { laureateProcedureFor, router, signedInProcedure } from "../trpc.js";
import { updateLaureate } from "./laureate-commands.js";
import { findLaureateBySlug, listLaureates } from "./laureate-queries.js";
import { inTransaction } from "../mutation.js";

export const laureatesRouter = router({
  list: signedInProcedure
    .input(laureateFiltersSchema.extend(asOfSchema.shape))
    .query(({ ctx, input: { asOf, ...filters } }) => listLaureates(ctx.db, filters, checkedAsOf(asOf))),

  bySlug: signedInProcedure.input(laureateSlugSchema).query(async ({ ctx, input }) => {
    const laureate = await findLaureateBySlug(ctx.db, input.slug);
    return laureate ?? notFound("Ce lauréat n'existe pas ou plus.");
  }),

  update: laureateProcedureFor("editLaureateFacts")
    .input(updateLaureateSchema)
    .mutation(inTransaction(updateLaureate)),
});
