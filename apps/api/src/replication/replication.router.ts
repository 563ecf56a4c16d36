import {
  closeLaureateSchema,
  laureateSlugSchema,
  moveAdoptionSchema,
  recordAdoptionSchema,
  removeAssetSchema,
  replicationFiltersSchema,
  saveAssetSchema,
  scoreLaureateSchema,
  updateAdoptionSchema,
} from "@defis/domain";
import { laureateProcedureFor, procedureFor, router, signedInProcedure } from "../trpc.js";
import { moveAdoption, recordAdoption, updateAdoption } from "./adoption-commands.js";
import { closeLaureate, removeAsset, saveAsset, scoreLaureate } from "./replication-commands.js";
import { laureateReplication, replicationOverview } from "./replication-queries.js";
import { inTransaction } from "../mutation.js";

/**
 * Every role reads the replication picture. Officers score and close;
 * sponsors keep the adoptions and assets of the laureates of their scope.
 */
export const replicationRouter = router({
  forLaureate: signedInProcedure
    .input(laureateSlugSchema)
    .query(({ ctx, input }) => laureateReplication(ctx.db, input.slug)),

  overview: signedInProcedure
    .input(replicationFiltersSchema)
    .query(({ ctx, input }) => replicationOverview(ctx.db, input)),

  score: procedureFor("scoreReplication").input(scoreLaureateSchema).mutation(inTransaction(scoreLaureate)),

  close: procedureFor("closeLaureate").input(closeLaureateSchema).mutation(inTransaction(closeLaureate)),

  saveAsset: laureateProcedureFor("manageAdoptions")
    .input(saveAssetSchema)
    .mutation(inTransaction(saveAsset)),

  removeAsset: laureateProcedureFor("manageAdoptions")
    .input(removeAssetSchema)
    .mutation(inTransaction(removeAsset)),

  recordAdoption: laureateProcedureFor("manageAdoptions")
    .input(recordAdoptionSchema)
    .mutation(inTransaction(recordAdoption)),

  updateAdoption: laureateProcedureFor("manageAdoptions")
    .input(updateAdoptionSchema)
    .mutation(inTransaction(updateAdoption)),

  moveAdoption: laureateProcedureFor("manageAdoptions")
    .input(moveAdoptionSchema)
    .mutation(inTransaction(moveAdoption)),
});
