import { laureateFiltersSchema, laureateSlugSchema } from "@defis/domain";
import { notFound, publicProcedure, router } from "../trpc.js";
import { findLaureateBySlug, listLaureates } from "./laureate-queries.js";

export const laureatesRouter = router({
  list: publicProcedure.input(laureateFiltersSchema).query(({ ctx, input }) => listLaureates(ctx.db, input)),

  bySlug: publicProcedure.input(laureateSlugSchema).query(async ({ ctx, input }) => {
    const laureate = await findLaureateBySlug(ctx.db, input.slug);
    return laureate ?? notFound("Ce lauréat n'existe pas ou plus.");
  }),
});
