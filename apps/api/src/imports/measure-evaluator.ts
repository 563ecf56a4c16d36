import { schema, type Executor } from "@defis/db";
import {
  formatDecimal,
  formatShortDate,
  INDICATOR_STATUSES,
  MAX_INDICATOR_VALUE,
  type IndicatorStatus,
  type MeasureImportRow,
} from "@defis/domain";
import { and, inArray } from "drizzle-orm";
import { parseDecimal, parseMeasureDate, parseText, rawText, valueOf, type Parsed } from "./import-cells.js";
import type { MeasureColumn } from "./import-columns.js";
import type { SourceRow } from "./import-readers.js";

const { indicatorMeasures, indicators, laureates } = schema;

/** The lengths the measure form accepts. */
const MAX_SOURCE_LENGTH = 300;
const MAX_COMMENT_LENGTH = 2000;

/** What to write for a row to import. */
export interface MeasureToWrite {
  indicatorId: number;
  laureateId: number;
  measuredOn: string;
  value: number;
  source: string;
  comment: string;
}

export interface EvaluatedMeasure {
  report: MeasureImportRow;
  write: MeasureToWrite | null;
}

interface KnownIndicator {
  id: number;
  name: string;
  status: IndicatorStatus;
  baselineOn: string;
}

interface KnownLaureate {
  id: number;
  title: string;
  indicators: KnownIndicator[];
}

/** "indicator|day": one measure per indicator and day. */
const measureKey = (indicatorId: number, day: string) => `${indicatorId}|${day}`;

/**
 * The indicator a cell names on its laureate: its number, else its exact
 * name (spaces at the ends ignored).
 */
function indicatorNamed(laureate: KnownLaureate, read: string): KnownIndicator | null {
  const byNumber = /^\d+$/.test(read)
    ? laureate.indicators.find((item) => item.id === Number(read))
    : undefined;
  return byNumber ?? laureate.indicators.find((item) => item.name.trim() === read) ?? null;
}

/**
 * Decides, row after row, what importing a file of measures would do; the
 * same code serves the dry run and the application. Rows come a batch at a
 * time; the database is read a few times per batch: the laureates first met
 * and their indicators, then the measures already recorded on the batch's
 * indicators and days. A row is refused when its laureate or indicator is
 * unknown, its indicator is not followed, its date is in the future or
 * before the baseline, or its value is not a number; a measure already
 * recorded with the same value is « déjà enregistrée » (a duplicate); with
 * another value, the row is refused: a correction is made on the laureate's
 * Impact tab, where its history is kept.
 */
export class MeasureEvaluator {
  /** By identifier: the laureate and its indicators, or null when none has it. */
  private readonly laureateBySlug = new Map<string, KnownLaureate | null>();
  /** Rows already accepted in this file, by "indicator|day", with their line and value. */
  private readonly accepted = new Map<string, { line: number; value: number }>();

  constructor(
    private readonly db: Executor,
    private readonly today: string,
  ) {}

  /** The indicators of the rows to write, as they were read: the application checks they are still followed. */
  indicatorIds(): number[] {
    return [...new Set([...this.accepted.keys()].map((key) => Number(key.split("|")[0])))];
  }

  async evaluate(sources: readonly SourceRow<MeasureColumn>[]): Promise<EvaluatedMeasure[]> {
    const rows = sources.map((source) => ({
      source,
      slug: parseText(source.cells.laureate, "Identifiant du lauréat", 200),
      indicator: parseText(source.cells.indicator, "Indicateur", 300),
      date: parseMeasureDate(source.cells.date, this.today),
      value: parseDecimal(source.cells.value, MAX_INDICATOR_VALUE),
      measureSource: parseText(source.cells.source, "Source", MAX_SOURCE_LENGTH),
      comment: parseText(source.cells.comment, "Commentaire", MAX_COMMENT_LENGTH),
    }));
    await this.readLaureates([
      ...new Set(
        rows.flatMap(({ slug }) =>
          slug.ok && slug.value && !this.laureateBySlug.has(slug.value) ? [slug.value] : [],
        ),
      ),
    ]);
    const matched = rows.map((row) => {
      const laureate =
        row.slug.ok && row.slug.value ? (this.laureateBySlug.get(row.slug.value) ?? null) : null;
      const indicator =
        laureate && row.indicator.ok && row.indicator.value
          ? indicatorNamed(laureate, row.indicator.value)
          : null;
      return { ...row, laureate, found: indicator };
    });
    const recorded = await this.readRecorded(
      matched.flatMap(({ found, date }) =>
        found && date.ok ? [{ indicatorId: found.id, day: date.value }] : [],
      ),
    );
    return matched.map((row) => this.decide(row, recorded));
  }

  private async readLaureates(slugs: string[]): Promise<void> {
    if (slugs.length === 0) return;
    const found = await this.db
      .select({ id: laureates.id, slug: laureates.slug, title: laureates.title })
      .from(laureates)
      .where(inArray(laureates.slug, slugs));
    const theirIndicators =
      found.length === 0
        ? []
        : await this.db
            .select({
              id: indicators.id,
              laureateId: indicators.laureateId,
              name: indicators.name,
              status: indicators.status,
              baselineOn: indicators.baselineOn,
            })
            .from(indicators)
            .where(
              inArray(
                indicators.laureateId,
                found.map((laureate) => laureate.id),
              ),
            );
    for (const slug of slugs) this.laureateBySlug.set(slug, null);
    for (const laureate of found) {
      this.laureateBySlug.set(laureate.slug, {
        id: laureate.id,
        title: laureate.title,
        indicators: theirIndicators.filter((indicator) => indicator.laureateId === laureate.id),
      });
    }
  }

  /** The values already recorded for these indicators and days, by "indicator|day". */
  private async readRecorded(pairs: { indicatorId: number; day: string }[]): Promise<Map<string, number>> {
    if (pairs.length === 0) return new Map();
    const wanted = new Set(pairs.map((pair) => measureKey(pair.indicatorId, pair.day)));
    const rows = await this.db
      .select({
        indicatorId: indicatorMeasures.indicatorId,
        measuredOn: indicatorMeasures.measuredOn,
        value: indicatorMeasures.value,
      })
      .from(indicatorMeasures)
      .where(
        and(
          inArray(indicatorMeasures.indicatorId, [...new Set(pairs.map((pair) => pair.indicatorId))]),
          inArray(indicatorMeasures.measuredOn, [...new Set(pairs.map((pair) => pair.day))]),
        ),
      );
    return new Map(
      rows
        .map((row) => [measureKey(row.indicatorId, row.measuredOn), row.value] as const)
        .filter(([key]) => wanted.has(key)),
    );
  }

  private decide(
    row: {
      source: SourceRow<MeasureColumn>;
      slug: Parsed<string | null>;
      indicator: Parsed<string | null>;
      date: Parsed<string>;
      value: Parsed<number>;
      measureSource: Parsed<string | null>;
      comment: Parsed<string | null>;
      laureate: KnownLaureate | null;
      found: KnownIndicator | null;
    },
    recorded: Map<string, number>,
  ): EvaluatedMeasure {
    const { source, slug, indicator, date, value, measureSource, comment, laureate, found } = row;
    const report: MeasureImportRow = {
      line: source.line,
      laureateSlug: valueOf(slug) ?? rawText(source.cells.laureate),
      laureateTitle: laureate?.title ?? null,
      indicatorRead: valueOf(indicator) ?? rawText(source.cells.indicator),
      indicator: found ? { id: found.id, name: found.name } : null,
      date: valueOf(date),
      value: valueOf(value),
      source: valueOf(measureSource),
      comment: valueOf(comment),
      outcome: "erreur",
      message: null,
    };
    const refuse = (message: string): EvaluatedMeasure => ({ report: { ...report, message }, write: null });
    const already = (message: string): EvaluatedMeasure => ({
      report: { ...report, outcome: "doublon", message },
      write: null,
    });

    const problems = [slug, indicator, date, value, measureSource, comment].flatMap((parsed) =>
      parsed.ok ? [] : [parsed.error],
    );
    if (slug.ok && !slug.value) problems.unshift("Identifiant du lauréat manquant.");
    else if (slug.ok && slug.value && !laureate)
      problems.unshift(`Aucun lauréat n'a l'identifiant « ${slug.value} ».`);
    if (indicator.ok && !indicator.value)
      problems.push("Indicateur manquant : donnez son numéro ou son nom.");
    else if (laureate && indicator.ok && indicator.value && !found)
      problems.push(
        `Le lauréat « ${report.laureateSlug} » n'a pas d'indicateur « ${indicator.value} » (numéro ou nom exact).`,
      );
    if (found && found.status !== "suivi")
      problems.push(
        `L'indicateur « ${found.name} » n'est pas suivi (${INDICATOR_STATUSES[found.status].toLowerCase()}) : ` +
          "seules les mesures des indicateurs suivis s'importent.",
      );
    if (found && date.ok && date.value < found.baselineOn)
      problems.push(
        `La date ${formatShortDate(date.value)} précède la valeur de référence de l'indicateur ` +
          `(${formatShortDate(found.baselineOn)}).`,
      );
    if (!laureate || !found || !date.ok || !value.ok || problems.length > 0)
      return refuse(problems.join(" "));

    const key = measureKey(found.id, date.value);
    const earlier = this.accepted.get(key);
    if (earlier) {
      return earlier.value === value.value
        ? already(`Ligne identique à la ligne ${earlier.line} du fichier.`)
        : refuse(
            `La ligne ${earlier.line} du fichier donne déjà une autre valeur (${formatDecimal(earlier.value)}) ` +
              `à cet indicateur le ${formatShortDate(date.value)} : une seule mesure par jour.`,
          );
    }
    const stored = recorded.get(key);
    if (stored !== undefined) {
      return stored === value.value
        ? already("Mesure déjà enregistrée (même indicateur, même jour, même valeur).")
        : refuse(
            `Une autre valeur (${formatDecimal(stored)}) est déjà enregistrée pour cet indicateur le ` +
              `${formatShortDate(date.value)} : corrigez-la depuis l'onglet Impact du lauréat, où son historique est gardé.`,
          );
    }
    this.accepted.set(key, { line: source.line, value: value.value });
    return {
      report: { ...report, outcome: "à importer", message: `Nouvelle mesure de « ${found.name} ».` },
      write: {
        indicatorId: found.id,
        laureateId: laureate.id,
        measuredOn: date.value,
        value: value.value,
        source: valueOf(measureSource) ?? "",
        comment: valueOf(comment) ?? "",
      },
    };
  }
}
