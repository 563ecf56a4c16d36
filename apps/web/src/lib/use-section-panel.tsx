import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * The one panel open in a section (a form, a confirmation), the success
 * notice left when it closes, and the focus given back to the button that
 * opened it (found by id: the list may have been reloaded in between), or to
 * `fallbackId` when the action removed that button (a tranche moved on).
 */
export function useSectionPanel<Panel>(fallbackId?: string) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    if (panel !== null || returnFocusTo.current === null) return;
    const target =
      document.getElementById(returnFocusTo.current) ??
      (fallbackId === undefined ? null : document.getElementById(fallbackId));
    target?.focus();
    returnFocusTo.current = null;
  }, [panel, fallbackId]);

  const open = useCallback((next: Panel, triggerId: string) => {
    returnFocusTo.current = triggerId;
    setNotice(null);
    setPanel(next);
  }, []);
  const close = useCallback(() => setPanel(null), []);
  /** Closes the panel on a success; `focusId` when the action changed which button should get the focus. */
  const finish = useCallback((message: string, focusId?: string) => {
    if (focusId !== undefined) returnFocusTo.current = focusId;
    setNotice(message);
    setPanel(null);
  }, []);
  const clearNotice = useCallback(() => setNotice(null), []);
  return { panel, notice, open, close, finish, clearNotice };
}

/** What the last action did, announced politely; the region stays so that the announcement is heard. */
export function SectionNotice({ notice, onClose }: { notice: string | null; onClose: () => void }) {
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <Alert
          severity="success"
          small
          closable
          role={undefined}
          className={fr.cx("fr-mb-3w")}
          description={notice}
          onClose={onClose}
        />
      )}
    </div>
  );
}
