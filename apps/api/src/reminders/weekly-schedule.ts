import { addDays } from "@defis/domain";
import { parisDay } from "../paris-day.js";

/** The reminders go out on Monday morning, Paris time, whatever the season. */
const RUN_HOUR = 8;

const parisClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes Paris is ahead of UTC at `instant`: 60 in winter, 120 in summer. */
function parisOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(parisClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant Paris clocks read `hour`:00 on `day`. The offset is taken at
 * that instant, not at today's: a Monday after the clocks change gets its own.
 */
export function parisInstant(day: string, hour: number): Date {
  const wallAsUtc = Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const firstGuess = wallAsUtc - parisOffsetMinutes(new Date(wallAsUtc)) * 60_000;
  return new Date(wallAsUtc - parisOffsetMinutes(new Date(firstGuess)) * 60_000);
}

/** The Monday ("YYYY-MM-DD") of the week `instant` falls in, in Paris. */
export function weekOf(instant: Date): string {
  const day = parisDay(instant);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Monday 00:00 in Paris of the week `instant` falls in: a run after it ran this week. */
export function startOfWeek(instant: Date): Date {
  return parisInstant(weekOf(instant), 0);
}

/** The first Monday 08:00 (Paris) strictly after `instant`: when a new job first runs. */
export function nextWeeklyRun(instant: Date): Date {
  const thisWeek = parisInstant(weekOf(instant), RUN_HOUR);
  return thisWeek > instant ? thisWeek : parisInstant(addDays(weekOf(instant), 7), RUN_HOUR);
}

/**
 * Once a week's run is done (on schedule, late, or ahead at an officer's
 * request), the next one is the following week's Monday 08:00: a week runs once.
 */
export function followingWeekRun(instant: Date): Date {
  return parisInstant(addDays(weekOf(instant), 7), RUN_HOUR);
}
