import { notFound, laureateFiltersSchema, laureateSlugSchema, updateLaureateSchema } from "@defis/domain";
import { parisDay } from "../paris-day.js";
import { laureateProcedureFor, router, signedInProcedure } from "../trpc.js";
import { updateLaureate } from "./laureate-commands.js";
import { findLaureateBySlug, listLaureates } from "./laureate-queries.js";
import { inTransaction } from "../mutation.js";

export const laureatesRouter = router({
  list: signedInProcedure
    .input(laureateFiltersSchema)
    .query(({ ctx, input }) => listLaureates(ctx.db, input, parisDay())),

  bySlug: signedInProcedure.input(laureateSlugSchema).query(async ({ ctx, input }) => {
    const laureate = await findLaureateBySlug(ctx.db, input.slug);
    return laureate ?? notFound("Ce lauréat n'existe pas ou plus.");
  }),

  update: laureateProcedureFor("editLaureateFacts")
    .input(updateLaureateSchema)
    .mutation(inTransaction(updateLaureate)),
});
