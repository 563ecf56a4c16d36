import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ReactNode } from "react";
import { fieldState } from "../lib/form-errors";
import { LabelOptions } from "./LabelOptions";

interface FieldSelectProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  children: ReactNode;
}

/** A form's select with its error message, announced as invalid while it has one. */
export function FieldSelect({ id, label, value, error, onChange, children }: FieldSelectProps) {
  return (
    <Select
      label={label}
      {...fieldState(error)}
      nativeSelectProps={{
        id,
        value,
        "aria-invalid": error ? true : undefined,
        onChange: (event) => onChange(event.target.value),
      }}
    >
      {children}
    </Select>
  );
}

interface VocabularySelectProps<Key extends string> extends Omit<FieldSelectProps, "onChange" | "children"> {
  /** The vocabulary `{ stored value: French label }`, in its order. */
  labels: Readonly<Record<Key, string>>;
  value: Key;
  onChange: (value: Key) => void;
}

/** A select over one of the domain's vocabularies: it gives back one of the vocabulary's keys, never any string. */
export function VocabularySelect<Key extends string>({
  labels,
  onChange,
  ...field
}: VocabularySelectProps<Key>) {
  const isKey = (candidate: string): candidate is Key => candidate in labels;
  return (
    <FieldSelect
      {...field}
      onChange={(value) => {
        if (isKey(value)) onChange(value);
      }}
    >
      <LabelOptions labels={labels} />
    </FieldSelect>
  );
}
