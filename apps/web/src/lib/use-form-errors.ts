import { useState } from "react";
import { issuesByField, serverFieldErrorsOf, type Issue } from "./form-errors";
import { usePendingFocus } from "./use-pending-focus";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** What a zod `safeParse` returns, without depending on zod here. */
export type Checked<Input> =
  { success: true; data: Input } | { success: false; error: { issues: readonly Issue[] } };

export interface FormErrorsOptions<Field extends string> {
  /** The form's fields in the order of the page: the first one in error takes the focus. */
  fields: readonly Field[];
  /** The id of the element that takes the focus for a field (its input, select or fieldset). */
  idOf: (field: Field) => string;
  /** The form's field for a schema path or a server field named otherwise, e.g. `{ amountCents: "amount" }`. */
  rename?: Readonly<Record<string, Field>>;
}

/**
 * A form's field messages, one per field: the form's own checks and the
 * shared schema's issues before sending, the server's `fieldErrors` after.
 * Each refusal moves the focus to the first field in error (RGAA 11.10).
 */
export function useFormErrors<Field extends string>({ fields, idOf, rename = {} }: FormErrorsOptions<Field>) {
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const focus = usePendingFocus();

  /** The messages keyed by the form's fields, those of no field of this form left out. */
  function mapped(messages: Record<string, string>): FieldErrors<Field> {
    const result: FieldErrors<Field> = {};
    for (const [key, message] of Object.entries(messages)) {
      const field = rename[key] ?? (fields as readonly string[]).find((name) => name === key);
      if (field !== undefined) result[field as Field] ??= message;
    }
    return result;
  }

  /** Shows these messages (and only these) and focuses the first field in error; true if there is one. */
  function show(next: FieldErrors<Field>): boolean {
    setErrors(next);
    const first = fields.find((field) => next[field]);
    if (first !== undefined) focus(idOf(first));
    return first !== undefined;
  }

  /**
   * The verdict on a submission: the form's own findings first, then the
   * schema's issues on the fields still clear. The parsed input when all is
   * well (the messages are cleared), null otherwise (they are shown).
   */
  function check<Input>(parsed: Checked<Input>, found: FieldErrors<Field> = {}): Input | null {
    const next = parsed.success ? { ...found } : { ...mapped(issuesByField(parsed.error.issues)), ...found };
    const wrong = show(next);
    return parsed.success && !wrong ? parsed.data : null;
  }

  /** The server's field messages after a refused submission; true if any concerns this form. */
  function fromServer(error: unknown): boolean {
    const next = mapped(serverFieldErrorsOf(error));
    if (Object.keys(next).length === 0) return false;
    return show(next);
  }

  /** Clears one field's message (it was just changed), or all of them. */
  function clear(field?: Field) {
    if (field === undefined) setErrors({});
    else if (errors[field] !== undefined)
      setErrors(({ [field]: _cleared, ...rest }) => rest as FieldErrors<Field>);
  }

  return { errors, show, check, fromServer, clear };
}
