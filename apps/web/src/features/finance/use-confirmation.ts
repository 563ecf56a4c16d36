import { useState } from "react";
import { usePendingFocus } from "../../lib/use-pending-focus";

/**
 * The two steps of a money form: the checked input waits for its
 * confirmation, and the focus follows each change of step.
 */
export function useConfirmation<Input>(headingId: string) {
  const focus = usePendingFocus(headingId);
  const [confirming, setConfirming] = useState<Input | null>(null);
  return {
    /** The input read back for confirmation; null while the form shows. */
    confirming,
    /** The form's check passed (a null input did not): on to the confirmation. */
    confirm: (input: Input | null) => {
      if (input === null) return;
      setConfirming(input);
      focus(headingId);
    },
    /** "Modifier la saisie": back to the form, on the field to correct. */
    edit: (fieldId: string) => {
      setConfirming(null);
      focus(fieldId);
    },
    /** The server refused a field: back to the form, which shows the refusal. */
    backToForm: () => setConfirming(null),
  };
}
