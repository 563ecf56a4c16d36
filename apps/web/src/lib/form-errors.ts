import type { AppRouter } from "@defis/api";
import type { TRPCClientErrorLike } from "@trpc/client";

type ApiError = TRPCClientErrorLike<AppRouter>;

/** A zod issue, as far as a form reads it. */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The server's field messages (BAD_REQUEST), the first one per field: tRPC
 * sends them in the error's data, the sign-in endpoints on the error itself.
 */
export function serverFieldErrorsOf(error: unknown): Record<string, string> {
  const refusal = error as (ApiError & { fieldErrors?: Record<string, string[]> }) | null | undefined;
  const fieldErrors = refusal?.data?.fieldErrors ?? refusal?.fieldErrors ?? {};
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const [first] = (messages as string[] | undefined) ?? [];
    if (first) errors[field] = first;
  }
  return errors;
}

/** The first message of each field of a zod-like issue list, keyed by the issue's top-level field. */
export function issuesByField(issues: readonly Issue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** DSFR input state for an optional message. */
export function fieldState(message: string | undefined) {
  return message ? { state: "error" as const, stateRelatedMessage: message } : {};
}
