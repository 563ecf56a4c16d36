import { Input } from "@codegouvfr/react-dsfr/Input";
import { formatIndicatorValue, indicatorUnitWording, type IndicatorItem } from "@defis/domain";
import { fieldState } from "../../lib/form-errors";

export const MEASURE_FIELDS = ["value", "measuredOn", "source", "comment"] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];
/** A measure as typed: the value stays text until it is sent. */
export type MeasureValues = Record<MeasureField, string>;

export function emptyMeasure(indicator: Pick<IndicatorItem, "source">, today: string): MeasureValues {
  return { value: "", measuredOn: today, source: indicator.source, comment: "" };
}

interface MeasureFieldsProps {
  indicator: Pick<IndicatorItem, "unit" | "unitLabel" | "latest">;
  values: MeasureValues;
  errors: Partial<Record<MeasureField, string>>;
  idOf: (field: MeasureField) => string;
  onChange: (field: MeasureField, value: string) => void;
  /** A correction keeps the measure's date. */
  withDate?: boolean;
}

/**
 * The fields of one measure (value, date, source, comment): the same in the
 * Impact tab, the follow-up's « Mesures attendues » and the guided update.
 */
export function MeasureFields({
  indicator,
  values,
  errors,
  idOf,
  onChange,
  withDate = true,
}: MeasureFieldsProps) {
  const input = (field: MeasureField) => ({
    id: idOf(field),
    value: values[field],
    "aria-invalid": errors[field] ? true : undefined,
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
  });
  const unit = indicatorUnitWording(indicator);
  return (
    <>
      <Input
        label={unit === "" ? "Valeur" : `Valeur (${unit})`}
        hintText={
          indicator.latest
            ? `Deux décimales au plus. Dernière mesure : ${formatIndicatorValue(indicator.latest.value, indicator)}.`
            : "Deux décimales au plus, par exemple 1 200 ou 12,5."
        }
        {...fieldState(errors.value)}
        nativeInputProps={{ ...input("value"), inputMode: "decimal", autoComplete: "off" }}
      />
      {withDate && (
        <Input
          label="Date de la mesure"
          {...fieldState(errors.measuredOn)}
          nativeInputProps={{ ...input("measuredOn"), type: "date" }}
        />
      )}
      <Input
        label="Source (facultative)"
        hintText="D'où vient le chiffre : outil, tableau de bord, enquête…"
        {...fieldState(errors.source)}
        nativeInputProps={{ ...input("source"), maxLength: 300 }}
      />
      <Input
        label="Commentaire (facultatif)"
        textArea
        {...fieldState(errors.comment)}
        nativeTextAreaProps={{ ...input("comment"), rows: 2, maxLength: 2000 }}
      />
    </>
  );
}
