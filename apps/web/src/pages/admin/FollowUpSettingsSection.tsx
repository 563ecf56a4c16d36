import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { updateFollowUpSettingsSchema, type FollowUpSettings } from "@defis/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDateTime, pluralize } from "../../lib/format";
import { conflictCurrentOf, describeError, errorCodeOf, useTRPC } from "../../lib/trpc";

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
  const [invalid, setInvalid] = useState<string | null>(null);
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
  const failure = save.error && !conflict ? describeError(save.error) : null;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    const parsed = updateFollowUpSettingsSchema.safeParse({
      staleAfterDays: draft.trim() === "" ? Number.NaN : Number(draft),
      version,
    });
    if (!parsed.success) {
      save.reset();
      setInvalid(parsed.error.issues[0]?.message ?? "Valeur invalide.");
      document.getElementById(inputId)?.focus();
      return;
    }
    setInvalid(null);
    save.mutate(parsed.data);
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
        {...(invalid ? { state: "error" as const, stateRelatedMessage: invalid } : {})}
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
            setInvalid(null);
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
        <Alert
          className={fr.cx("fr-mt-2w")}
          severity="warning"
          role="alert"
          as="h3"
          title="Le réglage a été modifié entre-temps"
          description={
            <>
              <p className={fr.cx("fr-mb-2w")}>
                {describeError(save.error).message}
                {currentDays !== null && <> Valeur actuelle : {pluralize(currentDays, "jour")}.</>}
              </p>
              <Button priority="secondary" size="small" type="button" onClick={takeCurrent}>
                Reprendre la valeur actuelle
              </Button>
            </>
          }
        />
      )}
      {failure && (
        <Alert
          className={fr.cx("fr-mt-2w")}
          severity="error"
          role="alert"
          as="h3"
          title="Le réglage n'a pas été enregistré"
          description={
            <>
              {failure.message}
              {failure.requestId && <> (référence : {failure.requestId})</>}
            </>
          }
        />
      )}
    </form>
  );
}
