import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { errorCodeOf, useTRPC } from "../../lib/trpc";
import { fieldState, issuesByField, serverFieldErrorsOf } from "../../lib/form-errors";

/** After a replication action: the laureate's section, the national picture and the journal are read again. */
export function useRefreshReplication(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.replication.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);
  }, [queryClient, trpc]);
}

/**
 * A form's field messages: from the shared zod schema before sending, from
 * the server after. The first field in error takes the focus.
 */
export function useFieldErrors(idOf: (field: string) => string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const show = useCallback(
    (next: Record<string, string>) => {
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) setTimeout(() => document.getElementById(idOf(first))?.focus());
    },
    [idOf],
  );
  const fromIssues = useCallback(
    (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => show(issuesByField(issues)),
    [show],
  );
  const fromServer = useCallback((error: unknown) => show(serverFieldErrorsOf(error)), [show]);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, fromIssues, fromServer, clear };
}

/** A version conflict: someone changed the record meanwhile; the page reloads it for a new try. */
export function isConflict(error: unknown): boolean {
  return errorCodeOf(error) === "CONFLICT";
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  type?: "text" | "date" | "email" | "url";
  multiline?: boolean;
  maxLength?: number;
}

export function TextField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  type = "text",
  multiline = false,
  maxLength,
}: TextFieldProps) {
  const common = {
    id,
    value,
    maxLength,
    "aria-invalid": error ? true : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return multiline ? (
    <Input
      label={label}
      hintText={hint}
      textArea
      {...fieldState(error)}
      nativeTextAreaProps={{ ...common, rows: 3 }}
    />
  ) : (
    <Input
      label={label}
      hintText={hint}
      {...fieldState(error)}
      nativeInputProps={{ ...common, type, autoComplete: "off" }}
    />
  );
}
