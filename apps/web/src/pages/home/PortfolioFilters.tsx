import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { LaureateFilters, PortfolioGroup, ProgrammeOverview } from "@defis/domain";
import { useEffect, useState } from "react";
import { FilterSelect, optionsOf, type FilterOption } from "../../components/FilterSelect";
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
    <form
      role="search"
      aria-label="Filtrer les lauréats"
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: search.trim() || undefined });
      }}
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
      <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
        <FilterSelect
          id="filtre-categorie"
          label="Catégorie"
          allLabel="Toutes les catégories"
          options={optionsOfGroups(overview.byCategory)}
          value={filters.category}
          onChange={(category) => onChange({ category: category as LaureateFilters["category"] })}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
        <FilterSelect
          id="filtre-ministere"
          label="Ministère de rattachement"
          allLabel="Tous les ministères"
          options={optionsOfGroups(overview.byMinistry)}
          value={filters.ministry}
          onChange={(ministry) => onChange({ ministry: ministry as LaureateFilters["ministry"] })}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
        <FilterSelect
          id="filtre-territoire"
          label="Territoire"
          allLabel="Tous les territoires"
          options={optionsOfGroups(overview.byTerritory)}
          value={filters.territory}
          onChange={(territory) => onChange({ territory })}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
        <FilterSelect
          id="filtre-meteo"
          label="Météo déclarée"
          allLabel="Toutes les météos"
          options={optionsOf(WEATHER_COUNT_LABELS)}
          value={filters.weather}
          onChange={(weather) => onChange({ weather: weather as LaureateFilters["weather"] })}
        />
      </div>
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
