import { notFound } from "@defis/domain";
import { signedInProcedure, router } from "../trpc.js";
import { getProgrammeOverview } from "./overview.js";
import { parisDay } from "../paris-day.js";

export const programmeRouter = router({
  overview: signedInProcedure.query(async ({ ctx }) => {
    const overview = await getProgrammeOverview(ctx.db, parisDay());
    return overview ?? notFound("Aucun programme n'est enregistré.");
  }),
});
