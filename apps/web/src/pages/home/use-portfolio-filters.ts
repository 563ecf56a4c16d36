import { laureateFiltersSchema, type LaureateFilters } from "@defis/domain";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export type PortfolioView = "tableau" | "cartes";
const FILTER_KEYS = ["category", "ministry", "territory", "q"] as const;
const URL_NAMES: Record<(typeof FILTER_KEYS)[number], string> = {
  category: "categorie",
  ministry: "ministere",
  territory: "territoire",
  q: "recherche",
};

/**
 * Filters and view live in the URL, so a filtered portfolio can be shared,
 * bookmarked and restored with the back button. An invalid value in a shared
 * link is ignored rather than breaking the page.
 */
export function usePortfolioFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<LaureateFilters>(() => {
    const result: LaureateFilters = {};
    for (const key of FILTER_KEYS) {
      const raw = params.get(URL_NAMES[key]);
      if (!raw) continue;
      const parsed = laureateFiltersSchema.shape[key].safeParse(raw);
      if (parsed.success && parsed.data) Object.assign(result, { [key]: parsed.data });
    }
    return result;
  }, [params]);

  const view: PortfolioView = params.get("vue") === "cartes" ? "cartes" : "tableau";

  const update = useCallback(
    (changes: Partial<LaureateFilters> & { view?: PortfolioView }) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const key of FILTER_KEYS) {
            if (!(key in changes)) continue;
            const value = changes[key];
            if (value) next.set(URL_NAMES[key], value);
            else next.delete(URL_NAMES[key]);
          }
          if (changes.view) {
            if (changes.view === "cartes") next.set("vue", "cartes");
            else next.delete("vue");
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(
    () => setParams(view === "cartes" ? { vue: "cartes" } : {}, { replace: true }),
    [setParams, view],
  );
  const active = FILTER_KEYS.some((key) => filters[key]);
  return { filters, view, update, reset, active };
}
