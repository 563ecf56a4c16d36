import { auditFiltersSchema, type AuditFilters } from "@defis/domain";
import {
  filtersToParams,
  usePagedUrlFilters,
  type FilterParser,
  type UrlNames,
} from "../../lib/use-url-filters";
import { ROUTES } from "../../routes";

export type JournalFilters = Omit<AuditFilters, "page">;

/** French names in the URL; the CSV export reads the same ones. */
const URL_NAMES: UrlNames<JournalFilters> = {
  actorId: "acteur",
  entity: "objet",
  role: "role",
  from: "du",
  to: "au",
};

const parse: FilterParser<JournalFilters> = (key, raw) => {
  const value = key === "actorId" ? (/^\d+$/.test(raw) ? Number(raw) : undefined) : raw;
  const parsed = auditFiltersSchema.shape[key].safeParse(value);
  return parsed.success ? (parsed.data as JournalFilters[typeof key]) : undefined;
};

/** The CSV download of exactly what the table shows, all pages. */
export function journalCsvHref(filters: JournalFilters): string {
  const query = filtersToParams(URL_NAMES, filters).toString();
  return `/api/exports/journal.csv${query ? `?${query}` : ""}`;
}

/** The journal's filters and page, in the URL. */
export function useJournalFilters() {
  const { filters, page, update, reset, pageHref, active } = usePagedUrlFilters(
    URL_NAMES,
    parse,
    ROUTES.journal,
  );

  /** The schema checks what a single field cannot: the start date before the end date. */
  const validation = auditFiltersSchema.safeParse({ ...filters, page });
  const rangeError = validation.success ? null : (validation.error.issues[0]?.message ?? null);

  return { filters, page, rangeError, update, reset, pageHref, active };
}
