import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  buildSponsorChase,
  chaseOccurrence,
  chaseRefusal,
  rowsNeedingSponsor,
  type MailRecipient,
  type RemindSponsorInput,
} from "@defis/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { parisDay } from "../paris-day.js";
import { listFollowUp } from "../progress/follow-up-list.js";

const { mailOutbox, users } = schema;

export interface ChaseOptions {
  now: Date;
  /** Base of the links the mail carries. */
  publicUrl: string;
}

/** What the officer reads back: the mail as written in the outbox. */
export interface SponsorChased {
  mailId: number;
  recipientEmail: string;
  subject: string;
  body: string;
  laureates: number;
}

async function person(db: Executor, userId: number, role: "sponsor" | null): Promise<MailRecipient | null> {
  const [found] = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), ...(role ? [eq(users.role, role)] : [])));
  return found ?? null;
}

/**
 * Reminds one sponsor at once of exactly what is missing in their scope: the
 * mail is written to the outbox (sent by the delivery turn when SMTP is set)
 * and the audit journal, at most once a Paris day. The outbox's unique key
 * (occurrence, kind, recipient) is the guard: of two officers reminding the
 * same sponsor together, the second waits for the first and writes nothing.
 */
export async function remindSponsor(
  db: Executor,
  actor: Actor,
  input: RemindSponsorInput,
  { now, publicUrl }: ChaseOptions,
): Promise<SponsorChased> {
  const sponsor = await person(db, input.sponsorId, "sponsor");
  if (!sponsor) throw new NotFound("Ce sponsor n'existe pas ou son compte est désactivé.");
  const officer = actor.userId === null ? null : await person(db, actor.userId, null);
  if (!officer) throw new Refusal("Seule une personne connectée peut relancer un sponsor.");
  const today = parisDay(now);
  const { rows, staleAfterDays } = await listFollowUp(db, today);
  const mail = buildSponsorChase(sponsor, officer, rows, { publicUrl, today, staleAfterDays });
  if (!mail) {
    throw new Refusal(chaseRefusal({ ...sponsor, chasedToday: false }, rows) ?? "", "precondition");
  }
  const occurrence = chaseOccurrence(today, sponsor.id);
  const [written] = await db
    .insert(mailOutbox)
    .values({
      kind: "relance_sponsor",
      recipientUserId: sponsor.id,
      recipientEmail: sponsor.email,
      ...mail,
      occurrence,
    })
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  if (!written) {
    throw new Refusal(chaseRefusal({ ...sponsor, chasedToday: true }, rows) ?? "", "conflict");
  }
  const waiting = rowsNeedingSponsor(sponsor.id, rows);
  await recordAudit(db, actor, {
    action: "rappels.relance",
    entityId: occurrence,
    after: {
      sponsor: sponsor.displayName,
      destinataire: sponsor.email,
      message: written.id,
      laureats: waiting.map((row) => row.laureateSlug),
    },
  });
  return {
    mailId: written.id,
    recipientEmail: sponsor.email,
    subject: mail.subject,
    body: mail.body,
    laureates: waiting.length,
  };
}
