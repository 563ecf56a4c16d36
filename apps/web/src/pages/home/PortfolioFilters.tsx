import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { LaureateFilters, PortfolioGroup, ProgrammeOverview } from "@defis/domain";
import { useEffect, useState } from "react";
import { FilterForm } from "../../components/FilterForm";
import { FilterSelects, optionsOf, type FilterField, type FilterOption } from "../../components/FilterSelect";
import { WEATHER_COUNT_LABELS } from "../../features/laureates/laureate-labels";

interface PortfolioFiltersProps {
  overview: ProgrammeOverview;
  filters: LaureateFilters;
  onChange: (changes: Partial<LaureateFilters>) => void;
  onReset: () => void;
  active: boolean;
}

const SEARCH_DELAY_MS = 250;

/** "Ministère de l'Intérieur (5)": each choice says how many laureates it keeps. */
function optionsOfGroups(groups: readonly PortfolioGroup[]): FilterOption[] {
  return groups.map((group) => ({ value: group.key, label: `${group.label} (${group.laureates})` }));
}

function filterFields(overview: ProgrammeOverview): FilterField<keyof LaureateFilters>[] {
  return [
    {
      key: "category",
      id: "filtre-categorie",
      label: "Catégorie",
      allLabel: "Toutes les catégories",
      options: optionsOfGroups(overview.byCategory),
    },
    {
      key: "ministry",
      id: "filtre-ministere",
      label: "Ministère de rattachement",
      allLabel: "Tous les ministères",
      options: optionsOfGroups(overview.byMinistry),
    },
    {
      key: "territory",
      id: "filtre-territoire",
      label: "Territoire",
      allLabel: "Tous les territoires",
      options: optionsOfGroups(overview.byTerritory),
    },
    {
      key: "weather",
      id: "filtre-meteo",
      label: "Météo déclarée",
      allLabel: "Toutes les météos",
      options: optionsOf(WEATHER_COUNT_LABELS),
    },
  ];
}

export function PortfolioFilters({ overview, filters, onChange, onReset, active }: PortfolioFiltersProps) {
  // The search field answers as one types, without a request per keystroke.
  const [search, setSearch] = useState(filters.q ?? "");
  // When the URL changes the search (reset, back button), the field follows.
  const [searchInUrl, setSearchInUrl] = useState(filters.q);
  if (filters.q !== searchInUrl) {
    setSearchInUrl(filters.q);
    if ((filters.q ?? "") !== search.trim()) setSearch(filters.q ?? "");
  }
  useEffect(() => {
    if (search.trim() === (filters.q ?? "")) return;
    const timer = setTimeout(() => onChange({ q: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters.q, onChange]);

  return (
    <FilterForm
      label="Filtrer les lauréats"
      onSubmit={() => onChange({ q: search.trim() || undefined })}
      onReset={active ? onReset : undefined}
    >
      <div className={fr.cx("fr-col-12", "fr-col-lg-3")}>
        <Input
          label="Rechercher"
          hintText="Titre, porteur, lieu, laboratoire"
          nativeInputProps={{
            id: "filtre-recherche",
            type: "search",
            value: search,
            maxLength: 100,
            onChange: (event) => setSearch(event.target.value),
          }}
        />
      </div>
      <FilterSelects
        fields={filterFields(overview)}
        filters={filters}
        onChange={onChange}
        columnClassName={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}
      />
      <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
        <Checkbox
          legend="Jalons"
          options={[
            {
              label: "Jalons en retard",
              hintText: "Au moins un jalon dont l'échéance est passée",
              nativeInputProps: {
                checked: filters.milestones === "en_retard",
                onChange: (event) => onChange({ milestones: event.target.checked ? "en_retard" : undefined }),
              },
            },
          ]}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
        <Checkbox
          legend="Indicateurs"
          options={[
            {
              label: "Indicateurs à mettre à jour",
              hintText: "Au moins un indicateur suivi dont la mesure attendue n'est pas saisie",
              nativeInputProps: {
                checked: filters.indicators === "a_mettre_a_jour",
                onChange: (event) =>
                  onChange({ indicators: event.target.checked ? "a_mettre_a_jour" : undefined }),
              },
            },
          ]}
        />
      </div>
    </FilterForm>
  );
}
