import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatIndicatorValue, type IndicatorItem, type MeasureItem } from "@defis/domain";
import { DataDisclosure } from "../../components/DataDisclosure";
import { DataTable } from "../../components/DataTable";
import { DemoBadge } from "../../components/DemoBadge";
import { formatDate, formatDateTime, pluralize } from "../../lib/format";

export const correctButtonId = (measureId: number) => `corriger-mesure-${String(measureId)}`;

function Written({ by, at }: { by: string | null; at: string }) {
  return (
    <>
      {by ?? "Import ou système"}, le {formatDateTime(at)}
    </>
  );
}

/** Every measure of an indicator, latest first, with the values it had before each correction. */
export function MeasuresTable({
  indicator,
  measures,
  onCorrect,
}: {
  indicator: IndicatorItem;
  measures: readonly MeasureItem[];
  /** Absent when the measures are read-only (another person's scope, a past day). */
  onCorrect?: (measure: MeasureItem) => void;
}) {
  if (measures.length === 0)
    return <p className={fr.cx("fr-text--sm")}>Aucune mesure n'est encore saisie.</p>;
  const caption = `Mesures de « ${indicator.name} »`;
  const latestFirst = [...measures].sort((left, right) => right.measuredOn.localeCompare(left.measuredOn));
  return (
    <DataDisclosure
      label={caption}
      summary={`Voir les ${pluralize(measures.length, "mesure")} et leurs corrections`}
    >
      <DataTable
        caption={caption}
        fixedLayout
        columns={[
          { header: "Date" },
          { header: "Valeur", numeric: true },
          { header: "Source et commentaire" },
          { header: "Saisie" },
          { header: "Corrections" },
          ...(onCorrect ? [{ header: "Action" }] : []),
        ]}
        rows={latestFirst.map((measure) => ({
          key: measure.id,
          cells: [
            <>
              {formatDate(measure.measuredOn)}
              {measure.isDemo && <DemoBadge />}
            </>,
            formatIndicatorValue(measure.value, indicator),
            [measure.source, measure.comment].filter((text) => text !== "").join(" — ") || "—",
            <Written key="saisie" by={measure.writtenBy} at={measure.writtenAt} />,
            measure.corrections.length === 0 ? (
              "—"
            ) : (
              <ul key="corrections" className={fr.cx("fr-text--sm", "fr-mb-0")}>
                {measure.corrections.map((previous, index) => (
                  <li key={index}>
                    Avant : {formatIndicatorValue(previous.value, indicator)} (
                    <Written by={previous.writtenBy} at={previous.writtenAt} />)
                  </li>
                ))}
              </ul>
            ),
            ...(onCorrect
              ? [
                  <Button
                    key="corriger"
                    id={correctButtonId(measure.id)}
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-edit-line"
                    onClick={() => onCorrect(measure)}
                  >
                    Corriger{" "}
                    <span className={fr.cx("fr-sr-only")}>la mesure du {formatDate(measure.measuredOn)}</span>
                  </Button>,
                ]
              : []),
          ],
        }))}
      />
    </DataDisclosure>
  );
}
