import { laureateFiltersSchema, type LaureateFilters } from "@defis/domain";
import { useCallback } from "react";
import { ROUTES } from "../../routes";
import {
  filtersToParams,
  useUrlFilters,
  type FilterFormatter,
  type FilterParser,
  type UrlNames,
} from "../../lib/use-url-filters";

export type PortfolioView = "tableau" | "cartes";

const URL_NAMES: UrlNames<LaureateFilters> = {
  category: "categorie",
  ministry: "ministere",
  territory: "territoire",
  q: "recherche",
  weather: "meteo",
  milestones: "jalons",
  indicators: "indicateurs",
};

// URLs use hyphens ("jalons=en-retard"), the schema its own keys ("en_retard").
const IN_URL = { milestones: "en-retard", indicators: "a-mettre-a-jour" } as const;
const IN_SCHEMA = { milestones: "en_retard", indicators: "a_mettre_a_jour" } as const;
const isHyphenated = (key: keyof LaureateFilters): key is keyof typeof IN_URL => key in IN_URL;

const parse: FilterParser<LaureateFilters> = (key, raw) => {
  if (isHyphenated(key)) return raw === IN_URL[key] ? IN_SCHEMA[key] : undefined;
  const parsed = laureateFiltersSchema.shape[key].safeParse(raw);
  return parsed.success ? (parsed.data as LaureateFilters[typeof key]) : undefined;
};

const format: FilterFormatter<LaureateFilters> = (key, value) =>
  isHyphenated(key) ? IN_URL[key] : String(value);

/** The portfolio filtered on `filters`: where the dashboard's charts lead. */
export function portfolioPath(filters: Partial<LaureateFilters>): string {
  const query = filtersToParams(URL_NAMES, filters, undefined, format).toString();
  return query ? `${ROUTES.home}?${query}` : ROUTES.home;
}

/** The portfolio's filters and its view (table or cards), all in the URL. */
export function usePortfolioFilters() {
  const { filters, params, setParams, update, clear, active } = useUrlFilters(
    URL_NAMES,
    parse,
    undefined,
    format,
  );
  const view: PortfolioView = params.get("vue") === "cartes" ? "cartes" : "tableau";

  const setView = useCallback(
    (next: PortfolioView) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === "cartes") updated.set("vue", "cartes");
          else updated.delete("vue");
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { filters, view, update, setView, reset: clear, active };
}
