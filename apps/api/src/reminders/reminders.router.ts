import { readTogether } from "@defis/db";
import { outboxFiltersSchema, remindSponsorSchema, runRemindersSchema } from "@defis/domain";
import { inTransaction } from "../mutation.js";
import { procedureFor, router } from "../trpc.js";
import { remindSponsor } from "./chase-commands.js";
import { listOutbox, loadSchedule } from "./outbox-queries.js";
import { runWeeklyRemindersNow, WEEKLY_REMINDERS_JOB } from "./weekly-reminders.js";

/** The mail the application wrote, the weekly reminders ahead of schedule, chasing a sponsor: the DITP only. */
export const remindersRouter = router({
  outbox: procedureFor("readOutbox")
    .input(outboxFiltersSchema)
    .query(async ({ ctx, input }) => {
      const [page, schedule] = await readTogether(ctx.db, [
        () => listOutbox(ctx.db, input),
        () => loadSchedule(ctx.db, WEEKLY_REMINDERS_JOB),
      ]);
      return { ...page, schedule, deliveryConfigured: ctx.mail.deliveryConfigured };
    }),

  runNow: procedureFor("sendReminders")
    .input(runRemindersSchema)
    .mutation((call) =>
      inTransaction((tx, actor) =>
        runWeeklyRemindersNow(tx, actor, { now: new Date(), publicUrl: call.ctx.mail.publicUrl }),
      )(call),
    ),

  /** "Relancer maintenant": one sponsor, exactly what is missing, once a day. */
  remindSponsor: procedureFor("sendReminders")
    .input(remindSponsorSchema)
    .mutation((call) =>
      inTransaction((tx, actor, input: { sponsorId: number }) =>
        remindSponsor(tx, actor, input, { now: new Date(), publicUrl: call.ctx.mail.publicUrl }),
      )(call),
    ),
});
