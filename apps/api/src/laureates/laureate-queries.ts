import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type {
  CategoryKey,
  FundingModeKey,
  LaureateDetail,
  LaureateFilters,
  LaureateListItem,
  MinistryKey,
  WeatherState,
} from "@defis/domain";
import { DEFAULT_STALE_AFTER_DAYS, periodOf, PERIODICITY_MONTHS } from "@defis/domain";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { committedOnSql } from "../finance/money-figures-sql.js";
import { parisDay } from "../paris-day.js";
import { cents, endOfParisDay } from "../dashboard/day-sql.js";
import { knownAtEndOf } from "../dashboard/known-on.js";
import { moneyAsOf } from "../dashboard/money-as-of.js";
import { territoryKeySql } from "./territory-sql.js";

const {
  allocations,
  followUpSettings,
  fundingRecords,
  indicatorMeasureVersions,
  indicators,
  laureates,
  milestoneVersions,
  programmes,
  weatherReportVersions,
} = schema;

const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ";
const UNACCENTED = "aaaaaaceeeeiiiinooooouuuuyyoa";

/** Lower-cased and without accents, in SQL, so "reunion" finds "Réunion". */
function foldSql(column: SQL | typeof laureates.title): SQL<string> {
  return sql<string>`translate(lower(${column}), ${ACCENTED}, ${UNACCENTED})`;
}

export function foldSearchText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replaceAll("œ", "o")
    .replaceAll("æ", "a");
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The SQL form of `weatherStateOn` on a day, the dashboard's: the météo a
 * laureate declared last, for the day's period or before, as known at the
 * end of the day (`weather_report_version`, as `weatherKnownOn`); "perimee"
 * when its period ended more than the follow-up frequency before the day;
 * "sans_meteo".
 */
function weatherStateSql(today: string): SQL {
  const known = weatherReportVersions;
  const latest = (column: AnyPgColumn) => sql`(select ${column} from ${known}
    where ${known.laureateId} = ${laureates.id} and ${known.period} <= ${periodOf(today)}
      and ${knownAtEndOf(known.validFrom, known.validTo, today)}
    order by ${known.period} desc limit 1)`;
  const period = latest(known.period);
  const periodLastDay = sql`((${period} || '-01')::date + interval '1 month' - interval '1 day')::date`;
  const staleAfterDays = sql`coalesce((select ${followUpSettings.staleAfterDays} from ${followUpSettings} limit 1), ${DEFAULT_STALE_AFTER_DAYS})`;
  return sql`(case when ${period} is null then 'sans_meteo'
    when ${today}::date - ${periodLastDay} > ${staleAfterDays} then 'perimee'
    else ${latest(known.level)} end)`;
}

/**
 * The SQL form of `indicatorFreshnessOn` on a day: a laureate has an
 * indicator "à mettre à jour" when one it follows by the end of the day
 * (as `loadIndicatorsOn`) had its next measure due before the day: one
 * period after its latest measure known then, or after its baseline.
 */
function lateIndicatorSql(day: string): SQL {
  const known = indicatorMeasureVersions;
  const latest = sql`(select max(${known.measuredOn}) from ${known}
    where ${known.indicatorId} = ${indicators.id} and ${known.measuredOn} <= ${day}::date
      and ${knownAtEndOf(known.validFrom, known.validTo, day)})`;
  const months = sql`(case ${indicators.periodicity} ${sql.join(
    Object.entries(PERIODICITY_MONTHS).map(
      ([periodicity, count]) => sql`when ${periodicity} then ${sql.raw(String(count))}`,
    ),
    sql` `,
  )} end)`;
  return sql`exists (select 1 from ${indicators} where ${indicators.laureateId} = ${laureates.id}
    and ${indicators.status} = 'suivi' and ${indicators.decidedAt} < ${endOfParisDay(day)}
    and (coalesce(${latest}, ${indicators.baselineOn}) + make_interval(months => ${months}))::date < ${day}::date)`;
}

function filterConditions(filters: LaureateFilters, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.weather) conditions.push(sql`${weatherStateSql(today)} = ${filters.weather}`);
  if (filters.milestones === "en_retard") {
    // Late as the follow-up says it: due before the day, neither reached nor abandoned, as known then.
    const known = milestoneVersions;
    conditions.push(sql`exists (select 1 from ${known} where ${known.laureateId} = ${laureates.id}
      and ${knownAtEndOf(known.validFrom, known.validTo, today)}
      and ${known.status} not in ('atteint', 'abandonne') and ${known.dueOn} < ${today}::date)`);
  }
  if (filters.indicators === "a_mettre_a_jour") conditions.push(lateIndicatorSql(today));
  if (filters.category) conditions.push(eq(laureates.category, filters.category));
  if (filters.ministry) conditions.push(eq(laureates.ministry, filters.ministry));
  if (filters.territory === "national") conditions.push(isNull(laureates.regionCode));
  else if (filters.territory) conditions.push(eq(laureates.regionCode, filters.territory));
  const words = foldSearchText(filters.q ?? "")
    .split(/\s+/)
    .filter((word) => word.length > 0);
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`;
    const haystack = sql`concat_ws(' ', ${laureates.title}, ${laureates.porteur}, ${laureates.summary}, ${laureates.place}, array_to_string(${laureates.partnerLabs}, ' '))`;
    conditions.push(sql`${foldSql(haystack)} like ${pattern}`);
  }
  return conditions;
}

/** A laureate as the lists show it; committed on `today` by the rule of its funding mode. */
const listColumns = (today: string) => ({
  slug: laureates.slug,
  title: laureates.title,
  porteur: laureates.porteur,
  ministry: sql<MinistryKey>`${laureates.ministry}`,
  category: sql<CategoryKey>`${laureates.category}`,
  territoryKey: territoryKeySql,
  departementCode: laureates.departementCode,
  place: laureates.place,
  fundingMode: sql<FundingModeKey>`${laureates.fundingMode}`,
  allocatedCents: allocations.amountCents,
  paidCents: sql<number>`coalesce(${allocations.paidCents}, 0)`.mapWith(Number),
  committed: committedOnSql(today),
  allocationIsDemo: sql<boolean>`coalesce(${allocations.isDemo}, false)`,
  weather: sql<WeatherState>`${weatherStateSql(today)}`,
});

/**
 * The portfolio at the end of `day` (today, or a past day as known then):
 * its money is the dashboard's (`moneyAsOf`), its météo and late milestones
 * those of the day, so that a bar of /pilotage and its filtered list agree.
 */
export async function listLaureates(
  db: Executor,
  filters: LaureateFilters,
  day: string,
): Promise<LaureateListItem[]> {
  const money = moneyAsOf(db, day);
  // The laureate's own columns; its money, the day's.
  const {
    allocatedCents: _allocated,
    paidCents: _paid,
    committed: _committed,
    allocationIsDemo: _demo,
    ...own
  } = listColumns(day);
  return db
    .select({
      ...own,
      // No allocation row: not allocated, whatever the day.
      allocatedCents: sql<
        number | null
      >`case when ${money.hasAllocation} then ${cents(sql`${money.allocatedCents}`)} end`.mapWith((value) =>
        value === null ? null : Number(value),
      ),
      paidCents: cents(sql`${money.paidCents}`),
      committed: money.committed,
      allocationIsDemo: money.isDemo,
    })
    .from(laureates)
    .innerJoin(money, eq(money.id, laureates.id))
    .where(and(...filterConditions(filters, day)))
    .orderBy(asc(laureates.position), asc(laureates.id));
}

export async function findLaureateBySlug(
  db: Executor,
  slug: string,
  today = parisDay(),
): Promise<LaureateDetail | null> {
  const [row] = await db
    .select({
      ...listColumns(today),
      version: laureates.version,
      partnerLabs: laureates.partnerLabs,
      summary: laureates.summary,
      benefitsForAgents: laureates.benefitsForAgents,
      benefitsForUsagers: laureates.benefitsForUsagers,
      programme: {
        name: programmes.name,
        sourceTitle: programmes.sourceTitle,
        sourcePublishedOn: programmes.sourcePublishedOn,
        sourcePublisher: programmes.sourcePublisher,
      },
    })
    .from(laureates)
    .innerJoin(programmes, eq(programmes.id, laureates.programmeId))
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(eq(laureates.slug, slug));
  return row ?? null;
}
