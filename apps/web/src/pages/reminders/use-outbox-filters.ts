import { outboxFiltersSchema, type OutboxFilters } from "@defis/domain";
import { useCallback } from "react";
import { filtersToParams, useUrlFilters, type FilterParser, type UrlNames } from "../../lib/use-url-filters";
import { ROUTES } from "../../routes";

export type OutboxListFilters = Omit<OutboxFilters, "page">;

/** French names in the URL: a filtered outbox can be shared. */
const URL_NAMES: UrlNames<OutboxListFilters> = { kind: "type", status: "statut" };

const parse: FilterParser<OutboxListFilters> = (key, raw) => {
  const parsed = outboxFiltersSchema.shape[key].safeParse(raw);
  return parsed.success ? (parsed.data as OutboxListFilters[typeof key]) : undefined;
};

/** Any filter change starts again from the first page. */
const CLEAR_ON_CHANGE = ["page"] as const;

/** The outbox's filters and page, in the URL. */
export function useOutboxFilters() {
  const { filters, params, update, clear, active } = useUrlFilters(URL_NAMES, parse, CLEAR_ON_CHANGE);
  const rawPage = Number(params.get("page") ?? "1");
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= 10_000 ? rawPage : 1;

  const pageHref = useCallback(
    (target: number) => {
      const next = filtersToParams(URL_NAMES, filters);
      if (target > 1) next.set("page", String(target));
      const query = next.toString();
      return query ? `${ROUTES.reminders}?${query}` : ROUTES.reminders;
    },
    [filters],
  );

  return { filters, page, update, reset: clear, pageHref, active };
}
