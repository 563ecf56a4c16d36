import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { updateFollowUpSettingsSchema, type FollowUpSettings } from "@defis/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDateTime, pluralize } from "../../lib/format";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { fieldState } from "../../lib/form-errors";
import { conflictCurrentOf, errorCodeOf, useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";

/** The administrator sets after how many days a part of the follow-up is stale. */
export function FollowUpSettingsSection() {
  const trpc = useTRPC();
  const headingId = useId();
  const settings = useQuery(trpc.progress.settings.queryOptions());
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mt-6w")}>
      <h2 id={headingId}>Fréquence de mise à jour du suivi</h2>
      <p>
        Les jalons et la météo d'un projet sont à mettre à jour quand ils ne l'ont pas été depuis ce nombre de
        jours : le projet est signalé et rappelé chaque lundi à son sponsor. Au-delà du double, les chargé·es
        de mission sont alerté·es.
      </p>
      {settings.isPending && <LoadingState label="Chargement du réglage" />}
      {settings.isError && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <CadenceForm settings={settings.data} />}
      {settings.data?.updatedBy && (
        <p className={fr.cx("fr-text--sm")}>
          Dernière modification le {formatDateTime(settings.data.updatedAt)} par{" "}
          {settings.data.updatedBy.displayName}.
        </p>
      )}
    </section>
  );
}

/** The form keeps the version it started from: a change made meanwhile is shown, not overwritten. */
function CadenceForm({ settings }: { settings: FollowUpSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [draft, setDraft] = useState(String(settings.staleAfterDays));
  const [version, setVersion] = useState(settings.version);
  const fieldErrors = useFormErrors({ fields: ["staleAfterDays"], idOf: () => inputId });
  const invalid = fieldErrors.errors.staleAfterDays;
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation(
    trpc.progress.updateSettings.mutationOptions({
      onSuccess: async (result) => {
        setVersion(result.version);
        setSaved(result.staleAfterDays);
        await queryClient.invalidateQueries({ queryKey: trpc.progress.settings.queryKey() });
      },
    }),
  );
  const conflict = errorCodeOf(save.error) === "CONFLICT";
  const current = conflict ? conflictCurrentOf(save.error) : null;
  const currentDays = typeof current?.staleAfterDays === "number" ? current.staleAfterDays : null;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    const input = fieldErrors.check(
      updateFollowUpSettingsSchema.safeParse({
        staleAfterDays: draft.trim() === "" ? Number.NaN : Number(draft),
        version,
      }),
    );
    if (input) save.mutate(input);
    else save.reset();
  }

  function takeCurrent() {
    if (currentDays === null || typeof current?.version !== "number") return;
    setDraft(String(currentDays));
    setVersion(current.version);
    save.reset();
  }

  return (
    <form aria-label="Fréquence de mise à jour" noValidate onSubmit={submit}>
      <Input
        label="Jours avant relance"
        hintText="Un nombre entier de jours, de 7 à 365."
        {...fieldState(invalid)}
        nativeInputProps={{
          id: inputId,
          type: "number",
          inputMode: "numeric",
          min: 7,
          max: 365,
          step: 1,
          value: draft,
          "aria-invalid": invalid ? true : undefined,
          onChange: (event) => {
            setDraft(event.target.value);
            fieldErrors.clear();
          },
        }}
      />
      <Button type="submit" disabled={save.isPending}>
        Enregistrer
      </Button>
      <div role="status" aria-live="polite" className={fr.cx("fr-mt-2w")}>
        {save.isPending && <p>Enregistrement en cours…</p>}
        {saved !== null && (
          <Alert
            severity="success"
            small
            role={undefined}
            description={`Réglage enregistré : une partie du suivi est à mettre à jour après ${pluralize(saved, "jour")}.`}
          />
        )}
      </div>
      {conflict && (
        <StaleVersionAlert
          title="Le réglage a été modifié entre-temps"
          error={save.error}
          as="h3"
          placement="below"
          actionLabel="Reprendre la valeur actuelle"
          onAction={takeCurrent}
        >
          {currentDays !== null && (
            <p className={fr.cx("fr-mb-2w")}>Valeur actuelle : {pluralize(currentDays, "jour")}.</p>
          )}
        </StaleVersionAlert>
      )}
      {save.error && !conflict && (
        <ActionErrorAlert error={save.error} title="Le réglage n'a pas été enregistré" placement="below" />
      )}
    </form>
  );
}
