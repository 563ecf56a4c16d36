import { schema, type Executor } from "@defis/db";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FRESHNESS,
  INDICATOR_SUBJECTS,
  INDICATOR_UNITS,
  type IndicatorItem,
  type IndicatorUnit,
} from "@defis/domain";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { loadIndicatorsOn } from "../impact/indicator-queries.js";
import type { Column } from "./csv.js";
import type { SelectOf } from "./read-snapshot.js";

const { indicatorMeasures, indicators, laureates } = schema;

/** "Jours", or the wording of a free unit. */
function unitOf(row: { unit: IndicatorUnit; unitLabel: string }): string {
  return row.unit === "libre" ? row.unitLabel : INDICATOR_UNITS[row.unit];
}

const yesNo = (value: boolean) => (value ? "oui" : "non");

export type IndicatorExportRow = IndicatorItem & { laureateSlug: string; laureateTitle: string };

/**
 * The followed indicators where they stand today, in the laureates' order:
 * few enough (a handful per laureate) to be read whole, by the same reading
 * as the Impact tab and /pilotage.
 */
export async function indicatorExportRows(tx: Executor, day: string): Promise<IndicatorExportRow[]> {
  const [items, named] = [
    await loadIndicatorsOn(tx, day),
    await tx
      .select({ id: laureates.id, slug: laureates.slug, title: laureates.title })
      .from(laureates)
      .orderBy(asc(laureates.position)),
  ];
  return named.flatMap((laureate) =>
    items
      .filter((item) => item.laureateId === laureate.id)
      .map((item) => ({ ...item, laureateSlug: laureate.slug, laureateTitle: laureate.title })),
  );
}

export const indicatorColumns: Column<IndicatorExportRow>[] = [
  { header: "Lauréat (identifiant)", value: (row) => row.laureateSlug },
  { header: "Titre du lauréat", value: (row) => row.laureateTitle },
  { header: "Indicateur (numéro)", kind: "integer", value: (row) => row.id },
  { header: "Nom de l'indicateur", value: (row) => row.name },
  { header: "Unité", value: unitOf },
  { header: "Bénéficiaires", value: (row) => INDICATOR_SUBJECTS[row.subject] },
  { header: "Sens souhaité", value: (row) => INDICATOR_DIRECTIONS[row.direction] },
  { header: "Valeur de référence", kind: "decimal", value: (row) => row.baselineValue },
  { header: "Date de référence", kind: "date", value: (row) => row.baselineOn },
  // Empty while nothing is measured: "not measured yet" is not "0".
  { header: "Valeur actuelle", kind: "decimal", value: (row) => row.latest?.value ?? null },
  { header: "Date de la valeur actuelle", kind: "date", value: (row) => row.latest?.measuredOn ?? null },
  { header: "Cible", kind: "decimal", value: (row) => row.targetValue },
  { header: "Date cible", kind: "date", value: (row) => row.targetOn },
  {
    header: "Progression (%)",
    kind: "decimal",
    value: (row) => (row.progressRate === null ? null : Math.round(row.progressRate * 1000) / 10),
  },
  { header: "Fraîcheur", value: (row) => INDICATOR_FRESHNESS[row.freshness] },
  { header: "Indicateur commun", value: (row) => row.commonIndicatorName },
  { header: "Démonstration", value: (row) => yesNo(row.isDemo) },
];

/**
 * One line per measure of a followed indicator, as recorded now (its
 * corrections included). Its headers are those the measure import reads: the
 * file imported again finds its measures « déjà enregistrées ».
 */
export function measureExportRows(db: Executor) {
  return db
    .select({
      laureateSlug: laureates.slug,
      laureateTitle: laureates.title,
      indicatorId: indicators.id,
      indicatorName: indicators.name,
      unit: indicators.unit,
      unitLabel: indicators.unitLabel,
      measuredOn: indicatorMeasures.measuredOn,
      value: indicatorMeasures.value,
      source: indicatorMeasures.source,
      comment: indicatorMeasures.comment,
      importedFrom: indicatorMeasures.importedFrom,
      isDemo: indicatorMeasures.isDemo,
    })
    .from(indicatorMeasures)
    .innerJoin(indicators, eq(indicators.id, indicatorMeasures.indicatorId))
    .innerJoin(laureates, eq(laureates.id, indicatorMeasures.laureateId))
    .where(and(eq(indicators.status, "suivi"), isNotNull(indicators.decidedAt)))
    .orderBy(asc(laureates.position), asc(indicators.id), asc(indicatorMeasures.measuredOn));
}

export type MeasureExportRow = typeof measureExportRows extends (db: Executor) => SelectOf<infer Row>
  ? Row
  : never;

export const measureColumns: Column<MeasureExportRow>[] = [
  { header: "Lauréat (identifiant)", value: (row) => row.laureateSlug },
  { header: "Titre du lauréat", value: (row) => row.laureateTitle },
  { header: "Indicateur (numéro)", kind: "integer", value: (row) => row.indicatorId },
  { header: "Nom de l'indicateur", value: (row) => row.indicatorName },
  { header: "Date", kind: "date", value: (row) => row.measuredOn },
  { header: "Valeur", kind: "decimal", value: (row) => row.value },
  { header: "Unité", value: unitOf },
  { header: "Source", value: (row) => row.source },
  { header: "Commentaire", value: (row) => row.comment },
  { header: "Origine", value: (row) => (row.importedFrom ? "import" : "saisie") },
  { header: "Démonstration", value: (row) => yesNo(row.isDemo) },
];
