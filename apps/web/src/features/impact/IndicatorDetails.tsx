import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  formatIndicatorValue,
  INDICATOR_DIRECTIONS,
  INDICATOR_PERIODICITIES,
  INDICATOR_SUBJECTS,
  indicatorUnitWording,
  PROGRESS_RATE_FORMULA,
  type IndicatorItem,
  type MeasureItem,
} from "@defis/domain";
import type { ReactNode } from "react";
import { DemoBadge } from "../../components/DemoBadge";
import { formatDate, formatPercent } from "../../lib/format";
import { FreshnessBadge } from "./impact-badges";
import { IndicatorChart } from "./IndicatorChart";
import { MeasuresTable } from "./MeasuresTable";

export const indicatorHeadingId = (id: number) => `indicateur-${String(id)}`;
export const editIndicatorButtonId = (id: number) => `modifier-indicateur-${String(id)}`;
export const recordMeasureButtonId = (id: number) => `saisir-mesure-${String(id)}`;

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-4")}>
      <dt className={fr.cx("fr-text--bold", "fr-text--sm", "fr-mb-0")}>{term}</dt>
      <dd className={fr.cx("fr-ml-0", "fr-mb-0")}>{children}</dd>
    </div>
  );
}

interface IndicatorDetailsProps {
  indicator: IndicatorItem;
  measures: readonly MeasureItem[];
  asOf: string;
  onEdit?: () => void;
  onRecord?: () => void;
  onCorrect?: (measure: MeasureItem) => void;
}

/** One followed indicator: what it measures, from where to where, where it stands, its chart and measures. */
export function IndicatorDetails({
  indicator,
  measures,
  asOf,
  onEdit,
  onRecord,
  onCorrect,
}: IndicatorDetailsProps) {
  const value = (figure: number) => formatIndicatorValue(figure, indicator);
  const unit = indicatorUnitWording(indicator);
  return (
    <section aria-labelledby={indicatorHeadingId(indicator.id)} className={fr.cx("fr-mb-6w")}>
      <h3 id={indicatorHeadingId(indicator.id)} tabIndex={-1} className={fr.cx("fr-h5", "fr-mb-1w")}>
        {indicator.name}
        {indicator.isDemo && <DemoBadge />}
      </h3>
      <p className={fr.cx("fr-mb-2w")}>
        <FreshnessBadge indicator={indicator} />
        {indicator.targetReached && (
          <>
            {" "}
            <Badge as="span" small severity="success" noIcon>
              Cible atteinte
            </Badge>
          </>
        )}
      </p>
      <dl className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}>
        <Fact term="Ce qu'il mesure">{INDICATOR_SUBJECTS[indicator.subject]}</Fact>
        <Fact term="Unité">{unit === "" ? "Nombre" : unit}</Fact>
        <Fact term="Sens souhaité">{INDICATOR_DIRECTIONS[indicator.direction]}</Fact>
        <Fact term="Valeur initiale">
          {value(indicator.baselineValue)} au {formatDate(indicator.baselineOn)}
        </Fact>
        <Fact term="Valeur actuelle">
          {indicator.latest
            ? `${value(indicator.latest.value)} au ${formatDate(indicator.latest.measuredOn)}`
            : "Aucune mesure"}
        </Fact>
        <Fact term="Cible">
          {value(indicator.targetValue)} au {formatDate(indicator.targetOn)}
        </Fact>
        <Fact term="Cibles annuelles">
          {indicator.yearlyTargets.length === 0
            ? "Aucune"
            : indicator.yearlyTargets
                .map((target) => `${String(target.year)} : ${value(target.value)}`)
                .join(" ; ")}
        </Fact>
        <Fact term="Taux d'avancement">
          {indicator.progressRate === null
            ? "Non calculable sans mesure"
            : formatPercent(indicator.progressRate)}
          <p className={fr.cx("fr-hint-text", "fr-mb-0")}>{PROGRESS_RATE_FORMULA}</p>
        </Fact>
        <Fact term="Périodicité">{INDICATOR_PERIODICITIES[indicator.periodicity]}</Fact>
        <Fact term="Source">{indicator.source || "Non précisée"}</Fact>
        <Fact term="Méthode">{indicator.method || "Non précisée"}</Fact>
        <Fact term="Indicateur commun">{indicator.commonIndicatorName ?? "Aucun"}</Fact>
      </dl>
      {(onRecord ?? onEdit) && (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
          {onRecord && (
            <li>
              <Button id={recordMeasureButtonId(indicator.id)} iconId="fr-icon-add-line" onClick={onRecord}>
                Saisir une mesure <span className={fr.cx("fr-sr-only")}>de « {indicator.name} »</span>
              </Button>
            </li>
          )}
          {onEdit && (
            <li>
              <Button
                id={editIndicatorButtonId(indicator.id)}
                priority="secondary"
                iconId="fr-icon-edit-line"
                onClick={onEdit}
              >
                Modifier <span className={fr.cx("fr-sr-only")}>l'indicateur « {indicator.name} »</span>
              </Button>
            </li>
          )}
        </ul>
      )}
      <IndicatorChart indicator={indicator} measures={measures} asOf={asOf} />
      <MeasuresTable indicator={indicator} measures={measures} onCorrect={onCorrect} />
    </section>
  );
}
