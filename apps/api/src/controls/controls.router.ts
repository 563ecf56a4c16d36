import { parisDay } from "../paris-day.js";
import { procedureFor, router } from "../trpc.js";
import { countControls, listControls } from "./controls-queries.js";

/** The consistency controls, for officers and administrators (permission readControls). */
export const controlsRouter = router({
  list: procedureFor("readControls").query(({ ctx }) =>
    listControls(ctx.db, { today: parisDay(), attribuantSiret: ctx.openData.attribuantSiret }),
  ),
  count: procedureFor("readControls").query(({ ctx }) =>
    countControls(ctx.db, { today: parisDay(), attribuantSiret: ctx.openData.attribuantSiret }),
  ),
});
