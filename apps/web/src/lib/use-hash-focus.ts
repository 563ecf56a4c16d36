import { useLocation } from "react-router";
import { usePendingFocus } from "./use-pending-focus";

/**
 * Focuses the element the address's #fragment names once it is on the page:
 * a link to a section of a tab loaded on demand lands there, and a screen
 * reader starts reading from it.
 */
export function useHashFocus(): void {
  const { hash } = useLocation();
  usePendingFocus(hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null);
}
