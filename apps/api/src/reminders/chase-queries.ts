import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { chaseOccurrence, type SponsorContact, type ToChaseView } from "@defis/domain";
import { and, desc, eq, inArray } from "drizzle-orm";
import { listFollowUp } from "../progress/follow-up-list.js";

const { mailOutbox } = schema;

/** The mails that remind a sponsor to update: the weekly digest and the officer's reminder. */
const SPONSOR_REMINDER_KINDS = ["rappel_sponsor", "relance_sponsor"] as const;

/**
 * "À relancer": every laureate's follow-up, and every active sponsor with
 * their address, last reminder and whether they were reminded today: two
 * more queries than the follow-up list, whatever the number of sponsors.
 */
export async function loadToChase(db: Executor, today: string): Promise<ToChaseView> {
  const { rows, staleAfterDays, sponsors } = await listFollowUp(db, today);
  const ids = sponsors.map((sponsor) => sponsor.id);
  const reminders =
    ids.length === 0
      ? []
      : await db
          .selectDistinctOn([mailOutbox.recipientUserId], {
            userId: mailOutbox.recipientUserId,
            kind: mailOutbox.kind,
            status: mailOutbox.status,
            createdAt: mailOutbox.createdAt,
          })
          .from(mailOutbox)
          .where(
            and(inArray(mailOutbox.recipientUserId, ids), inArray(mailOutbox.kind, SPONSOR_REMINDER_KINDS)),
          )
          .orderBy(mailOutbox.recipientUserId, desc(mailOutbox.createdAt), desc(mailOutbox.id));
  const lastBySponsor = new Map(reminders.map((reminder) => [reminder.userId, reminder]));
  const occurrences = ids.map((id) => chaseOccurrence(today, id));
  const chasedToday =
    ids.length === 0
      ? []
      : await db
          .select({ userId: mailOutbox.recipientUserId })
          .from(mailOutbox)
          .where(and(eq(mailOutbox.kind, "relance_sponsor"), inArray(mailOutbox.occurrence, occurrences)));
  const chased = new Set(chasedToday.map((mail) => mail.userId));
  return {
    rows,
    staleAfterDays,
    sponsors: sponsors.map((sponsor): SponsorContact => {
      const last = lastBySponsor.get(sponsor.id);
      return {
        id: sponsor.id,
        displayName: sponsor.displayName,
        email: sponsor.email,
        lastReminder: last ? { kind: last.kind, status: last.status, createdAt: last.createdAt } : null,
        chasedToday: chased.has(sponsor.id),
      };
    }),
  };
}
