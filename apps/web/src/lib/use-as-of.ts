import { isoDateSchema } from "@defis/domain";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { parisToday } from "./format";

export const AS_OF_PARAM = "etat-au";

/**
 * The day a page shows (/pilotage, /finances, the portfolio, a laureate's
 * Finances and Suivi), in the URL (`?etat-au=2026-11-25`) so that a state can
 * be shared and kept from page to page; absent, invalid or in the future, it
 * is today in Paris. `past` is the chosen day when it is before today: the
 * page is then read-only. `query` is the input of the procedures that take a
 * day.
 */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const today = parisToday();
  const raw = params.get(AS_OF_PARAM);
  const chosen = raw !== null && isoDateSchema.safeParse(raw).success && raw <= today ? raw : undefined;

  const setAsOf = useCallback(
    (day: string) => {
      if (!isoDateSchema.safeParse(day).success) return;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(AS_OF_PARAM, day);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const past = chosen !== undefined && chosen < today ? chosen : undefined;
  return { asOf: chosen ?? today, chosen, past, today, setAsOf, query: chosen ? { asOf: chosen } : {} };
}

/** A link that keeps the chosen day: the next page shows the same state. */
export function withAsOf(path: string, day: string | undefined): string {
  if (day === undefined) return path;
  const [pathname = "", search = ""] = path.split("?");
  const params = new URLSearchParams(search);
  params.set(AS_OF_PARAM, day);
  return `${pathname}?${params.toString()}`;
}
