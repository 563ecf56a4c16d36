import { fr } from "@codegouvfr/react-dsfr";
import {
  CATEGORIES,
  INDICATOR_FRESHNESS,
  INDICATOR_UNITS,
  PROGRESS_RATE_FORMULA,
  type CommonIndicatorAggregate,
  type ImpactPortfolio,
  type IndicatorUnit,
} from "@defis/domain";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../components/ChartFrame";
import { DataDisclosure } from "../../components/DataDisclosure";
import { DataTable } from "../../components/DataTable";
import { KpiList } from "../../components/KpiList";
import { CHART_COLORS } from "../../components/chart-palette";
import {
  formatCount,
  formatDecimal,
  formatIndicatorValue,
  formatPercent,
  formatShortDate,
  pluralize,
} from "../../lib/format";
import { ROUTES } from "../../routes";
import { frameData, type Dataset } from "./chart-data";
import { AXIS_PROPS, CHART_PROPS, LEGEND_PROPS, TOOLTIP_PROPS } from "./chart-theme";

/** The three points of every indicator, in the same colours on every chart. */
const POINTS = [
  { key: "baseline", label: "Valeur initiale", color: CHART_COLORS[7] },
  { key: "current", label: "Valeur actuelle", color: CHART_COLORS[0] },
  { key: "target", label: "Cible", color: CHART_COLORS[2] },
] as const;

function unitName(unit: IndicatorUnit, unitLabel: string): string {
  return unit === "libre" ? unitLabel : INDICATOR_UNITS[unit].toLowerCase();
}

function valueOf(item: { unit: IndicatorUnit; unitLabel: string }, value: number | null): string {
  return value === null ? "—" : formatIndicatorValue(value, item);
}

/** Baseline → current → target, overall then by category of laureate. */
function CommonIndicatorChart({ indicator, asOf }: { indicator: CommonIndicatorAggregate; asOf: string }) {
  const unit = unitName(indicator.unit, indicator.unitLabel);
  const groups = [
    { key: "ensemble", label: "Ensemble", totals: indicator.overall },
    ...indicator.byCategory.map((group) => ({
      key: group.category,
      label: CATEGORIES[group.category],
      totals: group.totals,
    })),
  ];
  const dataset: Dataset = {
    caption: `${indicator.name} : valeur initiale, actuelle et cible (${unit})`,
    fileName: `impact-${String(indicator.id)}-${asOf}`,
    columns: [
      { header: "Lauréats", kind: "text" },
      { header: "Contributeurs", kind: "count" },
      ...POINTS.map((point) => ({ header: `${point.label} (${unit})`, kind: "decimal" as const })),
    ],
    rows: groups.map((group) => ({
      key: group.key,
      cells: [
        group.label,
        group.totals.reporting,
        group.totals.baseline,
        group.totals.current,
        group.totals.target,
      ],
    })),
  };
  const { table, download } = frameData(dataset);
  const { overall } = indicator;
  const finding =
    overall.current === null
      ? `${indicator.name} : aucune mesure encore, cible ${valueOf(indicator, overall.target)}`
      : `${indicator.name} : ${valueOf(indicator, overall.current)} pour une cible de ${valueOf(indicator, overall.target)}`;
  const headingId = `pilotage-impact-${String(indicator.id)}`;
  return (
    <ChartFrame
      headingId={headingId}
      title={finding}
      dataDate={asOf}
      interactive
      table={table}
      download={download}
      chart={
        <BarChart {...CHART_PROPS} data={groups.map((group) => ({ label: group.label, ...group.totals }))}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" {...AXIS_PROPS} />
          <YAxis width={56} tickFormatter={(value: number) => formatDecimal(value)} {...AXIS_PROPS} />
          <Tooltip {...TOOLTIP_PROPS} formatter={(value) => valueOf(indicator, Number(value))} />
          <Legend {...LEGEND_PROPS} />
          {POINTS.map((point) => (
            <Bar key={point.key} dataKey={point.key} name={point.label} fill={point.color} />
          ))}
        </BarChart>
      }
    >
      <p className="fr-text--sm">
        {indicator.rule} {pluralize(overall.reporting, "lauréat")} y contribuent,{" "}
        {formatCount(overall.measured)} avec une mesure.
      </p>
      <DataDisclosure
        label={`Lauréats contribuant à « ${indicator.name} »`}
        summary={`Voir les ${pluralize(indicator.contributors.length, "lauréat contributeur", "lauréats contributeurs")}`}
      >
        <DataTable
          caption={`Lauréats contribuant à « ${indicator.name} »`}
          fixedLayout
          columns={[
            { header: "Lauréat" },
            { header: "Valeur initiale", numeric: true },
            { header: "Valeur actuelle", numeric: true },
            { header: "Cible", numeric: true },
            { header: "Poids", numeric: true },
          ]}
          rows={indicator.contributors.map((item) => ({
            key: item.indicatorId,
            cells: [
              <Link to={ROUTES.laureate(item.slug)}>{item.title}</Link>,
              valueOf(indicator, item.baselineValue),
              valueOf(indicator, item.currentValue),
              valueOf(indicator, item.targetValue),
              formatDecimal(item.weight),
            ],
          }))}
        />
      </DataDisclosure>
    </ChartFrame>
  );
}

/**
 * Impact on a day: the portfolio's counts, the common indicators added up
 * across the laureates (chart and table each), and the laureates' own
 * indicators beside. /pilotage draws the day's, a review its frozen ones.
 */
export function ImpactCharts({ impact }: { impact: ImpactPortfolio }) {
  const { counts, asOf } = impact;
  const reported = impact.common.filter((indicator) => indicator.overall.reporting > 0);
  const unreported = impact.common.filter((indicator) => indicator.overall.reporting === 0);
  const ownCount = impact.own.reduce((sum, group) => sum + group.indicators.length, 0);
  return (
    <section aria-labelledby="pilotage-impact">
      <h2 id="pilotage-impact">L'impact</h2>
      <KpiList
        label="Indicateurs d'impact"
        note={`Au ${formatShortDate(asOf)}`}
        kpis={[
          {
            label: "Indicateurs suivis",
            value: formatCount(counts.followed),
            detail: "Indicateurs acceptés, tous lauréats confondus",
          },
          {
            label: "Avec une mesure",
            value: formatCount(counts.measured),
            detail: `sur ${formatCount(counts.followed)} suivis`,
          },
          {
            label: "Cible atteinte",
            value: formatCount(counts.targetReached),
            detail: "dans le sens souhaité",
          },
          {
            label: "À mettre à jour",
            value: formatCount(counts.toUpdate),
            detail: "sans mesure depuis plus que leur périodicité",
          },
        ]}
      />
      <h3 className={fr.cx("fr-h4")}>Indicateurs communs</h3>
      {reported.length === 0 && <p>Aucun lauréat ne suit encore d'indicateur commun.</p>}
      {reported.map((indicator) => (
        <CommonIndicatorChart key={indicator.id} indicator={indicator} asOf={asOf} />
      ))}
      {unreported.length > 0 && (
        <p className="fr-text--sm">
          Sans lauréat contributeur : {unreported.map((indicator) => indicator.name).join(", ")}.
        </p>
      )}
      <h3 id="pilotage-impact-propres" className={fr.cx("fr-h4")}>
        Indicateurs propres aux lauréats
      </h3>
      <p className="fr-text--sm">{PROGRESS_RATE_FORMULA}</p>
      {ownCount === 0 ? (
        <p>Aucun indicateur propre suivi à cette date.</p>
      ) : (
        <DataDisclosure
          label={`Indicateurs propres aux lauréats au ${formatShortDate(asOf)}`}
          summary={`Voir les ${pluralize(ownCount, "indicateur propre", "indicateurs propres")}`}
        >
          <DataTable
            caption={`Indicateurs propres aux lauréats au ${formatShortDate(asOf)}`}
            fixedLayout
            columns={[
              { header: "Lauréat" },
              { header: "Indicateur" },
              { header: "Valeur initiale", numeric: true },
              { header: "Valeur actuelle", numeric: true },
              { header: "Cible", numeric: true },
              { header: "Taux d'avancement", numeric: true },
              { header: "État" },
            ]}
            rows={impact.own.flatMap((group) =>
              group.indicators.map((item) => ({
                key: item.id,
                cells: [
                  <Link to={ROUTES.laureate(group.slug)}>{group.title}</Link>,
                  item.name,
                  valueOf(item, item.baselineValue),
                  valueOf(item, item.currentValue),
                  valueOf(item, item.targetValue),
                  item.progressRate === null ? "—" : formatPercent(item.progressRate),
                  item.targetReached ? "Cible atteinte" : INDICATOR_FRESHNESS[item.freshness],
                ],
              })),
            )}
          />
        </DataDisclosure>
      )}
    </section>
  );
}
