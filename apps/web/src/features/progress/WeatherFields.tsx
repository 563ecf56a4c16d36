import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { WEATHER_LEVELS, WEATHER_MEANINGS, type WeatherLevel } from "@defis/domain";
import { fieldState } from "../../lib/form-errors";

export interface WeatherValues {
  level: WeatherLevel | "";
  synthesis: string;
}

interface WeatherFieldsProps {
  idPrefix: string;
  legend: string;
  values: WeatherValues;
  errors: Partial<Record<"level" | "synthesis", string>>;
  onChange: (values: WeatherValues) => void;
}

/** The first level's radio button (DSFR numbers them after the fieldset's id), to focus on an error. */
export function firstLevelId(idPrefix: string): string {
  return `${idPrefix}-niveau-0`;
}

/** The four DITP levels, each with what it means, and the synthesis that must go with it. */
export function WeatherFields({ idPrefix, legend, values, errors, onChange }: WeatherFieldsProps) {
  return (
    <>
      <RadioButtons
        id={`${idPrefix}-niveau`}
        legend={legend}
        name={`${idPrefix}-niveau`}
        {...fieldState(errors.level)}
        options={(Object.keys(WEATHER_LEVELS) as WeatherLevel[]).map((level) => ({
          label: WEATHER_LEVELS[level],
          hintText: WEATHER_MEANINGS[level],
          nativeInputProps: {
            value: level,
            checked: values.level === level,
            onChange: () => onChange({ ...values, level }),
          },
        }))}
      />
      <Input
        label="Synthèse"
        hintText="Obligatoire : ce qui justifie cette météo, en quelques phrases (10 caractères au moins)."
        textArea
        {...fieldState(errors.synthesis)}
        nativeTextAreaProps={{
          id: `${idPrefix}-synthese`,
          rows: 4,
          maxLength: 2000,
          value: values.synthesis,
          "aria-invalid": errors.synthesis ? true : undefined,
          onChange: (event) => onChange({ ...values, synthesis: event.target.value }),
        }}
      />
    </>
  );
}
