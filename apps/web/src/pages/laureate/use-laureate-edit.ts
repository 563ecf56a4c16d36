import {
  updateLaureateSchema,
  type FundingModeKey,
  type LaureateDetail,
  type MinistryKey,
  type UpdateLaureateInput,
} from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Issue } from "../../lib/form-errors";
import { conflictCurrentOf, errorCodeOf, useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";

/** What the form holds: partners as a text, one per line. */
export interface EditValues {
  porteur: string;
  ministry: MinistryKey;
  fundingMode: FundingModeKey;
  partnerLabs: string;
}
export type EditField = keyof EditValues;
export type EditFieldErrors = Partial<Record<EditField, string>>;

export const FIELD_IDS: Record<EditField, string> = {
  porteur: "fiche-porteur",
  ministry: "fiche-ministere",
  fundingMode: "fiche-mode-financement",
  partnerLabs: "fiche-partenaires",
};
const FIELDS = Object.keys(FIELD_IDS) as EditField[];

/** The record's editable facts and the version they belong to. */
export type EditableFacts = Pick<
  UpdateLaureateInput,
  "version" | "porteur" | "ministry" | "fundingMode" | "partnerLabs"
>;

const currentFactsSchema = updateLaureateSchema.pick({
  version: true,
  porteur: true,
  ministry: true,
  fundingMode: true,
  partnerLabs: true,
});

export function valuesOf(facts: EditableFacts): EditValues {
  return {
    porteur: facts.porteur,
    ministry: facts.ministry,
    fundingMode: facts.fundingMode,
    partnerLabs: facts.partnerLabs.join("\n"),
  };
}

function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function fieldErrorsOf(issues: readonly Issue[]): EditFieldErrors {
  const errors: EditFieldErrors = {};
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (!FIELDS.some((known) => known === field)) continue;
    // A partner's problem names its line: the list is one text field.
    const message = typeof index === "number" ? `Ligne ${index + 1} : ${issue.message}` : issue.message;
    errors[field as EditField] ??= message;
  }
  return errors;
}

/** On a version conflict, the record as it stands now, if the server sent it readable. */
export function currentFactsOf(error: unknown): EditableFacts | null {
  const parsed = currentFactsSchema.safeParse(conflictCurrentOf(error));
  return parsed.success ? parsed.data : null;
}

/**
 * The edit of a laureate's record, on the version the person read. A save on
 * an older version is refused (CONFLICT) with what the record holds now.
 */
export function useLaureateEdit(laureate: LaureateDetail, onSaved: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const slug = laureate.slug;
  const [values, setValues] = useState<EditValues>(() => valuesOf(laureate));
  const [version, setVersion] = useState(laureate.version);
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: (field) => FIELD_IDS[field] });

  const mutation = useMutation(
    trpc.laureates.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.laureates.bySlug.queryKey({ slug }), updated);
        // Lists, figures, journal and history all read what just changed.
        void queryClient.invalidateQueries({ queryKey: trpc.laureates.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.programme.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
        // The funding mode and the porteur weigh on the controls and on the SCDL file.
        void queryClient.invalidateQueries({ queryKey: trpc.controls.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.exports.pathKey() });
        onSaved();
      },
      onError: (error) => {
        if (errorCodeOf(error) === "CONFLICT")
          void queryClient.invalidateQueries({ queryKey: trpc.laureates.bySlug.queryKey({ slug }) });
        // The server checks the same schema; its field messages go beside the fields too.
        fieldErrors.fromServer(error);
      },
    }),
  );

  const change = (changes: Partial<EditValues>) => setValues((current) => ({ ...current, ...changes }));

  /** Sends the form if the schema accepts it; shows the field errors otherwise, the first one focused. */
  const submit = () => {
    const parsed = updateLaureateSchema.safeParse({
      laureateSlug: slug,
      version,
      porteur: values.porteur,
      ministry: values.ministry,
      fundingMode: values.fundingMode,
      partnerLabs: linesOf(values.partnerLabs),
    });
    if (!parsed.success) {
      fieldErrors.show(fieldErrorsOf(parsed.error.issues));
      return;
    }
    fieldErrors.clear();
    mutation.mutate(parsed.data);
  };

  /**
   * After a conflict: the form starts again from the record as it stands now,
   * on its version. Without readable values in the error, from the record
   * reloaded on the conflict (the page passes it down).
   */
  const takeCurrent = () => {
    const current = currentFactsOf(mutation.error) ?? laureate;
    setValues(valuesOf(current));
    setVersion(current.version);
    fieldErrors.clear();
    mutation.reset();
  };

  return {
    values,
    change,
    fieldErrors: fieldErrors.errors,
    submit,
    takeCurrent,
    saving: mutation.isPending,
    error: mutation.error,
    conflict: errorCodeOf(mutation.error) === "CONFLICT",
  };
}
