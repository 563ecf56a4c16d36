import { isoDateSchema } from "@defis/domain";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { parisToday } from "../../lib/format";

export const AS_OF_PARAM = "etat-au";

/**
 * The day the dashboard shows, in the URL (`?etat-au=2026-11-25`) so that a
 * state can be shared; absent, invalid or in the future, it is today in Paris.
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

  return { asOf: chosen ?? today, chosen, today, setAsOf };
}
