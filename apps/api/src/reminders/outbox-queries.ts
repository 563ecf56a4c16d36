import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  OUTBOX_PAGE_SIZE,
  type OutboxFilters,
  type OutboxMail,
  type OutboxPage,
  type ReminderSchedule,
} from "@defis/domain";
import { and, count, desc, eq, type SQL } from "drizzle-orm";

const { mailOutbox, scheduledJobs, users } = schema;

function conditionsOf(filters: OutboxFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(mailOutbox.kind, filters.kind));
  if (filters.status) conditions.push(eq(mailOutbox.status, filters.status));
  return conditions;
}

/** One page of the outbox, newest first, bodies included (they are short plain text). */
export async function listOutbox(
  db: Executor,
  filters: OutboxFilters,
): Promise<Omit<OutboxPage, "deliveryConfigured" | "schedule">> {
  const where = and(...conditionsOf(filters));
  const [rows, [total]] = await readTogether(db, [
    () =>
      db
        .select({
          id: mailOutbox.id,
          kind: mailOutbox.kind,
          recipientEmail: mailOutbox.recipientEmail,
          recipientName: users.displayName,
          subject: mailOutbox.subject,
          body: mailOutbox.body,
          occurrence: mailOutbox.occurrence,
          status: mailOutbox.status,
          attempts: mailOutbox.attempts,
          lastError: mailOutbox.lastError,
          createdAt: mailOutbox.createdAt,
          sentAt: mailOutbox.sentAt,
        })
        .from(mailOutbox)
        .leftJoin(users, eq(users.id, mailOutbox.recipientUserId))
        .where(where)
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(OUTBOX_PAGE_SIZE)
        .offset((filters.page - 1) * OUTBOX_PAGE_SIZE),
    () => db.select({ total: count() }).from(mailOutbox).where(where),
  ]);
  return {
    mails: rows satisfies OutboxMail[],
    total: total?.total ?? 0,
    page: filters.page,
    pageSize: OUTBOX_PAGE_SIZE,
  };
}

/** When the named job runs next and how its last run went. */
export async function loadSchedule(db: Executor, name: string): Promise<ReminderSchedule | null> {
  const [job] = await db
    .select({
      nextRunAt: scheduledJobs.nextRunAt,
      lastRunAt: scheduledJobs.lastRunAt,
      lastOutcome: scheduledJobs.lastOutcome,
    })
    .from(scheduledJobs)
    .where(eq(scheduledJobs.name, name));
  return job ?? null;
}
