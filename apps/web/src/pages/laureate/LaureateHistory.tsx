import { Table } from "@codegouvfr/react-dsfr/Table";
import { auditActionLabel, auditAuthor, auditRoleLabel, type AuditEventItem } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { AuditChanges } from "../../components/AuditChanges";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDateTime } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";

/** "Camille Durand (Chargé·e de mission DITP)"; a system author ("Rappels hebdomadaires") alone. */
function authorWithRole(event: AuditEventItem): string {
  const role = auditRoleLabel(event);
  return role ? `${auditAuthor(event)} (${role})` : auditAuthor(event);
}

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
        authorWithRole(event),
        auditActionLabel(event),
        <AuditChanges key="changes" event={event} />,
      ])}
    />
  );
}
