import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { mayActOnLaureate, type IndicatorItem, type LaureateDetail, type MeasureItem } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { pluralize } from "../../lib/format";
import { useCan, useSession } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { useAsOf } from "../../lib/use-as-of";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useCanUpdateProgress } from "../progress/use-can-update-progress";
import {
  editIndicatorButtonId,
  IndicatorDetails,
  indicatorHeadingId,
  recordMeasureButtonId,
} from "./IndicatorDetails";
import { IndicatorForm, type IndicatorFormMode } from "./IndicatorForm";
import { MeasureForm } from "./MeasureForm";
import { ProposalsSection } from "./ProposalsSection";

const DEFINE_BUTTON_ID = "definir-indicateur";
const PROPOSE_BUTTON_ID = "proposer-indicateur";

type Editing =
  | { form: "indicateur"; mode: IndicatorFormMode; indicator: IndicatorItem | null; returnTo: string }
  | { form: "mesure"; indicator: IndicatorItem; measure: MeasureItem | null; returnTo: string };

/**
 * The « Impact » tab: the laureate's followed indicators with where they
 * stand, their chart and measures, and the proposals; of a past day
 * (`?etat-au=`), as known at its end and read-only.
 */
export default function LaureateImpact({ laureate }: { laureate: LaureateDetail }) {
  const trpc = useTRPC();
  const { query: day, past } = useAsOf();
  const query = useQuery(trpc.impact.forLaureate.queryOptions({ slug: laureate.slug, ...day }));
  const user = useSession().user;
  const today = past === undefined;
  const canDefine = useCan("defineIndicators") && today;
  const canPropose = mayActOnLaureate(user, "proposeIndicators", laureate) && today;
  const canMeasure = useCanUpdateProgress(laureate) && today;
  const focus = usePendingFocus();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (query.isPending) return <LoadingState label="Chargement des indicateurs du lauréat" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const impact = query.data;

  const open = (next: Editing) => {
    setMessage(null);
    setEditing(next);
  };
  const close = (done: string | null) => {
    const returnTo = editing?.returnTo;
    setEditing(null);
    setMessage(done);
    if (returnTo) focus(returnTo);
  };

  if (editing?.form === "indicateur")
    return (
      <IndicatorForm
        slug={laureate.slug}
        mode={editing.mode}
        indicator={editing.indicator}
        onDone={close}
        onCancel={() => close(null)}
      />
    );
  if (editing?.form === "mesure")
    return (
      <MeasureForm
        slug={laureate.slug}
        indicator={editing.indicator}
        measure={editing.measure}
        onDone={close}
        onCancel={() => close(null)}
      />
    );

  const followed = impact.indicators.filter((indicator) => indicator.status === "suivi");
  const due = followed.filter((indicator) => indicator.freshness === "a_mettre_a_jour").length;
  const measuresOf = (indicator: IndicatorItem) =>
    impact.measures.filter((measure) => measure.indicatorId === indicator.id);
  return (
    <>
      {past !== undefined && (
        <p>
          À une date passée : les indicateurs suivis et leurs mesures tels qu'ils étaient connus à la fin de
          ce jour, en lecture seule (les propositions ne s'y montrent pas).
        </p>
      )}
      {message && (
        <Alert className={fr.cx("fr-mb-3w")} severity="success" small description={message} role="status" />
      )}
      <section aria-labelledby="indicateurs-suivis">
        <h3 id="indicateurs-suivis" className={fr.cx("fr-h4")}>
          Indicateurs d'impact
        </h3>
        <p>
          {followed.length === 0
            ? "Aucun indicateur n'est encore suivi pour ce lauréat."
            : `${pluralize(followed.length, "indicateur suivi", "indicateurs suivis")}, dont ${pluralize(due, "à mettre à jour", "à mettre à jour")}.`}
        </p>
        {(canDefine || canPropose) && (
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
            {canDefine && (
              <li>
                <Button
                  id={DEFINE_BUTTON_ID}
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  onClick={() =>
                    open({ form: "indicateur", mode: "definir", indicator: null, returnTo: DEFINE_BUTTON_ID })
                  }
                >
                  Définir un indicateur
                </Button>
              </li>
            )}
            {canPropose && (
              <li>
                <Button
                  id={PROPOSE_BUTTON_ID}
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  onClick={() =>
                    open({
                      form: "indicateur",
                      mode: "proposer",
                      indicator: null,
                      returnTo: PROPOSE_BUTTON_ID,
                    })
                  }
                >
                  Proposer un indicateur
                </Button>
              </li>
            )}
          </ul>
        )}
        {followed.map((indicator) => (
          <IndicatorDetails
            key={indicator.id}
            indicator={indicator}
            measures={measuresOf(indicator)}
            asOf={impact.asOf}
            onEdit={
              canDefine
                ? () =>
                    open({
                      form: "indicateur",
                      mode: "modifier",
                      indicator,
                      returnTo: editIndicatorButtonId(indicator.id),
                    })
                : undefined
            }
            onRecord={
              canMeasure
                ? () =>
                    open({
                      form: "mesure",
                      indicator,
                      measure: null,
                      returnTo: recordMeasureButtonId(indicator.id),
                    })
                : undefined
            }
            onCorrect={
              canMeasure
                ? (measure) =>
                    // The measures' table is closed again once the form is: its heading takes the focus back.
                    open({ form: "mesure", indicator, measure, returnTo: indicatorHeadingId(indicator.id) })
                : undefined
            }
          />
        ))}
      </section>
      <ProposalsSection
        slug={laureate.slug}
        proposals={impact.indicators.filter((indicator) => indicator.status === "propose")}
        refusals={impact.indicators.filter((indicator) => indicator.status === "refuse")}
        canDecide={canDefine}
        onDecided={setMessage}
      />
    </>
  );
}
