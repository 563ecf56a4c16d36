import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  notFound,
  staleVersion,
  type ProgrammeCalendar,
  type SetProgrammeCalendarInput,
} from "@defis/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";

const { programmes } = schema;

const CALENDAR_COLUMNS = {
  id: programmes.id,
  endsOn: programmes.endsOn,
  consumptionDeadlineOn: programmes.consumptionDeadlineOn,
  isDemo: programmes.calendarIsDemo,
  version: programmes.version,
};

/** The programme's end and consumption deadline (the portfolio has one programme). */
export async function loadProgrammeCalendar(db: Executor): Promise<ProgrammeCalendar> {
  const [row] = await db.select(CALENDAR_COLUMNS).from(programmes).orderBy(asc(programmes.id)).limit(1);
  if (!row) return notFound("Aucun programme n'est enregistré.");
  const { id: _id, ...calendar } = row;
  return calendar;
}

/** An administrator sets both dates; they are no longer demonstration data. */
export async function setProgrammeCalendar(
  db: Executor,
  actor: Actor,
  input: SetProgrammeCalendarInput,
): Promise<ProgrammeCalendar> {
  const [before] = await db
    .select(CALENDAR_COLUMNS)
    .from(programmes)
    .orderBy(asc(programmes.id))
    .limit(1)
    .for("update");
  if (!before) return notFound("Aucun programme n'est enregistré.");
  const [updated] = await db
    .update(programmes)
    .set({
      endsOn: input.endsOn,
      consumptionDeadlineOn: input.consumptionDeadlineOn,
      calendarIsDemo: false,
      version: sql`${programmes.version} + 1`,
    })
    .where(and(eq(programmes.id, before.id), eq(programmes.version, input.version)))
    .returning(CALENDAR_COLUMNS);
  if (!updated) {
    const { id: _id, ...current } = before;
    return staleVersion(current);
  }
  await recordAudit(db, actor, {
    action: "programme.calendrier",
    entityId: before.id,
    before: { finLe: before.endsOn, consommationAvantLe: before.consumptionDeadlineOn },
    after: { finLe: updated.endsOn, consommationAvantLe: updated.consumptionDeadlineOn },
  });
  const { id: _id, ...calendar } = updated;
  return calendar;
}
