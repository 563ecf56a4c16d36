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

interface EntryProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

interface AmountAndReasonFieldsProps {
  ids: { amount: string; reason: string };
  errors: { amount?: string; reason?: string };
  amount: EntryProps;
  reason: EntryProps & { hint: string };
}

/** An allocation's change: the amount in euros, then the reason the history keeps. */
export function AmountAndReasonFields({ ids, errors, amount, reason }: AmountAndReasonFieldsProps) {
  return (
    <>
      <AmountField id={ids.amount} hint={AMOUNT_HINT} error={errors.amount} {...amount} />
      <ReasonField id={ids.reason} error={errors.reason} {...reason} />
    </>
  );
}
