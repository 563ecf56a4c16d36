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

/** One select of a filter form: the filter it sets, its label and its choices. */
export interface FilterField<Key> {
  key: Key;
  id: string;
  label: string;
  allLabel: string;
  options: readonly FilterOption[];
}

/** The filters a select can set: those whose value is a text. */
type TextKeys<Filters> = {
  [Key in keyof Filters]-?: Filters[Key] extends string | undefined ? Key : never;
}[keyof Filters];

interface FilterSelectsProps<Filters extends object> {
  fields: readonly FilterField<TextKeys<Filters>>[];
  filters: Filters;
  onChange: (changes: Partial<Filters>) => void;
  /** The grid column each select sits in. */
  columnClassName: string;
}

/** The selects of a filter form, each in its grid column, each setting its own filter. */
export function FilterSelects<Filters extends object>({
  fields,
  filters,
  onChange,
  columnClassName,
}: FilterSelectsProps<Filters>) {
  return fields.map((field) => (
    <div key={field.id} className={columnClassName}>
      <FilterSelect
        id={field.id}
        label={field.label}
        allLabel={field.allLabel}
        options={field.options}
        value={filters[field.key] as string | undefined}
        // The options are the filter's own vocabulary: a chosen value is one of its keys.
        onChange={(value) => onChange({ [field.key]: value } as Partial<Filters>)}
      />
    </div>
  ));
}
