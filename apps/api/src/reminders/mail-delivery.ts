import type { Database } from "@defis/db";
import { schema } from "@defis/db";
import { and, asc, eq, lt, notInArray, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Logger } from "../logger.js";

const { mailOutbox } = schema;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one mail or throws; the outbox row records which. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer. Timeouts are short because a mail is sent while
 * its outbox row is locked (and, on PGlite, while the database waits).
 */
export function createSmtpSender(smtpUrl: string, from: string): MailSender {
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from },
  );
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close: () => transport.close(),
  };
}

export const MAX_ATTEMPTS = 5;
/** A failed mail is tried again 5, 15, 35 then 75 minutes after it was written. */
const RETRY_STEP_MINUTES = 5;
/** Mails sent per turn of the scheduler; the rest wait for the next turn. */
const BATCH_SIZE = 50;
const MAX_ERROR_LENGTH = 500;

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Kept in the outbox for reading because no SMTP server is configured. */
  withheld: number;
}

/** Due: never tried, or failed and past its retry delay, with attempts left. */
function dueAt(now: Date) {
  return or(
    eq(mailOutbox.status, "a_envoyer"),
    and(
      eq(mailOutbox.status, "echec"),
      lt(mailOutbox.attempts, MAX_ATTEMPTS),
      sql`${mailOutbox.createdAt} + make_interval(mins => ${RETRY_STEP_MINUTES} * (power(2, ${mailOutbox.attempts})::int - 1)) <= ${now.toISOString()}::timestamptz`,
    ),
  );
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}

/**
 * Sends one due mail, in its own transaction: the row is claimed with
 * FOR UPDATE SKIP LOCKED and stays locked until its status is written, so two
 * instances never send the same mail; a mail already being sent is skipped.
 * A crash between sending and committing sends it again later: at least once.
 */
async function deliverOne(
  db: Database,
  sender: MailSender,
  now: Date,
  skip: readonly number[],
  logger: Logger,
): Promise<{ id: number; sent: boolean } | null> {
  return db.transaction(async (tx) => {
    const [mail] = await tx
      .select({
        id: mailOutbox.id,
        recipientEmail: mailOutbox.recipientEmail,
        subject: mailOutbox.subject,
        body: mailOutbox.body,
      })
      .from(mailOutbox)
      .where(skip.length > 0 ? and(dueAt(now), notInArray(mailOutbox.id, [...skip])) : dueAt(now))
      .orderBy(asc(mailOutbox.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!mail) return null;
    try {
      await sender.send({ to: mail.recipientEmail, subject: mail.subject, text: mail.body });
      await tx
        .update(mailOutbox)
        .set({
          status: "envoye",
          attempts: sql`${mailOutbox.attempts} + 1`,
          sentAt: now,
          lastError: null,
        })
        .where(eq(mailOutbox.id, mail.id));
      return { id: mail.id, sent: true };
    } catch (error) {
      // Neither the address nor the body reach the logs; the error stays on the row.
      logger.warn(
        { mailId: mail.id, code: (error as { code?: unknown }).code },
        "échec d'envoi d'un courriel",
      );
      await tx
        .update(mailOutbox)
        .set({ status: "echec", attempts: sql`${mailOutbox.attempts} + 1`, lastError: errorText(error) })
        .where(eq(mailOutbox.id, mail.id));
      return { id: mail.id, sent: false };
    }
  });
}

/**
 * Delivers the outbox's due mails through SMTP. Without a server (embedded or
 * demo mode) the waiting mails are marked "non_envoye" and stay readable on
 * the outbox page; configuring a server later does not send them.
 */
export async function deliverPendingMail(
  db: Database,
  sender: MailSender | null,
  { now, logger }: { now: Date; logger: Logger },
): Promise<DeliveryReport> {
  if (sender === null) {
    const withheld = await db
      .update(mailOutbox)
      .set({ status: "non_envoye" })
      .where(eq(mailOutbox.status, "a_envoyer"))
      .returning({ id: mailOutbox.id });
    return { sent: 0, failed: 0, withheld: withheld.length };
  }
  const report: DeliveryReport = { sent: 0, failed: 0, withheld: 0 };
  // Each mail is tried at most once per turn, even when its retry delay is already past.
  const tried: number[] = [];
  while (tried.length < BATCH_SIZE) {
    const outcome = await deliverOne(db, sender, now, tried, logger);
    if (!outcome) break;
    tried.push(outcome.id);
    if (outcome.sent) report.sent += 1;
    else report.failed += 1;
  }
  if (report.sent + report.failed > 0) logger.info(report, "courriels traités");
  return report;
}
