import { auditFiltersSchema, laureateSlugSchema } from "@defis/domain";
import { procedureFor, router, signedInProcedure } from "../trpc.js";
import { laureateHistory, listAuditActors, listAuditEvents } from "./audit-queries.js";

export const auditRouter = router({
  /** The journal: officers and administrators. */
  list: procedureFor("readAudit")
    .input(auditFiltersSchema)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),

  actors: procedureFor("readAudit").query(({ ctx }) => listAuditActors(ctx.db)),

  /** A laureate's "Historique" tab: everyone reads the whole portfolio, its history included. */
  forLaureate: signedInProcedure
    .input(laureateSlugSchema)
    .query(({ ctx, input }) => laureateHistory(ctx.db, input.slug)),
});
