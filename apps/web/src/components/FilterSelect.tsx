import { Select } from "@codegouvfr/react-dsfr/Select";

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  id: string;
  label: string;
  /** The first option, which sets no filter: "Tous les ministères"… */
  allLabel: string;
  options: readonly FilterOption[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** A filter chosen from a list, or none. */
export function FilterSelect({ id, label, allLabel, options, value, onChange }: FilterSelectProps) {
  return (
    <Select
      label={label}
      nativeSelectProps={{
        id,
        value: value ?? "",
        onChange: (event) => onChange(event.target.value || undefined),
      }}
    >
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

/** The options of a vocabulary: { key: label } → [{ value: key, label }]. */
export function optionsOf(labels: Readonly<Record<string, string>>): FilterOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
