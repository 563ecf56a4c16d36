import { z, type ZodError } from "zod";

/** Tab, line feed and carriage return: the controls a text area holds. */
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

export const CONTROL_CHARACTER_MESSAGE =
  "Ce texte contient un caractère invisible non autorisé (caractère de contrôle) : retirez-le, par exemple en le saisissant de nouveau.";

/** C0 controls (NUL included) and DEL, but for the three a text area holds. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) return true;
  }
  return false;
}

/** Paths of the strings of `value` that hold a control character. */
function pathsWithControlCharacters(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return hasControlCharacter(value) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => pathsWithControlCharacters(item, [...path, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => pathsWithControlCharacters(item, [...path, key]));
  }
  return [];
}

/**
 * A NUL in a text would reach PostgreSQL, which refuses it (an internal error
 * before this check); other controls are invisible junk. Every input is
 * checked once, before its procedure, and refused as a validation error: the
 * form shows the message beside the field.
 */
const withoutControlCharacters = z.unknown().superRefine((input, context) => {
  for (const path of pathsWithControlCharacters(input)) {
    context.addIssue({ code: "custom", path, message: CONTROL_CHARACTER_MESSAGE });
  }
});

/** The validation error listing the fields that hold a control character, or null. */
export function controlCharactersIn(input: unknown): ZodError | null {
  const checked = withoutControlCharacters.safeParse(input);
  return checked.success ? null : checked.error;
}
