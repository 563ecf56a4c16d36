import { loginSchema, type LoginInput } from "@defis/domain";
import { useState } from "react";
import { AuthRequestError, SERVICE_UNREACHABLE } from "../../lib/auth-api";
import { useSessionActions } from "../../lib/session";
import { useFormErrors } from "../../lib/use-form-errors";

export type SignInField = keyof LoginInput;
export type SignInFieldErrors = Partial<Record<SignInField, string>>;

export const FIELD_IDS: Record<SignInField, string> = {
  email: "connexion-email",
  password: "connexion-mot-de-passe",
};

/**
 * Checks the form with the schema the server uses, then signs in. On success
 * the session changes and the page redirects; on failure the server's
 * message is kept for the page to show. The person fixes the first wrong
 * field first (RGAA 11.10: errors are found and reachable).
 */
export function useSignIn() {
  const { signIn } = useSessionActions();
  const fieldErrors = useFormErrors<SignInField>({
    fields: ["email", "password"],
    idOf: (field) => FIELD_IDS[field],
  });
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(input: { email: string; password: string }): Promise<void> {
    setServerError(null);
    const credentials = fieldErrors.check(loginSchema.safeParse(input));
    if (credentials === null) return;
    setSubmitting(true);
    try {
      await signIn(credentials.email, credentials.password);
    } catch (error) {
      if (error instanceof AuthRequestError) {
        setServerError(error.message);
        fieldErrors.fromServer(error);
      } else {
        setServerError(SERVICE_UNREACHABLE);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, fieldErrors: fieldErrors.errors, serverError, submitting };
}
