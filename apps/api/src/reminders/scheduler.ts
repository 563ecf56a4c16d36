import type { Database } from "@defis/db";
import type { Logger } from "../logger.js";
import { deliverPendingMail, type MailSender } from "./mail-delivery.js";
import { ensureWeeklyRemindersJob, runDueWeeklyReminders } from "./weekly-reminders.js";

export interface ReminderSchedulerOptions {
  db: Database;
  logger: Logger;
  /** Null without SMTP: mail stays in the outbox. */
  sender: MailSender | null;
  publicUrl: string;
  /** Demo mode: the first run is due at once, so the outbox has this week's digests. */
  dueAtOnce: boolean;
  intervalMs?: number;
}

/**
 * Every minute, on every instance: run the weekly job if it is due (the
 * database lets one instance claim it), then deliver what the outbox holds.
 * The timer lives here and not in createApp, so tests stay deterministic and
 * call the functions above with their own clock.
 */
export function startReminderScheduler(options: ReminderSchedulerOptions): { stop(): Promise<void> } {
  const { db, logger, sender, publicUrl } = options;
  let ensured = false;

  async function turn(): Promise<void> {
    const now = new Date();
    try {
      if (!ensured) {
        await ensureWeeklyRemindersJob(db, now, { dueAtOnce: options.dueAtOnce });
        ensured = true;
      }
      const run = await runDueWeeklyReminders(db, { now, publicUrl });
      if (run) logger.info(run, "rappels de la semaine préparés");
    } catch (error) {
      logger.error({ err: error }, "les rappels hebdomadaires ont échoué ; nouvel essai au prochain tour");
    }
    try {
      await deliverPendingMail(db, sender, { now, logger });
    } catch (error) {
      logger.error({ err: error }, "l'envoi des courriels a échoué ; nouvel essai au prochain tour");
    }
  }

  // One turn at a time: a turn still running when the timer fires (a slow SMTP server) is not doubled.
  let current: Promise<void> | null = null;
  function tick(): void {
    current ??= turn().finally(() => {
      current = null;
    });
  }
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  // The scheduler alone never keeps the process alive.
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      if (current) await current;
      sender?.close();
    },
  };
}
