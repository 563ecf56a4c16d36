import { Input } from "@codegouvfr/react-dsfr/Input";
import { fieldState } from "../../lib/form-errors";

export const AMOUNT_HINT = "En euros, par exemple 12 345,67 ou 12345.67 ; deux décimales au plus.";

interface TextFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** An amount typed in euros; lib/format.ts's parseEuros turns it into cents. */
export function AmountField({ id, label, hint, value, error, onChange }: TextFieldProps) {
  return (
    <Input
      label={label}
      hintText={hint}
      {...fieldState(error)}
      nativeInputProps={{
        id,
        inputMode: "decimal",
        autoComplete: "off",
        value,
        "aria-invalid": error ? true : undefined,
        onChange: (event) => onChange(event.target.value),
      }}
    />
  );
}

/** The reason every money correction carries into the history. */
export function ReasonField({ id, label, hint, value, error, onChange }: TextFieldProps) {
  return (
    <Input
      label={label}
      hintText={hint}
      textArea
      {...fieldState(error)}
      nativeTextAreaProps={{
        id,
        rows: 2,
        maxLength: 500,
        value,
        "aria-invalid": error ? true : undefined,
        onChange: (event) => onChange(event.target.value),
      }}
    />
  );
}
