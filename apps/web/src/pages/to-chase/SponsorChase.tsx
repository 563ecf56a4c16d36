import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import {
  chaseRefusal,
  MAIL_KINDS,
  MAIL_STATUSES,
  waitingSince,
  type FollowUpRow,
  type SponsorContact,
} from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { ReasonedButton } from "../../components/ReasonedButton";
import { formatDate, formatDateTime } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";

interface SponsorChaseProps {
  sponsor: SponsorContact;
  /** Every follow-up row: the reminder lists those of the sponsor that wait. */
  rows: FollowUpRow[];
  /** The sponsor's rows that wait, as the page lists them. */
  waiting: FollowUpRow[];
  deliveryConfigured: boolean;
}

function WaitingSince({ rows }: { rows: FollowUpRow[] }) {
  const since = waitingSince(rows);
  if (since === null) return <>rien n'attend</>;
  return since.kind === "jamais" ? (
    <>une partie du suivi n'a jamais été mise à jour</>
  ) : (
    <>le {formatDate(since.day)}</>
  );
}

/**
 * Whom to write to and when they were last reminded, and "Relancer
 * maintenant": one mail of exactly what is missing, at most once a day.
 */
export function SponsorChase({ sponsor, rows, waiting, deliveryConfigured }: SponsorChaseProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remind = useMutation(
    trpc.reminders.remindSponsor.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.progress.toChase.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.reminders.outbox.pathKey() }),
        ]),
    }),
  );
  const last = sponsor.lastReminder;
  const buttonId = `relancer-${String(sponsor.id)}`;
  return (
    <div className={fr.cx("fr-mb-3w")}>
      <ul className={fr.cx("fr-text--sm")}>
        <li>
          Adresse : <a href={`mailto:${sponsor.email}`}>{sponsor.email}</a>
        </li>
        <li>
          En attente depuis : <WaitingSince rows={waiting} />
        </li>
        <li>
          Dernier rappel :{" "}
          {last
            ? `${MAIL_KINDS[last.kind]}, écrit le ${formatDateTime(last.createdAt)} ; statut : ${MAIL_STATUSES[last.status]}`
            : "aucun"}
        </li>
      </ul>
      <ReasonedButton
        id={buttonId}
        priority="secondary"
        size="small"
        // Reminded just now: the same reason as after the page is read again.
        reason={chaseRefusal({ ...sponsor, chasedToday: sponsor.chasedToday || remind.isSuccess }, rows)}
        busy={remind.isPending}
        onClick={() => remind.mutate({ sponsorId: sponsor.id })}
      >
        Relancer maintenant <span className={fr.cx("fr-sr-only")}>{sponsor.displayName}</span>
      </ReasonedButton>
      <div role="status" aria-live="polite">
        {remind.isPending && <p className={fr.cx("fr-text--sm")}>Écriture de la relance…</p>}
        {remind.data && (
          <Alert
            className={fr.cx("fr-mt-2w")}
            severity="success"
            small
            role={undefined}
            description={`Relance écrite pour ${sponsor.displayName} (${String(remind.data.laureates)} projet${remind.data.laureates > 1 ? "s" : ""}) : ${
              deliveryConfigured
                ? "elle part par courriel dans la minute."
                : "aucun serveur d'envoi n'est configuré, elle reste lisible sur la page « Rappels »."
            }`}
          />
        )}
      </div>
      {remind.error && (
        <ActionErrorAlert error={remind.error} title="La relance n'a pas été écrite" placement="below" />
      )}
    </div>
  );
}
