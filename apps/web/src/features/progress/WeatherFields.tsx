import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { WEATHER_LEVELS, WEATHER_MEANINGS, type WeatherLevel } from "@defis/domain";
import { fieldState } from "../../lib/form-errors";
import { usePendingFocus } from "../../lib/use-pending-focus";

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
  /**
   * The synthesis written before, shown beside an empty field as a reference
   * (never pre-filled: new text would be glued in front of it).
   */
  previous?: { heading: string; text: string } | null;
}

/** The first level's radio button (DSFR numbers them after the fieldset's id), to focus on an error. */
export function firstLevelId(idPrefix: string): string {
  return `${idPrefix}-niveau-0`;
}

/** The four DITP levels, each with what it means, and the synthesis that must go with it. */
export function WeatherFields({ idPrefix, legend, values, errors, onChange, previous }: WeatherFieldsProps) {
  const focus = usePendingFocus();
  const synthesisId = `${idPrefix}-synthese`;
  const levels = (
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
  );
  const synthesis = (
    <Input
      label="Synthèse"
      hintText="Obligatoire : ce qui justifie cette météo, en quelques phrases (10 caractères au moins)."
      textArea
      {...fieldState(errors.synthesis)}
      nativeTextAreaProps={{
        id: synthesisId,
        rows: 4,
        maxLength: 2000,
        value: values.synthesis,
        "aria-invalid": errors.synthesis ? true : undefined,
        onChange: (event) => onChange({ ...values, synthesis: event.target.value }),
      }}
    />
  );
  if (!previous) {
    return (
      <>
        {levels}
        {synthesis}
      </>
    );
  }
  return (
    <>
      {levels}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-7")}>{synthesis}</div>
        <div className={fr.cx("fr-col-12", "fr-col-md-5")}>
          <section aria-labelledby={`${idPrefix}-precedente`} className={fr.cx("fr-callout", "fr-mb-0")}>
            <h3 id={`${idPrefix}-precedente`} className={fr.cx("fr-callout__title", "fr-text--md")}>
              {previous.heading}
            </h3>
            <p className={fr.cx("fr-callout__text", "fr-text--sm")} style={{ whiteSpace: "pre-line" }}>
              {previous.text}
            </p>
            <Button
              type="button"
              priority="secondary"
              size="small"
              onClick={() => {
                onChange({ ...values, synthesis: previous.text });
                focus(synthesisId, { caretAtEnd: true });
              }}
            >
              Repartir du texte précédent
            </Button>
          </section>
        </div>
      </div>
    </>
  );
}
