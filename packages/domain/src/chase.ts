import { z } from "zod";
import type { MailKind, MailStatus } from "./outbox.js";
import type { FollowUpRow } from "./progress/index.js";
import {
  formatMailDate,
  laureateSection,
  parisDayOf,
  rowsNeedingSponsor,
  type MailContent,
  type MailRecipient,
  type ReminderContext,
} from "./reminders.js";

/**
 * Chasing from "À relancer": reminding one sponsor at once of exactly what
 * is missing, at most once a Paris day, and giving a sponsor to a laureate
 * that has none. Pure: the server and the page apply the same rules.
 */

const sponsorIdSchema = z
  .number({ error: "Choisissez un sponsor." })
  .int({ error: "Choisissez un sponsor." })
  .positive({ error: "Choisissez un sponsor." });

export const remindSponsorSchema = z.object({ sponsorId: sponsorIdSchema }).strict();
export type RemindSponsorInput = z.infer<typeof remindSponsorSchema>;

export const assignSponsorSchema = z
  .object({
    laureateSlug: z.string().trim().min(1, { error: "Choisissez un lauréat." }),
    sponsorId: sponsorIdSchema,
  })
  .strict();
export type AssignSponsorInput = z.infer<typeof assignSponsorSchema>;

/**
 * The outbox key of a sponsor's reminder on a Paris day. The outbox is unique
 * per (occurrence, kind, recipient): the database itself refuses a second
 * reminder of the same sponsor that day, even from two instances at once.
 */
export function chaseOccurrence(day: string, sponsorId: number): string {
  return `relance:${day}:${String(sponsorId)}`;
}

/** The last mail the application wrote to a sponsor about their updates (weekly or on demand). */
export interface LastReminder {
  kind: MailKind;
  status: MailStatus;
  createdAt: Date;
}

/** A sponsor as "À relancer" shows them: whom to write to, and when they were last reminded. */
export interface SponsorContact extends MailRecipient {
  lastReminder: LastReminder | null;
  /** Reminded on demand today (Paris day): "Relancer maintenant" waits for tomorrow. */
  chasedToday: boolean;
}

export interface ToChaseView {
  rows: FollowUpRow[];
  staleAfterDays: number;
  /** Every active sponsor: to write to, to remind, or to give a laureate without sponsor. */
  sponsors: SponsorContact[];
}

/**
 * Why a sponsor cannot be reminded now, in French; null when they can. The
 * page shows it beside a disabled button, the server refuses with it.
 */
export function chaseRefusal(
  sponsor: Pick<SponsorContact, "id" | "displayName" | "chasedToday">,
  rows: readonly FollowUpRow[],
): string | null {
  if (sponsor.chasedToday) {
    return `${sponsor.displayName} a déjà été relancé·e aujourd'hui : une relance par jour au plus.`;
  }
  if (rowsNeedingSponsor(sponsor.id, rows).length === 0) {
    return `${sponsor.displayName} n'a rien à mettre à jour : aucune relance n'est nécessaire.`;
  }
  return null;
}

/**
 * Since when a sponsor's projects wait: the oldest last update of a stale
 * part, due date of a late milestone or of an indicator's measure
 * ("2026-09-01"), "jamais" when a part was never updated, null when nothing waits.
 */
export type WaitingSince = { kind: "depuis"; day: string } | { kind: "jamais" } | null;

export function waitingSince(rows: readonly FollowUpRow[]): WaitingSince {
  let oldest: string | null = null;
  for (const row of rows) {
    for (const stale of row.staleParts) {
      if (stale.updatedAt === null) return { kind: "jamais" };
      const day = parisDayOf(stale.updatedAt);
      if (oldest === null || day < oldest) oldest = day;
    }
    for (const late of [...row.lateMilestones, ...row.lateIndicators]) {
      if (oldest === null || late.dueOn < oldest) oldest = late.dueOn;
    }
  }
  return oldest === null ? null : { kind: "depuis", day: oldest };
}

/**
 * The reminder an officer sends at once: exactly what is missing in the
 * sponsor's scope, and whom to answer. Null when nothing is missing.
 */
export function buildSponsorChase(
  sponsor: MailRecipient,
  officer: MailRecipient,
  rows: readonly FollowUpRow[],
  context: ReminderContext,
): MailContent | null {
  const mine = rowsNeedingSponsor(sponsor.id, rows);
  if (mine.length === 0) return null;
  const count = mine.length === 1 ? "1 projet attend" : `${String(mine.length)} projets attendent`;
  return {
    subject: `Défis : relance de la DITP, ${count} votre mise à jour`,
    body: [
      `Bonjour ${sponsor.displayName},`,
      "",
      `${officer.displayName}, de la DITP, vous relance : au ${formatMailDate(context.today)}, ${count} votre mise à jour dans votre périmètre. Voici ce qui manque.`,
      "",
      ...mine.flatMap((row) => [...laureateSection(row, context.publicUrl), ""]),
      `Mettre à jour vos projets : ${context.publicUrl}/mes-projets`,
      "",
      `Une question ? Écrivez à ${officer.displayName} : ${officer.email}.`,
      "Ce message a été écrit par Défis, l'outil de suivi de l'appel à défis de la DITP.",
    ].join("\n"),
  };
}

/** Who may be given a laureate: an active sponsor (only sponsors have a scope) not covering it yet. */
export function assignRefusal(
  sponsor: { displayName: string; role: string; active: boolean } | null,
  coveredAlready: boolean,
): string | null {
  if (sponsor === null || sponsor.role !== "sponsor") return "Ce compte n'est pas un sponsor.";
  if (!sponsor.active) return `Le compte de ${sponsor.displayName} est désactivé.`;
  if (coveredAlready) return `Ce lauréat est déjà dans le périmètre de ${sponsor.displayName}.`;
  return null;
}
