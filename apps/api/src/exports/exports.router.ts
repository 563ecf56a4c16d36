import { procedureFor, router } from "../trpc.js";
import { scdlPreview } from "./scdl-preview.js";

/** What the downloads will hold, told before they are downloaded (the files are Express routes). */
export const exportsRouter = router({
  /** Read by whoever may download the file: every signed-in role. */
  scdlPreview: procedureFor("readPortfolio").query(({ ctx }) =>
    scdlPreview(ctx.db, ctx.openData.attribuantSiret),
  ),
});
