import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { AUDIT_ENTITIES, ROLES, type AuditFilters } from "@defis/domain";
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

export function JournalFilters({
  filters,
  actors,
  rangeError,
  onChange,
  onReset,
  active,
}: JournalFiltersProps) {
  return (
    <form
      role="search"
      aria-label="Filtrer le journal"
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className={column}>
        <Select
          label="Auteur"
          nativeSelectProps={{
            id: "journal-acteur",
            value: filters.actorId === undefined ? "" : String(filters.actorId),
            onChange: (event) =>
              onChange({ actorId: event.target.value ? Number(event.target.value) : undefined }),
          }}
        >
          <option value="">Tous les auteurs</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.displayName} ({actor.email})
            </option>
          ))}
        </Select>
      </div>
      <div className={column}>
        <Select
          label="Objet"
          nativeSelectProps={{
            id: "journal-objet",
            value: filters.entity ?? "",
            onChange: (event) =>
              onChange({ entity: (event.target.value || undefined) as AuditFilters["entity"] }),
          }}
        >
          <option value="">Tous les objets</option>
          {Object.entries(AUDIT_ENTITIES).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className={column}>
        <Select
          label="Rôle de l'auteur"
          nativeSelectProps={{
            id: "journal-role",
            value: filters.role ?? "",
            onChange: (event) =>
              onChange({ role: (event.target.value || undefined) as AuditFilters["role"] }),
          }}
        >
          <option value="">Tous les rôles</option>
          {Object.entries(ROLES).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
      </div>
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
      {active && (
        <div className={fr.cx("fr-col-12")}>
          <Button priority="tertiary" iconId="fr-icon-close-circle-line" type="button" onClick={onReset}>
            Effacer les filtres
          </Button>
        </div>
      )}
    </form>
  );
}
