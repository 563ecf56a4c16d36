import { asOfSchema } from "@defis/domain";
import { parisDay } from "../paris-day.js";
import { router, signedInProcedure } from "../trpc.js";
import { checkedAsOf, dashboardFiguresAsOf } from "./portfolio-as-of.js";
import { dashboardSynthesis } from "./synthesis.js";

/** Every role reads the dashboard; nobody writes through it. */
export const dashboardRouter = router({
  figures: signedInProcedure
    .input(asOfSchema)
    .query(({ ctx, input }) => dashboardFiguresAsOf(ctx.db, checkedAsOf(input.asOf))),

  /**
   * The synthesis beside the figures: change since the previous review and the
   * laureates needing a decision. Their anomalies are counted, not listed: the
   * controls' work list stays the officers' (permission readControls).
   */
  synthesis: signedInProcedure.input(asOfSchema).query(({ ctx, input }) =>
    dashboardSynthesis(ctx.db, {
      asOf: checkedAsOf(input.asOf),
      today: parisDay(),
      attribuantSiret: ctx.openData.attribuantSiret,
    }),
  ),
});
