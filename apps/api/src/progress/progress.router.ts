import {
  notFound,
  addCommentSchema,
  asOfSchema,
  createMilestoneSchema,
  declareWeatherSchema,
  deleteCommentSchema,
  editCommentSchema,
  guidedUpdateSchema,
  laureateSlugSchema,
  moveMilestoneSchema,
  updateFollowUpSettingsSchema,
  updateMilestoneSchema,
} from "@defis/domain";
import { checkedAsOf } from "../dashboard/portfolio-as-of.js";
import { parisDay } from "../paris-day.js";
import { laureateProcedureFor, procedureFor, router, signedInProcedure } from "../trpc.js";
import { addComment, deleteComment, editComment } from "./comment-commands.js";
import { listFollowUp } from "./follow-up-list.js";
import { loadToChase } from "../reminders/chase-queries.js";
import { submitGuidedUpdate } from "./guided-update.js";
import { createMilestone, moveMilestone, updateMilestone } from "./milestone-commands.js";
import { loadLaureateProgressOn } from "./progress-as-of.js";
import { loadFollowUpSettings, loadLaureateProgress } from "./progress-queries.js";
import { updateFollowUpSettings } from "./settings-commands.js";
import { declareWeather } from "./weather-commands.js";
import { inTransaction } from "../mutation.js";

/** Milestones, météo and comments: every role reads them, sponsors update those of their scope. */
export const progressRouter = router({
  /** Today's follow-up, or as known at the end of a past day (`asOf`): read-only then. */
  forLaureate: signedInProcedure
    .input(laureateSlugSchema.extend(asOfSchema.shape))
    .query(async ({ ctx, input }) => {
      const today = parisDay();
      const day = checkedAsOf(input.asOf, today);
      const progress =
        day === today
          ? await loadLaureateProgress(ctx.db, input.slug, today)
          : await loadLaureateProgressOn(ctx.db, input.slug, day);
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

  deleteComment: laureateProcedureFor("updateProgress")
    .input(deleteCommentSchema)
    .mutation(inTransaction(deleteComment)),

  submitUpdate: laureateProcedureFor("updateProgress")
    .input(guidedUpdateSchema)
    .mutation(inTransaction((tx, actor, input) => submitGuidedUpdate(tx, actor, input, parisDay()))),
});
