import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  AUDIT_PAGE_SIZE,
  type AuditEventItem,
  type AuditFilters,
  type AuditPage,
  type Role,
} from "@defis/domain";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";

const { auditEvents, laureates, users } = schema;

/** Whole days in Europe/Paris, whatever the server's time zone. */
function parisDayStart(day: string): SQL {
  return sql`(${day}::date)::timestamp at time zone 'Europe/Paris'`;
}

function conditionsOf(filters: Omit<AuditFilters, "page">): SQL[] {
  const conditions: SQL[] = [];
  if (filters.actorId) conditions.push(eq(auditEvents.actorUserId, filters.actorId));
  if (filters.entity) conditions.push(eq(auditEvents.entity, filters.entity));
  if (filters.role) conditions.push(eq(auditEvents.actorRole, filters.role));
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, parisDayStart(filters.from)));
  if (filters.to)
    conditions.push(lt(auditEvents.occurredAt, sql`${parisDayStart(filters.to)} + interval '1 day'`));
  return conditions;
}

const eventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorId: users.id,
  actorName: users.displayName,
  actorEmail: users.email,
  actorRole: auditEvents.actorRole,
  systemAuthor: auditEvents.systemAuthor,
  action: auditEvents.action,
  entity: auditEvents.entity,
  entityId: auditEvents.entityId,
  laureateSlug: laureates.slug,
  laureateTitle: laureates.title,
  before: auditEvents.before,
  after: auditEvents.after,
  requestId: auditEvents.requestId,
};

function eventsQuery(db: Executor, where: SQL | undefined) {
  return db
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(laureates, eq(laureates.id, auditEvents.laureateId))
    .where(where)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
}

type EventRow = Awaited<ReturnType<typeof eventsQuery>>[number];

export function toAuditItem(row: EventRow): AuditEventItem {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actor:
      row.actorId !== null && row.actorName !== null && row.actorEmail !== null
        ? { id: row.actorId, displayName: row.actorName, email: row.actorEmail }
        : null,
    actorRole: row.actorRole as Role | null,
    systemAuthor: row.systemAuthor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    laureate:
      row.laureateSlug && row.laureateTitle ? { slug: row.laureateSlug, title: row.laureateTitle } : null,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}

/** One page of the journal, newest first. */
export async function listAuditEvents(db: Executor, filters: AuditFilters): Promise<AuditPage> {
  const where = and(...conditionsOf(filters));
  const [rows, [total]] = await readTogether(db, [
    () =>
      eventsQuery(db, where)
        .limit(AUDIT_PAGE_SIZE)
        .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    () => db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return {
    events: rows.map(toAuditItem),
    total: total?.total ?? 0,
    page: filters.page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/** Every event matching the filters, newest first, for the CSV export to stream. */
export function exportedAuditEvents(db: Executor, filters: Omit<AuditFilters, "page">) {
  return eventsQuery(db, and(...conditionsOf(filters)));
}

/** The "Historique" of one laureate. */
export async function laureateHistory(db: Executor, laureateSlug: string): Promise<AuditEventItem[]> {
  return (await eventsQuery(db, eq(laureates.slug, laureateSlug)).limit(200)).map(toAuditItem);
}

/** The people who appear in the journal, for its "who" filter. */
export async function listAuditActors(
  db: Executor,
): Promise<{ id: number; displayName: string; email: string }[]> {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorUserId))
    .orderBy(users.displayName, users.id);
}
