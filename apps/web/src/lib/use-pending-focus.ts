import { useCallback, useEffect, useRef } from "react";

/**
 * Moves the focus to an element once the next render is on screen: a form's
 * heading when it opens, the first wrong field after a refused submission,
 * the button that opened a panel once it closes, a result that just appeared.
 */
export function usePendingFocus(initialId: string | null = null): (id: string) => void {
  const pending = useRef<string | null>(initialId);
  useEffect(() => {
    if (pending.current === null) return;
    const element = document.getElementById(pending.current);
    if (element) {
      element.focus();
      pending.current = null;
    }
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}
