import { outboxFiltersSchema, runRemindersSchema } from "@defis/domain";
import { procedureFor, router } from "../trpc.js";
import { listOutbox, loadSchedule } from "./outbox-queries.js";
import { runWeeklyRemindersNow, WEEKLY_REMINDERS_JOB } from "./weekly-reminders.js";

/** The mail the application wrote, and the weekly reminders ahead of schedule: the DITP only. */
export const remindersRouter = router({
  outbox: procedureFor("readOutbox")
    .input(outboxFiltersSchema)
    .query(async ({ ctx, input }) => {
      const [page, schedule] = await Promise.all([
        listOutbox(ctx.db, input),
        loadSchedule(ctx.db, WEEKLY_REMINDERS_JOB),
      ]);
      return { ...page, schedule, deliveryConfigured: ctx.mail.deliveryConfigured };
    }),

  runNow: procedureFor("sendReminders")
    .input(runRemindersSchema)
    .mutation(({ ctx }) =>
      ctx.db.transaction((tx) =>
        runWeeklyRemindersNow(tx, ctx.actor, { now: new Date(), publicUrl: ctx.mail.publicUrl }),
      ),
    ),
});
