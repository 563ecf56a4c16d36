import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { errorCodeOf, useTRPC } from "../../lib/trpc";
import { fieldState } from "../../lib/form-errors";

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
