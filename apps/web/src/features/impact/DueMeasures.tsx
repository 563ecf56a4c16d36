import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatIndicatorValue, type IndicatorItem, type LaureateDetail } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState } from "../../components/QueryStates";
import { formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { dueIndicators } from "./due-indicators";
import { FreshnessBadge } from "./impact-badges";
import { MeasureForm } from "./MeasureForm";

const HEADING_ID = "mesures-attendues";
const dueButtonId = (id: number) => `mesure-attendue-${String(id)}`;

/**
 * The follow-up's « Mesures attendues »: the indicators « à mettre à jour »
 * today, each with the Impact tab's measure form for whoever may update the
 * laureate. Nothing when none is due.
 */
export function DueMeasures({ laureate, canEdit }: { laureate: LaureateDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.impact.forLaureate.queryOptions({ slug: laureate.slug }));
  const focus = usePendingFocus();
  const [measuring, setMeasuring] = useState<IndicatorItem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (query.isPending) return null;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  if (measuring) {
    const close = (done: string | null) => {
      setMeasuring(null);
      setMessage(done);
      focus(HEADING_ID);
    };
    return (
      <MeasureForm
        slug={laureate.slug}
        indicator={measuring}
        measure={null}
        onDone={close}
        onCancel={() => close(null)}
      />
    );
  }
  const due = dueIndicators(query.data.indicators);
  if (due.length === 0 && message === null) return null;
  return (
    <section aria-labelledby={HEADING_ID} className={fr.cx("fr-mb-4w")}>
      <h3 id={HEADING_ID} tabIndex={-1} className={fr.cx("fr-h5")}>
        Mesures attendues
      </h3>
      {message && (
        <Alert className={fr.cx("fr-mb-2w")} severity="success" small description={message} role="status" />
      )}
      {due.length === 0 ? (
        <p>Tous les indicateurs sont à jour.</p>
      ) : (
        <ul>
          {due.map((indicator) => (
            <li key={indicator.id} className={fr.cx("fr-mb-2w")}>
              <strong>{indicator.name}</strong> —{" "}
              {indicator.latest
                ? `dernière mesure ${formatIndicatorValue(indicator.latest.value, indicator)} au ${formatDate(indicator.latest.measuredOn)}`
                : "aucune mesure depuis la valeur initiale"}{" "}
              <FreshnessBadge indicator={indicator} />
              {canEdit && (
                <div className={fr.cx("fr-mt-1w")}>
                  <Button
                    id={dueButtonId(indicator.id)}
                    size="small"
                    iconId="fr-icon-add-line"
                    onClick={() => {
                      setMessage(null);
                      setMeasuring(indicator);
                    }}
                  >
                    Saisir une mesure <span className={fr.cx("fr-sr-only")}>de « {indicator.name} »</span>
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
