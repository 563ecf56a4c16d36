import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  COMMON_AGGREGATIONS,
  INDICATOR_UNITS,
  aggregationRule,
  defineCommonIndicatorSchema,
  type CommonIndicatorItem,
  type DefineCommonIndicatorInput,
} from "@defis/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { Link } from "react-router";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { DataTable } from "../../components/DataTable";
import { SavingStatus } from "../../components/Panel";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { VocabularySelect } from "../../components/VocabularySelect";
import { fieldState } from "../../lib/form-errors";
import { formatCount, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { useFormErrors } from "../../lib/use-form-errors";

const FIELDS = ["name", "unit", "unitLabel", "aggregation", "description"] as const;
const FIELD_IDS: Record<(typeof FIELDS)[number], string> = {
  name: "indicateur-commun-nom",
  unit: "indicateur-commun-unite",
  unitLabel: "indicateur-commun-libelle-unite",
  aggregation: "indicateur-commun-agregation",
  description: "indicateur-commun-description",
};

const EMPTY: DefineCommonIndicatorInput = {
  name: "",
  unit: "nombre",
  unitLabel: "",
  aggregation: "somme",
  description: "",
};

function unitOf(item: { unit: CommonIndicatorItem["unit"]; unitLabel: string }): string {
  return item.unit === "libre" ? item.unitLabel : INDICATOR_UNITS[item.unit];
}

/** Creates a common indicator, or rewords the one being edited (its unit stays while indicators are linked). */
function CommonIndicatorForm({
  editing,
  onDone,
}: {
  editing: CommonIndicatorItem | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<DefineCommonIndicatorInput>(
    editing
      ? {
          name: editing.name,
          unit: editing.unit,
          unitLabel: editing.unitLabel,
          aggregation: editing.aggregation,
          description: editing.description,
        }
      : EMPTY,
  );
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: (field) => FIELD_IDS[field] });
  const { errors } = fieldErrors;
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.impact.commonIndicators.queryKey() });
    setValues(EMPTY);
    onDone();
  };
  const define = useMutation(
    trpc.impact.defineCommonIndicator.mutationOptions({ onSuccess, onError: fieldErrors.fromServer }),
  );
  const update = useMutation(
    trpc.impact.updateCommonIndicator.mutationOptions({ onSuccess, onError: fieldErrors.fromServer }),
  );
  const mutation = editing ? update : define;
  const set = <Key extends keyof DefineCommonIndicatorInput>(
    key: Key,
    value: DefineCommonIndicatorInput[Key],
  ) => setValues((current) => ({ ...current, [key]: value }));
  const unitLocked = editing !== null && editing.linkedIndicators > 0;
  const heading = editing ? `Modifier « ${editing.name} »` : "Nouvel indicateur commun";

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = defineCommonIndicatorSchema.safeParse(values);
    const input = fieldErrors.check(
      parsed,
      values.unit === "libre" && values.unitLabel.trim() === "" ? { unitLabel: "Précisez l'unité." } : {},
    );
    if (!input) return;
    if (editing) update.mutate({ ...input, commonIndicatorId: editing.id, version: editing.version });
    else define.mutate(input);
  }

  return (
    <section aria-labelledby="indicateur-commun-formulaire" className={fr.cx("fr-mb-6w")}>
      <h2 id="indicateur-commun-formulaire">{heading}</h2>
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="L'indicateur commun n'a pas été enregistré" />
      )}
      <form noValidate aria-labelledby="indicateur-commun-formulaire" onSubmit={submit}>
        <Input
          label="Nom"
          hintText="Le nom sous lequel les lauréats y rattachent leur indicateur"
          {...fieldState(errors.name)}
          nativeInputProps={{
            id: FIELD_IDS.name,
            value: values.name,
            maxLength: 200,
            required: true,
            onChange: (event) => set("name", event.target.value),
          }}
        />
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <VocabularySelect
              id={FIELD_IDS.unit}
              label="Unité"
              labels={INDICATOR_UNITS}
              value={values.unit}
              error={errors.unit}
              onChange={(unit) => set("unit", unit)}
            />
            {unitLocked && (
              <p className={fr.cx("fr-text--sm")}>
                L'unité ne peut plus changer :{" "}
                {pluralize(
                  editing.linkedIndicators,
                  "indicateur suivi y est rattaché",
                  "indicateurs suivis y sont rattachés",
                )}
                .
              </p>
            )}
          </div>
          {values.unit === "libre" && (
            <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <Input
                label="Libellé de l'unité"
                hintText="Par exemple : dossiers par mois"
                {...fieldState(errors.unitLabel)}
                nativeInputProps={{
                  id: FIELD_IDS.unitLabel,
                  value: values.unitLabel,
                  maxLength: 40,
                  onChange: (event) => set("unitLabel", event.target.value),
                }}
              />
            </div>
          )}
        </div>
        <VocabularySelect
          id={FIELD_IDS.aggregation}
          label="Agrégation entre lauréats"
          labels={COMMON_AGGREGATIONS}
          value={values.aggregation}
          error={errors.aggregation}
          onChange={(aggregation) => set("aggregation", aggregation)}
        />
        <p className={fr.cx("fr-text--sm")}>{aggregationRule(values.aggregation)}</p>
        <Input
          label="Description"
          textArea
          {...fieldState(errors.description)}
          nativeTextAreaProps={{
            id: FIELD_IDS.description,
            value: values.description,
            maxLength: 1000,
            onChange: (event) => set("description", event.target.value),
          }}
        />
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button type="submit" disabled={mutation.isPending}>
              {editing ? "Enregistrer les modifications" : "Ajouter au catalogue"}
            </Button>
          </li>
          {editing && (
            <li>
              <Button type="button" priority="secondary" onClick={onDone}>
                Annuler
              </Button>
            </li>
          )}
        </ul>
        <SavingStatus saving={mutation.isPending} />
      </form>
    </section>
  );
}

/** The officers' catalogue of common indicators: the ones that add up across laureates on /pilotage. */
export default function CommonIndicatorsPage() {
  useDocumentTitle("Indicateurs communs");
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.impact.commonIndicators.queryOptions());
  const [editing, setEditing] = useState<CommonIndicatorItem | null>(null);
  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Indicateurs communs</h1>
      <p>
        Un indicateur commun rassemble les indicateurs de plusieurs lauréats qui mesurent la même chose : la
        page Pilotage les additionne (somme) ou en fait la moyenne pondérée.
      </p>
      <p>
        Les mesures se saisissent sur l'onglet Impact de chaque lauréat, ou s'importent d'un fichier :{" "}
        <Link to={ROUTES.measuresImport}>importer des mesures</Link>.
      </p>
      {catalogue.isPending && <LoadingState label="Chargement du catalogue" />}
      {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      {catalogue.data &&
        (catalogue.data.length === 0 ? (
          <p>Le catalogue est vide : ajoutez un premier indicateur commun ci-dessous.</p>
        ) : (
          <DataTable
            caption="Catalogue des indicateurs communs"
            columns={[
              { header: "Nom" },
              { header: "Unité" },
              { header: "Agrégation" },
              { header: "Indicateurs suivis rattachés", numeric: true },
              { header: "Action" },
            ]}
            rows={catalogue.data.map((item) => ({
              key: item.id,
              cells: [
                item.name,
                unitOf(item),
                COMMON_AGGREGATIONS[item.aggregation],
                formatCount(item.linkedIndicators),
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  onClick={() => setEditing(item)}
                  nativeButtonProps={{ "aria-label": `Modifier « ${item.name} »` }}
                >
                  Modifier
                </Button>,
              ],
            }))}
          />
        ))}
      <CommonIndicatorForm
        key={editing ? `${String(editing.id)}-${String(editing.version)}` : "nouveau"}
        editing={editing}
        onDone={() => setEditing(null)}
      />
    </>
  );
}
