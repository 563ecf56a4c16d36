import { asOfSchema } from "@defis/domain";
import { router, signedInProcedure } from "../trpc.js";
import { checkedAsOf, dashboardFiguresAsOf } from "./portfolio-as-of.js";

/** Every role reads the dashboard; nobody writes through it. */
export const dashboardRouter = router({
  figures: signedInProcedure
    .input(asOfSchema)
    .query(({ ctx, input }) => dashboardFiguresAsOf(ctx.db, checkedAsOf(input.asOf))),
});
