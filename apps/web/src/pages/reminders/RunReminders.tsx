import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { RemindersRun } from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatShortDate, pluralize } from "../../lib/format";
import { errorCodeOf, useTRPC } from "../../lib/trpc";
import { ErrorText } from "../../components/ErrorText";

function describeRun(run: RemindersRun): string {
  const written = run.digests + run.alerts;
  if (written === 0)
    return `Rappels de la semaine du ${formatShortDate(run.week)} préparés : aucun message à écrire, tous les projets sont à jour.`;
  return `Rappels de la semaine du ${formatShortDate(run.week)} préparés : ${pluralize(run.digests, "rappel")} aux sponsors, ${pluralize(run.alerts, "alerte")} aux chargé·es de mission.`;
}

/**
 * Prepares this week's reminders ahead of Monday's schedule. The server runs a
 * week once and says so in French when it already ran; both answers are
 * announced in a live region.
 */
export function RunReminders() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useMutation(
    trpc.reminders.runNow.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.reminders.outbox.pathKey() }),
    }),
  );
  const alreadyRun = errorCodeOf(run.error) === "CONFLICT";

  return (
    <div className={fr.cx("fr-mb-4w")}>
      <Button
        iconId="fr-icon-mail-line"
        type="button"
        disabled={run.isPending}
        onClick={() => {
          if (!run.isPending) run.mutate({});
        }}
      >
        Préparer les rappels de la semaine
      </Button>
      <div role="status" aria-live="polite" className={fr.cx("fr-mt-2w")}>
        {run.isPending && <p>Préparation des rappels en cours…</p>}
        {run.data && <Alert severity="success" small role={undefined} description={describeRun(run.data)} />}
        {run.error && (
          <Alert
            severity={alreadyRun ? "info" : "error"}
            small
            role={undefined}
            description={<ErrorText error={run.error} />}
          />
        )}
      </div>
    </div>
  );
}
