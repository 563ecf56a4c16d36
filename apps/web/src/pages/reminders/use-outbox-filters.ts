import { outboxFiltersSchema, type OutboxFilters } from "@defis/domain";
import { usePagedUrlFilters, type FilterParser, type UrlNames } from "../../lib/use-url-filters";
import { ROUTES } from "../../routes";

export type OutboxListFilters = Omit<OutboxFilters, "page">;

/** French names in the URL: a filtered outbox can be shared. */
const URL_NAMES: UrlNames<OutboxListFilters> = { kind: "type", status: "statut" };

const parse: FilterParser<OutboxListFilters> = (key, raw) => {
  const parsed = outboxFiltersSchema.shape[key].safeParse(raw);
  return parsed.success ? (parsed.data as OutboxListFilters[typeof key]) : undefined;
};

/** The outbox's filters and page, in the URL. */
export function useOutboxFilters() {
  return usePagedUrlFilters(URL_NAMES, parse, ROUTES.reminders);
}
