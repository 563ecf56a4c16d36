import { useCallback, useState } from "react";

/**
 * One key per money action, chosen when its form opens. A retry after a
 * network error sends the same key, so the server replays the first result
 * instead of paying twice; after a success, `renew` gives the next action
 * its own key (forms that close on success get a new one when reopened).
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
