import { notFound, setProgrammeCalendarSchema } from "@defis/domain";
import { inTransaction } from "../mutation.js";
import { procedureFor, signedInProcedure, router } from "../trpc.js";
import { loadProgrammeCalendar, setProgrammeCalendar } from "./calendar.js";
import { getProgrammeOverview } from "./overview.js";
import { parisDay } from "../paris-day.js";

export const programmeRouter = router({
  overview: signedInProcedure.query(async ({ ctx }) => {
    const overview = await getProgrammeOverview(ctx.db, parisDay());
    return overview ?? notFound("Aucun programme n'est enregistré.");
  }),

  calendar: signedInProcedure.query(({ ctx }) => loadProgrammeCalendar(ctx.db)),

  /** The end and the consumption deadline: the administrator's, like the other settings. */
  setCalendar: procedureFor("manageSettings")
    .input(setProgrammeCalendarSchema)
    .mutation(inTransaction(setProgrammeCalendar)),
});
