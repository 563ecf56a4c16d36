import { addDays, addMonths, daysBetween } from "../dates.js";
import { WEATHER_LEVELS, type WeatherLevel } from "./vocabulary.js";

/**
 * The one météo of a laureate on a day, for every chart, figure, filter and
 * review: its latest declared météo for the day's period or before, as known
 * at the end of the day; "périmée" when that declaration's period ended more
 * than the follow-up frequency (`staleAfterDays`) before the day; "sans
 * météo" when it never declared. In severity order, best first: the order of
 * every legend, bar and table.
 */
export const WEATHER_STATES = {
  ...WEATHER_LEVELS,
  perimee: "Météo périmée",
  sans_meteo: "Sans météo",
} as const;
export type WeatherState = keyof typeof WEATHER_STATES;
export const WEATHER_STATE_KEYS = Object.keys(WEATHER_STATES) as WeatherState[];

/** The last day of a "YYYY-MM" period. */
export function periodLastDay(period: string): string {
  return addDays(`${addMonths(period, 1)}-01`, -1);
}

/** Too old to tell how the project goes: its period ended more than `staleAfterDays` before `day`. */
export function isWeatherStale(period: string, day: string, staleAfterDays: number): boolean {
  return daysBetween(periodLastDay(period), day) > staleAfterDays;
}

export function weatherStateOn(
  latest: { period: string; level: WeatherLevel } | null,
  day: string,
  staleAfterDays: number,
): WeatherState {
  if (latest === null) return "sans_meteo";
  return isWeatherStale(latest.period, day, staleAfterDays) ? "perimee" : latest.level;
}
