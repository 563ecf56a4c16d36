import { useCallback, useEffect, useRef } from "react";

/**
 * Moves the focus to an element once the next render is on screen: the
 * heading of a result that just appeared, the file field after a refusal.
 */
export function usePendingFocus(): (id: string) => void {
  const pending = useRef<string | null>(null);
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
