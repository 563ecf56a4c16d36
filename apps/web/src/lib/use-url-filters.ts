import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/** For each filter, its name in the URL (French: the URL is part of what users share). */
export type UrlNames<Filters> = { [Key in keyof Filters]-?: string };

/** Reads one raw URL value; undefined when it is not valid, so a bad shared link is ignored. */
export type FilterParser<Filters> = <Key extends keyof Filters>(
  key: Key,
  raw: string,
) => Filters[Key] | undefined;

/** Writes one value in the URL; the inverse of the parser when the URL spells a value differently. */
export type FilterFormatter<Filters> = <Key extends keyof Filters>(key: Key, value: Filters[Key]) => string;

const asText = <Filters>(_key: keyof Filters, value: Filters[keyof Filters]) => String(value);

export function filtersToParams<Filters extends object>(
  urlNames: UrlNames<Filters>,
  filters: Partial<Filters>,
  base = new URLSearchParams(),
  format: FilterFormatter<Filters> = asText,
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of Object.keys(urlNames) as (keyof Filters)[]) {
    const value = filters[key];
    if (value === undefined || value === "") params.delete(urlNames[key]);
    else params.set(urlNames[key], format(key, value as Filters[typeof key]));
  }
  return params;
}

/**
 * Filters that live in the URL: a filtered view can be shared, bookmarked and
 * restored with the back button. Other parameters (a view mode) are kept;
 * those in `clearOnChange` (a page number) are dropped whenever a filter changes.
 */
export function useUrlFilters<Filters extends object>(
  urlNames: UrlNames<Filters>,
  parse: FilterParser<Filters>,
  clearOnChange: readonly string[] = [],
  format: FilterFormatter<Filters> = asText,
) {
  const [params, setParams] = useSearchParams();
  const keys = useMemo(() => Object.keys(urlNames) as (keyof Filters)[], [urlNames]);

  const filters = useMemo(() => {
    const result: Partial<Filters> = {};
    for (const key of keys) {
      const raw = params.get(urlNames[key]);
      const value = raw ? parse(key, raw) : undefined;
      if (value !== undefined) result[key] = value;
    }
    return result as Filters;
  }, [params, keys, urlNames, parse]);

  const update = useCallback(
    (changes: Partial<Filters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const key of keys) {
            if (!(key in changes)) continue;
            const value = changes[key];
            if (value === undefined || value === "") next.delete(urlNames[key]);
            else next.set(urlNames[key], format(key, value as Filters[typeof key]));
          }
          for (const name of clearOnChange) next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, keys, urlNames, clearOnChange, format],
  );

  const clear = useCallback(() => {
    update(Object.fromEntries(keys.map((key) => [key, undefined])) as Partial<Filters>);
  }, [update, keys]);

  const active = keys.some((key) => filters[key] !== undefined);
  return { filters, params, setParams, update, clear, active };
}

/** A filter change goes back to the first page. */
const PAGE_PARAM = ["page"] as const;
const MAX_PAGE = 10_000;

/**
 * Filters in the URL over a list read page by page (`path`): the page is in the
 * URL too, and each page's link keeps the filters.
 */
export function usePagedUrlFilters<Filters extends object>(
  urlNames: UrlNames<Filters>,
  parse: FilterParser<Filters>,
  path: string,
) {
  const { filters, params, update, clear, active } = useUrlFilters(urlNames, parse, PAGE_PARAM);
  const rawPage = Number(params.get("page") ?? "1");
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= MAX_PAGE ? rawPage : 1;

  /** The link of another page, keeping the filters. */
  const pageHref = useCallback(
    (target: number) => {
      const next = filtersToParams(urlNames, filters);
      if (target > 1) next.set("page", String(target));
      const query = next.toString();
      return query ? `${path}?${query}` : path;
    },
    [urlNames, filters, path],
  );

  return { filters, page, update, reset: clear, pageHref, active };
}
