import { auditFiltersSchema, type AuditFilters } from "@defis/domain";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { ROUTES } from "../../routes";

export type JournalFilters = Omit<AuditFilters, "page">;
type FilterKey = keyof JournalFilters;

/** French names in the URL; the CSV export reads the same ones. */
const URL_NAMES: Record<FilterKey, string> = {
  actorId: "acteur",
  entity: "objet",
  role: "role",
  from: "du",
  to: "au",
};
const FILTER_KEYS = Object.keys(URL_NAMES) as FilterKey[];

function parseFilter(key: FilterKey, raw: string): unknown {
  const value = key === "actorId" ? (/^\d+$/.test(raw) ? Number(raw) : undefined) : raw;
  const parsed = auditFiltersSchema.shape[key].safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function filtersToParams(filters: JournalFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(URL_NAMES[key], String(value));
  }
  return params;
}

/** The CSV download of exactly what the table shows, all pages. */
export function journalCsvHref(filters: JournalFilters): string {
  const query = filtersToParams(filters).toString();
  return `/api/exports/journal.csv${query ? `?${query}` : ""}`;
}

/**
 * Filters and page live in the URL: a filtered journal can be shared and
 * restored with the back button. Invalid values in a link are ignored.
 */
export function useJournalFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<JournalFilters>(() => {
    const result: JournalFilters = {};
    for (const key of FILTER_KEYS) {
      const raw = params.get(URL_NAMES[key]);
      const value = raw ? parseFilter(key, raw) : undefined;
      if (value !== undefined) Object.assign(result, { [key]: value });
    }
    return result;
  }, [params]);

  const rawPage = Number(params.get("page") ?? "1");
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= 10_000 ? rawPage : 1;

  /** The schema checks what a single field cannot: the start date before the end date. */
  const validation = auditFiltersSchema.safeParse({ ...filters, page });
  const rangeError = validation.success ? null : (validation.error.issues[0]?.message ?? null);

  /** Any filter change starts again from the first page. */
  const update = useCallback(
    (changes: Partial<JournalFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const key of FILTER_KEYS) {
            if (!(key in changes)) continue;
            const value = changes[key];
            if (value === undefined || value === "") next.delete(URL_NAMES[key]);
            else next.set(URL_NAMES[key], String(value));
          }
          next.delete("page");
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams({}, { replace: true }), [setParams]);

  /** The link of another page, keeping the filters. */
  const pageHref = useCallback(
    (target: number) => {
      const next = filtersToParams(filters);
      if (target > 1) next.set("page", String(target));
      const query = next.toString();
      return query ? `${ROUTES.journal}?${query}` : ROUTES.journal;
    },
    [filters],
  );

  const active = FILTER_KEYS.some((key) => filters[key] !== undefined);
  return { filters, page, rangeError, update, reset, pageHref, active };
}
