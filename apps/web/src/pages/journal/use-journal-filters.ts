import { auditFiltersSchema, type AuditFilters } from "@defis/domain";
import { useCallback } from "react";
import { filtersToParams, useUrlFilters, type FilterParser, type UrlNames } from "../../lib/use-url-filters";
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

/** Any filter change starts again from the first page. */
const CLEAR_ON_CHANGE = ["page"] as const;

/** The CSV download of exactly what the table shows, all pages. */
export function journalCsvHref(filters: JournalFilters): string {
  const query = filtersToParams(URL_NAMES, filters).toString();
  return `/api/exports/journal.csv${query ? `?${query}` : ""}`;
}

/** The journal's filters and page, in the URL. */
export function useJournalFilters() {
  const { filters, params, update, clear, active } = useUrlFilters(URL_NAMES, parse, CLEAR_ON_CHANGE);

  const rawPage = Number(params.get("page") ?? "1");
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= 10_000 ? rawPage : 1;

  /** The schema checks what a single field cannot: the start date before the end date. */
  const validation = auditFiltersSchema.safeParse({ ...filters, page });
  const rangeError = validation.success ? null : (validation.error.issues[0]?.message ?? null);

  /** The link of another page, keeping the filters. */
  const pageHref = useCallback(
    (target: number) => {
      const next = filtersToParams(URL_NAMES, filters);
      if (target > 1) next.set("page", String(target));
      const query = next.toString();
      return query ? `${ROUTES.journal}?${query}` : ROUTES.journal;
    },
    [filters],
  );

  return { filters, page, rangeError, update, reset: clear, pageHref, active };
}
