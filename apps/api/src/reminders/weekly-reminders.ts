import type { Database, Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  Refusal,
  buildOfficerAlert,
  buildSponsorDigest,
  formatMailDate,
  sponsorsStalePastTwiceCadence,
  type MailKind,
  type MailRecipient,
  type RemindersRun,
} from "@defis/domain";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit, systemActor, type Actor } from "../audit/record-audit.js";
import { parisDay } from "../paris-day.js";
import { listFollowUp } from "../progress/follow-up-list.js";
import { claimDueJob, claimUnlessRunSince, ensureJob, recordJobOutcome } from "./scheduled-jobs.js";
import { followingWeekRun, nextWeeklyRun, startOfWeek, weekOf } from "./weekly-schedule.js";

const { mailOutbox, users } = schema;

export const WEEKLY_REMINDERS_JOB = "rappels-hebdomadaires";

/** The scheduler acts on nobody's behalf: its audit events have no author. */
const SCHEDULER_ACTOR: Actor = systemActor("rappels");

export interface ReminderRunOptions {
  now: Date;
  /** Base of the links the mails carry. */
  publicUrl: string;
}

/**
 * Creates the job if missing, first due next Monday 08:00; in demo mode due
 * at once, so that the outbox shows this week's digests right after start.
 */
export async function ensureWeeklyRemindersJob(
  db: Executor,
  now: Date,
  { dueAtOnce }: { dueAtOnce: boolean },
): Promise<void> {
  await ensureJob(db, WEEKLY_REMINDERS_JOB, dueAtOnce ? now : nextWeeklyRun(now));
}

async function activeOfficers(db: Executor): Promise<MailRecipient[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.role, "charge_mission"), eq(users.active, true)))
    .orderBy(asc(users.displayName));
}

/**
 * Writes the week's mails to the outbox and one audit event. The occurrence
 * key names the week, and the outbox is unique per (occurrence, kind,
 * recipient): running the same week again writes no mail twice.
 */
async function writeWeeklyReminders(
  db: Executor,
  actor: Actor,
  { now, publicUrl }: ReminderRunOptions,
): Promise<RemindersRun> {
  const today = parisDay(now);
  const week = weekOf(now);
  const occurrence = `rappels:${week}`;
  // One after the other: inside a transaction, queries share one connection.
  const { rows, staleAfterDays, sponsors } = await listFollowUp(db, today);
  const officers = await activeOfficers(db);
  const context = { publicUrl, today, staleAfterDays };
  const mailOf = (kind: MailKind, recipient: MailRecipient, content: { subject: string; body: string }) => ({
    kind,
    recipientUserId: recipient.id,
    recipientEmail: recipient.email,
    ...content,
    occurrence,
  });
  const staleSponsors = sponsorsStalePastTwiceCadence(rows, context);
  const mails = [
    ...sponsors.flatMap((sponsor) => {
      const digest = buildSponsorDigest(sponsor, rows, context);
      return digest ? [mailOf("rappel_sponsor", sponsor, digest)] : [];
    }),
    ...officers.flatMap((officer) => {
      const alert = buildOfficerAlert(officer, staleSponsors, context);
      return alert ? [mailOf("alerte_chargee", officer, alert)] : [];
    }),
  ];
  const written =
    mails.length === 0
      ? []
      : await db.insert(mailOutbox).values(mails).onConflictDoNothing().returning({ kind: mailOutbox.kind });
  const run: RemindersRun = {
    week,
    digests: written.filter((mail) => mail.kind === "rappel_sponsor").length,
    alerts: written.filter((mail) => mail.kind === "alerte_chargee").length,
  };
  await recordAudit(db, actor, {
    action: "rappels.envoi",
    entityId: occurrence,
    after: {
      semaine: week,
      declenchement: actor.userId === null ? "planifié" : "manuel",
      rappelsSponsors: run.digests,
      alertesChargees: run.alerts,
    },
  });
  await recordJobOutcome(
    db,
    WEEKLY_REMINDERS_JOB,
    `Semaine du ${formatMailDate(week)} : ${String(run.digests)} rappel(s), ${String(run.alerts)} alerte(s).`,
  );
  return run;
}

/**
 * The scheduler's turn: runs the week's reminders if the job is due, all in
 * one transaction with the claim, so a failure leaves the occurrence due for
 * the next turn. Null when it was not due (or another instance took it).
 */
export async function runDueWeeklyReminders(
  db: Database,
  options: ReminderRunOptions,
): Promise<RemindersRun | null> {
  return db.transaction(async (tx) => {
    const claimed = await claimDueJob(tx, WEEKLY_REMINDERS_JOB, options.now, followingWeekRun(options.now));
    return claimed ? writeWeeklyReminders(tx, SCHEDULER_ACTOR, options) : null;
  });
}

/**
 * An officer prepares this week's reminders ahead of Monday's schedule, once:
 * refused in French when the week already had its run. Call it in a transaction.
 */
export async function runWeeklyRemindersNow(
  db: Executor,
  actor: Actor,
  options: ReminderRunOptions,
): Promise<RemindersRun> {
  const { now } = options;
  await ensureJob(db, WEEKLY_REMINDERS_JOB, nextWeeklyRun(now));
  const claim = await claimUnlessRunSince(
    db,
    WEEKLY_REMINDERS_JOB,
    now,
    startOfWeek(now),
    followingWeekRun(now),
  );
  if (!claim.claimed) {
    const when = claim.lastRunAt ? ` le ${formatMailDate(claim.lastRunAt)}` : "";
    throw new Refusal(
      `Les rappels de la semaine du ${formatMailDate(weekOf(now))} ont déjà été préparés${when}. Les prochains le seront le lundi ${formatMailDate(weekOf(followingWeekRun(now)))} à 8 h.`,
    );
  }
  return writeWeeklyReminders(db, actor, options);
}
