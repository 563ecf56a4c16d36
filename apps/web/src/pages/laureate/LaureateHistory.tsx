import { Table } from "@codegouvfr/react-dsfr/Table";
import { useQuery } from "@tanstack/react-query";
import { AuditChanges } from "../../components/AuditChanges";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { actionLabel, actorName, actorRoleLabel } from "../../lib/audit-labels";
import { formatDateTime } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";

/** The "Historique" tab: who changed this laureate's record, when, and what. */
export function LaureateHistory({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.audit.forLaureate.queryOptions({ slug }));

  if (history.isPending) return <LoadingState label="Chargement de l'historique" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0)
    return (
      <EmptyState title="Aucune modification enregistrée">
        La fiche de ce lauréat n'a pas été modifiée depuis son import.
      </EmptyState>
    );
  return (
    <Table
      caption="Historique des modifications de la fiche"
      fixed={false}
      headers={["Date et heure", "Auteur", "Action", "Modifications"]}
      data={history.data.map((event) => [
        <time key="date" dateTime={event.occurredAt.toISOString()}>
          {formatDateTime(event.occurredAt)}
        </time>,
        `${actorName(event)} (${actorRoleLabel(event)})`,
        actionLabel(event),
        <AuditChanges key="changes" event={event} />,
      ])}
    />
  );
}
