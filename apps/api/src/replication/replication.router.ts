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

  score: procedureFor("scoreReplication")
    .input(scoreLaureateSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => scoreLaureate(tx, ctx.actor, input))),

  close: procedureFor("closeLaureate")
    .input(closeLaureateSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => closeLaureate(tx, ctx.actor, input))),

  saveAsset: laureateProcedureFor("manageAdoptions")
    .input(saveAssetSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => saveAsset(tx, ctx.actor, input))),

  removeAsset: laureateProcedureFor("manageAdoptions")
    .input(removeAssetSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => removeAsset(tx, ctx.actor, input))),

  recordAdoption: laureateProcedureFor("manageAdoptions")
    .input(recordAdoptionSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => recordAdoption(tx, ctx.actor, input))),

  updateAdoption: laureateProcedureFor("manageAdoptions")
    .input(updateAdoptionSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => updateAdoption(tx, ctx.actor, input))),

  moveAdoption: laureateProcedureFor("manageAdoptions")
    .input(moveAdoptionSchema)
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => moveAdoption(tx, ctx.actor, input))),
});
