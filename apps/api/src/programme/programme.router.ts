import { asOfSchema, notFound, setProgrammeCalendarSchema } from "@defis/domain";
import { inTransaction } from "../mutation.js";
import { procedureFor, signedInProcedure, router } from "../trpc.js";
import { loadProgrammeCalendar, setProgrammeCalendar } from "./calendar.js";
import { getProgrammeOverview } from "./overview.js";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";

export const programmeRouter = router({
  overview: signedInProcedure.input(asOfSchema.optional()).query(async ({ ctx, input }) => {
    const overview = await getProgrammeOverview(ctx.db, checkedAsOf(input?.asOf));
    return overview ?? notFound("Aucun programme n'est enregistré.");
  }),

  calendar: signedInProcedure.query(({ ctx }) => loadProgrammeCalendar(ctx.db)),

  /** The end and the consumption deadline: the administrator's, like the other settings. */
  setCalendar: procedureFor("manageSettings")
    .input(setProgrammeCalendarSchema)
    .mutation(inTransaction(setProgrammeCalendar)),
});
