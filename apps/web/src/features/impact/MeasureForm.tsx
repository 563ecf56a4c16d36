import {
  correctMeasureSchema,
  formatIndicatorValue,
  recordMeasureSchema,
  type IndicatorItem,
  type MeasureItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { formatDate, formatDecimalForInput, parisToday, parseDecimal } from "../../lib/format";
import { isStaleVersion, useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";
import {
  emptyMeasure,
  MEASURE_FIELDS,
  MeasureFields,
  type MeasureField,
  type MeasureValues,
} from "./MeasureFields";
import { useRefreshImpact } from "./use-refresh-impact";

interface MeasureFormProps {
  slug: string;
  indicator: IndicatorItem;
  /** Null to record a new measure; a measure to correct it (its previous value stays in its history). */
  measure: MeasureItem | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function valuesOf(indicator: IndicatorItem, measure: MeasureItem | null): MeasureValues {
  if (measure === null) return emptyMeasure(indicator, parisToday());
  return {
    value: formatDecimalForInput(measure.value),
    measuredOn: measure.measuredOn,
    source: measure.source,
    comment: measure.comment,
  };
}

/** « Saisir une mesure » of an indicator, or « Corriger » one of its measures on the version read. */
export function MeasureForm({ slug, indicator, measure, onDone, onCancel }: MeasureFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshImpact();
  const baseId = useId();
  const idOf = (field: MeasureField | "heading") => `${baseId}-${field}`;
  const [values, setValues] = useState<MeasureValues>(() => valuesOf(indicator, measure));
  const fieldErrors = useFormErrors({ fields: MEASURE_FIELDS, idOf });

  const onError = (error: unknown) => {
    if (isStaleVersion(error)) void refresh();
    fieldErrors.fromServer(error);
  };
  const onSuccess = async () => {
    await refresh();
    onDone(
      measure
        ? `La mesure du ${formatDate(measure.measuredOn)} a été corrigée.`
        : `La mesure de « ${indicator.name} » a été enregistrée.`,
    );
  };
  const record = useMutation(trpc.impact.recordMeasure.mutationOptions({ onSuccess, onError }));
  const correct = useMutation(trpc.impact.correctMeasure.mutationOptions({ onSuccess, onError }));
  const mutation = measure ? correct : record;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const typed = { laureateSlug: slug, ...values, value: parseDecimal(values.value) };
    if (measure) {
      const input = fieldErrors.check(
        correctMeasureSchema.safeParse({ ...typed, measureId: measure.id, version: measure.version }),
      );
      if (input) correct.mutate(input);
    } else {
      const input = fieldErrors.check(recordMeasureSchema.safeParse({ ...typed, indicatorId: indicator.id }));
      if (input) record.mutate(input);
    }
  }

  const title = measure
    ? `Corriger la mesure du ${formatDate(measure.measuredOn)} (${formatIndicatorValue(measure.value, indicator)}) de « ${indicator.name} »`
    : `Saisir une mesure de « ${indicator.name} »`;
  return (
    <Panel headingId={idOf("heading")} title={title}>
      {mutation.error && (
        <ActionErrorAlert
          error={mutation.error}
          title={measure ? "La mesure n'a pas été corrigée" : "La mesure n'a pas été enregistrée"}
        />
      )}
      <form noValidate aria-labelledby={idOf("heading")} onSubmit={submit}>
        <MeasureFields
          indicator={indicator}
          values={values}
          errors={fieldErrors.errors}
          idOf={idOf}
          withDate={measure === null}
          onChange={(field, value) => {
            setValues((before) => ({ ...before, [field]: value }));
            fieldErrors.clear(field);
          }}
        />
        <SubmitOrCancel label="Enregistrer" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
