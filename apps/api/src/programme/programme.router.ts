import { asOfSchema, notFound } from "@defis/domain";
import { signedInProcedure, router } from "../trpc.js";
import { getProgrammeOverview } from "./overview.js";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";

export const programmeRouter = router({
  overview: signedInProcedure.input(asOfSchema.optional()).query(async ({ ctx, input }) => {
    const overview = await getProgrammeOverview(ctx.db, checkedAsOf(input?.asOf));
    return overview ?? notFound("Aucun programme n'est enregistré.");
  }),
});
