import { loginSchema, type LoginInput } from "@defis/domain";
import { useState } from "react";
import { AuthRequestError, SERVICE_UNREACHABLE, type FieldErrors } from "../../lib/auth-api";
import { useSessionActions } from "../../lib/session";

export type SignInField = keyof LoginInput;
export type SignInFieldErrors = Partial<Record<SignInField, string>>;

export const FIELD_IDS: Record<SignInField, string> = {
  email: "connexion-email",
  password: "connexion-mot-de-passe",
};

function firstMessages(errors: FieldErrors): SignInFieldErrors {
  return { email: errors.email?.[0], password: errors.password?.[0] };
}

/** The person fixes the first wrong field first (RGAA 11.10: errors are found and reachable). */
function focusFirstInvalid(errors: SignInFieldErrors): void {
  const field = (["email", "password"] as const).find((name) => errors[name]);
  if (field) document.getElementById(FIELD_IDS[field])?.focus();
}

/**
 * Checks the form with the schema the server uses, then signs in. On success
 * the session changes and the page redirects; on failure the server's
 * message is kept for the page to show.
 */
export function useSignIn() {
  const { signIn } = useSessionActions();
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(input: { email: string; password: string }): Promise<void> {
    setServerError(null);
    const parsed = loginSchema.safeParse(input);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        errors[field] ??= [issue.message];
      }
      const messages = firstMessages(errors);
      setFieldErrors(messages);
      focusFirstInvalid(messages);
      return;
    }
    setFieldErrors({});
    setSubmitting(true);
    try {
      await signIn(parsed.data.email, parsed.data.password);
    } catch (error) {
      if (error instanceof AuthRequestError) {
        setServerError(error.message);
        setFieldErrors(firstMessages(error.fieldErrors));
      } else {
        setServerError(SERVICE_UNREACHABLE);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, fieldErrors, serverError, submitting };
}
