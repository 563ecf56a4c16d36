import { laureateFiltersSchema, type LaureateFilters } from "@defis/domain";
import { useCallback } from "react";
import { useUrlFilters, type FilterParser, type UrlNames } from "../../lib/use-url-filters";

export type PortfolioView = "tableau" | "cartes";

const URL_NAMES: UrlNames<LaureateFilters> = {
  category: "categorie",
  ministry: "ministere",
  territory: "territoire",
  q: "recherche",
};

const parse: FilterParser<LaureateFilters> = (key, raw) => {
  const parsed = laureateFiltersSchema.shape[key].safeParse(raw);
  return parsed.success ? (parsed.data as LaureateFilters[typeof key]) : undefined;
};

/** The portfolio's filters and its view (table or cards), all in the URL. */
export function usePortfolioFilters() {
  const { filters, params, setParams, update, clear, active } = useUrlFilters(URL_NAMES, parse);
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
