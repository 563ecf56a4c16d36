import { useCallback, useEffect, useRef } from "react";

interface FocusOptions {
  /** In a text field, put the caret after the text, to go on writing rather than write in front of it. */
  caretAtEnd?: boolean;
}

/**
 * Moves the focus to an element once the next render is on screen: a form's
 * heading when it opens, the first wrong field after a refused submission,
 * the button that opened a panel once it closes, a result that just appeared.
 */
export function usePendingFocus(
  initialId: string | null = null,
): (id: string, options?: FocusOptions) => void {
  const pending = useRef<{ id: string; options: FocusOptions } | null>(
    initialId === null ? null : { id: initialId, options: {} },
  );
  useEffect(() => {
    if (pending.current === null) return;
    const element = document.getElementById(pending.current.id);
    if (element) {
      element.focus();
      if (
        pending.current.options.caretAtEnd &&
        (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)
      ) {
        element.setSelectionRange(element.value.length, element.value.length);
      }
      pending.current = null;
    }
  });
  return useCallback((id: string, options: FocusOptions = {}) => {
    pending.current = { id, options };
  }, []);
}
