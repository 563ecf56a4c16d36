import { replicationFiltersSchema, type ReplicationFilters } from "@defis/domain";
import { useUrlFilters, type FilterParser, type UrlNames } from "../../lib/use-url-filters";

const URL_NAMES: UrlNames<ReplicationFilters> = {
  category: "categorie",
  stage: "etape",
  region: "region",
};

const parse: FilterParser<ReplicationFilters> = (key, raw) => {
  const parsed = replicationFiltersSchema.shape[key].safeParse(raw);
  return parsed.success ? (parsed.data as ReplicationFilters[typeof key]) : undefined;
};

/** The replication page's filters, in the URL so that a filtered view can be shared. */
export function useReplicationFilters() {
  const { filters, update, clear, active } = useUrlFilters(URL_NAMES, parse);
  return { filters, update, reset: clear, active };
}
