import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  defineIndicatorSchema,
  INDICATOR_DIRECTIONS,
  INDICATOR_PERIODICITIES,
  INDICATOR_SUBJECTS,
  INDICATOR_UNITS,
  updateIndicatorSchema,
  type IndicatorDirection,
  type IndicatorItem,
  type IndicatorPeriodicity,
  type IndicatorSubject,
  type IndicatorUnit,
} from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { FieldSelect, VocabularySelect } from "../../components/VocabularySelect";
import { fieldState } from "../../lib/form-errors";
import { formatDecimalForInput, parseDecimal } from "../../lib/format";
import { isStaleVersion, useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";
import { useRefreshImpact } from "./use-refresh-impact";

const FIELDS = [
  "name",
  "subject",
  "unit",
  "unitLabel",
  "direction",
  "baselineValue",
  "baselineOn",
  "targetValue",
  "targetOn",
  "yearlyTargets",
  "periodicity",
  "source",
  "method",
  "commonIndicatorId",
  "weight",
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  name: string;
  subject: IndicatorSubject;
  unit: IndicatorUnit;
  unitLabel: string;
  direction: IndicatorDirection;
  baselineValue: string;
  baselineOn: string;
  targetValue: string;
  targetOn: string;
  yearlyTargets: { year: string; value: string }[];
  periodicity: IndicatorPeriodicity;
  source: string;
  method: string;
  commonIndicatorId: string;
  weight: string;
}
type TextField = { [Key in keyof Values]: Values[Key] extends string ? Key : never }[keyof Values];

/** A yearly target's issues ("yearlyTargets.0.year") are shown on the yearly targets' group. */
const YEARLY_TARGET_ISSUES = Object.fromEntries(
  Array.from({ length: 16 }, (_, index) =>
    (["year", "value"] as const).map((part) => [`yearlyTargets.${String(index)}.${part}`, "yearlyTargets"]),
  ).flat(),
) as Record<string, Field>;

function valuesOf(indicator: IndicatorItem | null): Values {
  return {
    name: indicator?.name ?? "",
    subject: indicator?.subject ?? "usagers",
    unit: indicator?.unit ?? "nombre",
    unitLabel: indicator?.unitLabel ?? "",
    direction: indicator?.direction ?? "hausse",
    baselineValue: indicator ? formatDecimalForInput(indicator.baselineValue) : "",
    baselineOn: indicator?.baselineOn ?? "",
    targetValue: indicator ? formatDecimalForInput(indicator.targetValue) : "",
    targetOn: indicator?.targetOn ?? "",
    yearlyTargets: (indicator?.yearlyTargets ?? []).map((target) => ({
      year: String(target.year),
      value: formatDecimalForInput(target.value),
    })),
    periodicity: indicator?.periodicity ?? "trimestrielle",
    source: indicator?.source ?? "",
    method: indicator?.method ?? "",
    commonIndicatorId:
      indicator?.commonIndicatorId === null || !indicator ? "" : String(indicator.commonIndicatorId),
    weight: formatDecimalForInput(indicator?.weight ?? 1),
  };
}

export type IndicatorFormMode = "definir" | "proposer" | "modifier";

const TITLES: Record<IndicatorFormMode, string> = {
  definir: "Définir un indicateur",
  proposer: "Proposer un indicateur",
  modifier: "Modifier l'indicateur",
};

interface IndicatorFormProps {
  slug: string;
  mode: IndicatorFormMode;
  /** The indicator to modify; null to define or propose one. */
  indicator: IndicatorItem | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * What an indicator measures, from where to where and how often: officers
 * define and modify it, the laureate's sponsor proposes one (the DITP then
 * accepts or refuses it).
 */
export function IndicatorForm({ slug, mode, indicator, onDone, onCancel }: IndicatorFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshImpact();
  const baseId = useId();
  const idOf = (field: Field | "heading") => `${baseId}-${field}`;
  const [values, setValues] = useState<Values>(() => valuesOf(indicator));
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf, rename: YEARLY_TARGET_ISSUES });
  const { errors } = fieldErrors;
  const commons = useQuery(trpc.impact.commonIndicators.queryOptions());

  const onError = (error: unknown) => {
    if (isStaleVersion(error)) void refresh();
    fieldErrors.fromServer(error);
  };
  const done = (message: string) => async () => {
    await refresh();
    onDone(message);
  };
  const define = useMutation(
    trpc.impact.defineIndicator.mutationOptions({ onSuccess: done("L'indicateur a été défini."), onError }),
  );
  const propose = useMutation(
    trpc.impact.proposeIndicator.mutationOptions({
      onSuccess: done("L'indicateur a été proposé : la DITP l'acceptera ou le refusera."),
      onError,
    }),
  );
  const update = useMutation(
    trpc.impact.updateIndicator.mutationOptions({ onSuccess: done("L'indicateur a été modifié."), onError }),
  );
  const mutation = mode === "definir" ? define : mode === "proposer" ? propose : update;

  function change<Key extends keyof Values>(field: Key, value: Values[Key]) {
    setValues((before) => ({ ...before, [field]: value }));
    fieldErrors.clear(field);
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const definition = {
      laureateSlug: slug,
      ...values,
      baselineValue: parseDecimal(values.baselineValue),
      targetValue: parseDecimal(values.targetValue),
      yearlyTargets: values.yearlyTargets.map((target) => ({
        year: Number(target.year),
        value: parseDecimal(target.value),
      })),
      commonIndicatorId: values.commonIndicatorId === "" ? null : Number(values.commonIndicatorId),
      weight: values.commonIndicatorId === "" ? 1 : parseDecimal(values.weight),
      unitLabel: values.unit === "nombre" || values.unit === "libre" ? values.unitLabel : "",
    };
    if (mode === "modifier" && indicator) {
      const input = fieldErrors.check(
        updateIndicatorSchema.safeParse({
          ...definition,
          indicatorId: indicator.id,
          version: indicator.version,
        }),
      );
      if (input) update.mutate(input);
      return;
    }
    const input = fieldErrors.check(defineIndicatorSchema.safeParse(definition));
    if (input) (mode === "proposer" ? propose : define).mutate(input);
  }

  const text = (field: TextField) => ({
    id: idOf(field),
    value: values[field],
    "aria-invalid": errors[field as Field] ? true : undefined,
    onChange: (event: { target: { value: string } }) => change(field, event.target.value),
  });
  const setTarget = (index: number, part: "year" | "value", value: string) =>
    change(
      "yearlyTargets",
      values.yearlyTargets.map((target, at) => (at === index ? { ...target, [part]: value } : target)),
    );

  return (
    <Panel
      headingId={idOf("heading")}
      title={indicator ? `${TITLES.modifier} « ${indicator.name} »` : TITLES[mode]}
    >
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="L'indicateur n'a pas été enregistré" />
      )}
      <form noValidate aria-labelledby={idOf("heading")} onSubmit={submit}>
        <Input
          label="Nom de l'indicateur"
          hintText="Ce que l'indicateur compte, par exemple « Délai moyen de traitement d'un dossier »"
          {...fieldState(errors.name)}
          nativeInputProps={{ ...text("name"), maxLength: 200 }}
        />
        <VocabularySelect
          id={idOf("subject")}
          label="Ce que l'indicateur mesure"
          labels={INDICATOR_SUBJECTS}
          value={values.subject}
          error={errors.subject}
          onChange={(subject) => change("subject", subject)}
        />
        <VocabularySelect
          id={idOf("unit")}
          label="Unité"
          labels={INDICATOR_UNITS}
          value={values.unit}
          error={errors.unit}
          onChange={(unit) => change("unit", unit)}
        />
        {(values.unit === "nombre" || values.unit === "libre") && (
          <Input
            label={values.unit === "libre" ? "Libellé de l'unité" : "Libellé de l'unité (facultatif)"}
            hintText="Écrit après chaque valeur, par exemple « usagers » ou « dossiers par mois »"
            {...fieldState(errors.unitLabel)}
            nativeInputProps={{ ...text("unitLabel"), maxLength: 40 }}
          />
        )}
        <VocabularySelect
          id={idOf("direction")}
          label="Sens souhaité"
          labels={INDICATOR_DIRECTIONS}
          value={values.direction}
          error={errors.direction}
          onChange={(direction) => change("direction", direction)}
        />
        <Input
          label="Valeur initiale"
          hintText="Deux décimales au plus"
          {...fieldState(errors.baselineValue)}
          nativeInputProps={{ ...text("baselineValue"), inputMode: "decimal", autoComplete: "off" }}
        />
        <Input
          label="Date de la valeur initiale"
          {...fieldState(errors.baselineOn)}
          nativeInputProps={{ ...text("baselineOn"), type: "date" }}
        />
        <Input
          label="Valeur cible"
          hintText="Deux décimales au plus"
          {...fieldState(errors.targetValue)}
          nativeInputProps={{ ...text("targetValue"), inputMode: "decimal", autoComplete: "off" }}
        />
        <Input
          label="Date de la cible"
          {...fieldState(errors.targetOn)}
          nativeInputProps={{ ...text("targetOn"), type: "date" }}
        />
        <fieldset
          id={idOf("yearlyTargets")}
          tabIndex={-1}
          className={fr.cx("fr-fieldset", errors.yearlyTargets !== undefined && "fr-fieldset--error")}
          aria-labelledby={`${idOf("yearlyTargets")}-legende`}
        >
          <legend id={`${idOf("yearlyTargets")}-legende`} className={fr.cx("fr-fieldset__legend")}>
            Cibles annuelles (facultatives)
            <span className={fr.cx("fr-hint-text")}>
              Une étape par année, entre l'année de la valeur initiale et celle de la cible
            </span>
          </legend>
          {values.yearlyTargets.map((target, index) => (
            <div key={index} className={fr.cx("fr-fieldset__element")}>
              <Input
                label={`Année de la cible annuelle ${String(index + 1)}`}
                nativeInputProps={{
                  id: `${idOf("yearlyTargets")}-${String(index)}-annee`,
                  inputMode: "numeric",
                  value: target.year,
                  onChange: (event) => setTarget(index, "year", event.target.value),
                }}
              />
              <Input
                label={`Valeur de la cible annuelle ${String(index + 1)}`}
                nativeInputProps={{
                  id: `${idOf("yearlyTargets")}-${String(index)}-valeur`,
                  inputMode: "decimal",
                  value: target.value,
                  onChange: (event) => setTarget(index, "value", event.target.value),
                }}
              />
              <Button
                type="button"
                size="small"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                onClick={() =>
                  change(
                    "yearlyTargets",
                    values.yearlyTargets.filter((_, at) => at !== index),
                  )
                }
              >
                Retirer la cible annuelle {index + 1}
              </Button>
            </div>
          ))}
          <div className={fr.cx("fr-fieldset__element")}>
            <Button
              type="button"
              size="small"
              priority="secondary"
              iconId="fr-icon-add-line"
              onClick={() => change("yearlyTargets", [...values.yearlyTargets, { year: "", value: "" }])}
            >
              Ajouter une cible annuelle
            </Button>
          </div>
          {errors.yearlyTargets && (
            <div className={fr.cx("fr-messages-group")} aria-live="polite">
              <p className={fr.cx("fr-message", "fr-message--error")}>{errors.yearlyTargets}</p>
            </div>
          )}
        </fieldset>
        <VocabularySelect
          id={idOf("periodicity")}
          label="Périodicité des mesures"
          labels={INDICATOR_PERIODICITIES}
          value={values.periodicity}
          error={errors.periodicity}
          onChange={(periodicity) => change("periodicity", periodicity)}
        />
        <Input
          label="Source (facultative)"
          hintText="D'où viennent les chiffres : outil, tableau de bord, enquête…"
          {...fieldState(errors.source)}
          nativeInputProps={{ ...text("source"), maxLength: 300 }}
        />
        <Input
          label="Méthode de calcul (facultative)"
          textArea
          {...fieldState(errors.method)}
          nativeTextAreaProps={{ ...text("method"), rows: 3, maxLength: 2000 }}
        />
        <FieldSelect
          id={idOf("commonIndicatorId")}
          label="Lié à un indicateur commun"
          value={values.commonIndicatorId}
          error={errors.commonIndicatorId}
          onChange={(value) => change("commonIndicatorId", value)}
        >
          <option value="">Aucun</option>
          {(commons.data ?? []).map((common) => (
            <option key={common.id} value={String(common.id)}>
              {common.name}
            </option>
          ))}
        </FieldSelect>
        {commons.isError && (
          <p className={fr.cx("fr-hint-text")}>La liste des indicateurs communs n'a pas pu être lue.</p>
        )}
        {values.commonIndicatorId !== "" && (
          <Input
            label="Poids dans la moyenne de l'indicateur commun"
            hintText="Par exemple son nombre de dossiers ou d'agents ; 1 si aucun"
            {...fieldState(errors.weight)}
            nativeInputProps={{ ...text("weight"), inputMode: "decimal", autoComplete: "off" }}
          />
        )}
        <SubmitOrCancel
          label={mode === "proposer" ? "Proposer" : "Enregistrer"}
          pending={mutation.isPending}
          onCancel={onCancel}
        />
      </form>
    </Panel>
  );
}
