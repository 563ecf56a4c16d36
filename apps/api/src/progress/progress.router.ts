import {
  notFound,
  addCommentSchema,
  createMilestoneSchema,
  declareWeatherSchema,
  editCommentSchema,
  guidedUpdateSchema,
  laureateSlugSchema,
  moveMilestoneSchema,
  updateFollowUpSettingsSchema,
  updateMilestoneSchema,
} from "@defis/domain";
import { parisDay } from "../paris-day.js";
import { laureateProcedureFor, procedureFor, router, signedInProcedure } from "../trpc.js";
import { addComment, editComment } from "./comment-commands.js";
import { listFollowUp } from "./follow-up-list.js";
import { loadToChase } from "../reminders/chase-queries.js";
import { submitGuidedUpdate } from "./guided-update.js";
import { createMilestone, moveMilestone, updateMilestone } from "./milestone-commands.js";
import { loadFollowUpSettings, loadLaureateProgress } from "./progress-queries.js";
import { updateFollowUpSettings } from "./settings-commands.js";
import { declareWeather } from "./weather-commands.js";
import { inTransaction } from "../mutation.js";

/** Milestones, météo and comments: every role reads them, sponsors update those of their scope. */
export const progressRouter = router({
  forLaureate: signedInProcedure.input(laureateSlugSchema).query(async ({ ctx, input }) => {
    const progress = await loadLaureateProgress(ctx.db, input.slug, parisDay());
    return progress ?? notFound("Ce lauréat n'existe pas ou plus.");
  }),

  /** Health beside declared météo for every laureate: the portfolio's flags. */
  portfolio: signedInProcedure.query(async ({ ctx }) => (await listFollowUp(ctx.db, parisDay())).rows),

  /** A sponsor's laureates (their scope); the whole portfolio for the DITP. */
  myProjects: procedureFor("updateProgress").query(async ({ ctx }) => {
    const scope = ctx.user.role === "sponsor" ? ctx.user.scope : null;
    const { rows, staleAfterDays } = await listFollowUp(ctx.db, parisDay(), scope);
    return { rows, staleAfterDays };
  }),

  /** "À relancer": who is late, by sponsor, with the address to write to and their last reminder. */
  toChase: procedureFor("chaseUpdates").query(async ({ ctx }) => ({
    ...(await loadToChase(ctx.db, parisDay())),
    deliveryConfigured: ctx.mail.deliveryConfigured,
  })),

  settings: signedInProcedure.query(({ ctx }) => loadFollowUpSettings(ctx.db)),

  updateSettings: procedureFor("manageSettings")
    .input(updateFollowUpSettingsSchema)
    .mutation(inTransaction(updateFollowUpSettings)),

  createMilestone: laureateProcedureFor("updateProgress")
    .input(createMilestoneSchema)
    .mutation(inTransaction(createMilestone)),

  updateMilestone: laureateProcedureFor("updateProgress")
    .input(updateMilestoneSchema)
    .mutation(inTransaction(updateMilestone)),

  moveMilestone: laureateProcedureFor("updateProgress")
    .input(moveMilestoneSchema)
    .mutation(inTransaction(moveMilestone)),

  declareWeather: laureateProcedureFor("updateProgress")
    .input(declareWeatherSchema)
    .mutation(inTransaction((tx, actor, input) => declareWeather(tx, actor, input, parisDay()))),

  addComment: laureateProcedureFor("updateProgress")
    .input(addCommentSchema)
    .mutation(inTransaction(addComment)),

  editComment: laureateProcedureFor("updateProgress")
    .input(editCommentSchema)
    .mutation(inTransaction(editComment)),

  submitUpdate: laureateProcedureFor("updateProgress")
    .input(guidedUpdateSchema)
    .mutation(inTransaction((tx, actor, input) => submitGuidedUpdate(tx, actor, input, parisDay()))),
});
