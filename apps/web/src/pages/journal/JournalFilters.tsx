import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { AUDIT_ENTITIES, ROLES } from "@defis/domain";
import { FilterForm } from "../../components/FilterForm";
import { FilterSelect, FilterSelects, optionsOf, type FilterField } from "../../components/FilterSelect";
import type { JournalFilters as Filters } from "./use-journal-filters";

export interface JournalActor {
  id: number;
  displayName: string;
  email: string;
}

interface JournalFiltersProps {
  filters: Filters;
  actors: JournalActor[];
  /** "La date de début doit précéder la date de fin.", shown beside the end date. */
  rangeError: string | null;
  onChange: (changes: Partial<Filters>) => void;
  onReset: () => void;
  active: boolean;
}

const column = fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg");

const FILTER_FIELDS: FilterField<"entity" | "role">[] = [
  {
    key: "entity",
    id: "journal-objet",
    label: "Objet",
    allLabel: "Tous les objets",
    options: optionsOf(AUDIT_ENTITIES),
  },
  {
    key: "role",
    id: "journal-role",
    label: "Rôle de l'auteur",
    allLabel: "Tous les rôles",
    options: optionsOf(ROLES),
  },
];

export function JournalFilters({
  filters,
  actors,
  rangeError,
  onChange,
  onReset,
  active,
}: JournalFiltersProps) {
  return (
    <FilterForm label="Filtrer le journal" onReset={active ? onReset : undefined}>
      <div className={column}>
        <FilterSelect
          id="journal-acteur"
          label="Auteur"
          allLabel="Tous les auteurs"
          options={actors.map((actor) => ({
            value: String(actor.id),
            label: `${actor.displayName} (${actor.email})`,
          }))}
          value={filters.actorId === undefined ? undefined : String(filters.actorId)}
          onChange={(value) => onChange({ actorId: value === undefined ? undefined : Number(value) })}
        />
      </div>
      <FilterSelects fields={FILTER_FIELDS} filters={filters} onChange={onChange} columnClassName={column} />
      <div className={column}>
        <Input
          label="Du (inclus)"
          nativeInputProps={{
            id: "journal-du",
            type: "date",
            value: filters.from ?? "",
            onChange: (event) => onChange({ from: event.target.value || undefined }),
          }}
        />
      </div>
      <div className={column}>
        <Input
          label="Au (inclus)"
          state={rangeError ? "error" : "default"}
          stateRelatedMessage={rangeError}
          nativeInputProps={{
            id: "journal-au",
            type: "date",
            value: filters.to ?? "",
            min: filters.from,
            "aria-invalid": rangeError ? true : undefined,
            onChange: (event) => onChange({ to: event.target.value || undefined }),
          }}
        />
      </div>
    </FilterForm>
  );
}
