import { z } from "zod";
import { keysOf } from "./labels.js";

/** What the application writes to people, by kind. */
export const MAIL_KINDS = {
  rappel_sponsor: "Rappel hebdomadaire au sponsor",
  alerte_chargee: "Alerte à la chargée de mission",
  relance_sponsor: "Relance du sponsor par la DITP",
} as const;
export type MailKind = keyof typeof MAIL_KINDS;

/** Where a mail stands; "non_envoye" is kept for reading when no SMTP server is configured. */
export const MAIL_STATUSES = {
  a_envoyer: "À envoyer",
  envoye: "Envoyé",
  echec: "Échec",
  non_envoye: "Non envoyé (pas de serveur SMTP)",
} as const;
export type MailStatus = keyof typeof MAIL_STATUSES;

export const OUTBOX_PAGE_SIZE = 20;

export const outboxFiltersSchema = z.object({
  kind: z.enum(keysOf(MAIL_KINDS), { error: "Type de message inconnu." }).optional(),
  status: z.enum(keysOf(MAIL_STATUSES), { error: "Statut de message inconnu." }).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;

/** Preparing the week's reminders takes no parameter: the week is the current one. */
export const runRemindersSchema = z.object({}).strict();

export interface OutboxMail {
  id: number;
  kind: MailKind;
  recipientEmail: string;
  recipientName: string | null;
  subject: string;
  body: string;
  /** The job occurrence that wrote it ("rappels:2026-11-23"). */
  occurrence: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxPage {
  mails: OutboxMail[];
  total: number;
  page: number;
  pageSize: number;
  /** False when no SMTP server is configured: mails are kept here instead of being sent. */
  deliveryConfigured: boolean;
  /** The weekly job; null until it first exists. */
  schedule: ReminderSchedule | null;
}

export interface ReminderSchedule {
  nextRunAt: Date;
  lastRunAt: Date | null;
  lastOutcome: string | null;
}

/** What one run of the weekly reminders wrote (a rerun of the same week writes nothing twice). */
export interface RemindersRun {
  /** The Monday of the week, "2026-11-23". */
  week: string;
  digests: number;
  alerts: number;
}
