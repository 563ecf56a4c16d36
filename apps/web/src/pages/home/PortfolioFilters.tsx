import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { LaureateFilters, PortfolioGroup, ProgrammeOverview } from "@defis/domain";
import { useEffect, useState } from "react";
import { FilterSelect, type FilterOption } from "../../components/FilterSelect";

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
