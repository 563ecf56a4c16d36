import { Table } from "@codegouvfr/react-dsfr/Table";
import type { AuditEventItem } from "@defis/domain";
import { Link } from "react-router";
import { AuditChanges } from "../../components/AuditChanges";
import { actionLabel, actorName, actorRoleLabel, entityLabel } from "../../lib/audit-labels";
import { formatDateTime } from "../../lib/format";
import { ROUTES } from "../../routes";

export function JournalTable({ events, caption }: { events: AuditEventItem[]; caption: string }) {
  return (
    <Table
      caption={caption}
      fixed={false}
      headers={["Date et heure", "Auteur", "Rôle", "Action", "Objet", "Lauréat", "Modifications"]}
      data={events.map((event) => [
        <time key="date" dateTime={event.occurredAt.toISOString()}>
          {formatDateTime(event.occurredAt)}
        </time>,
        actorName(event),
        actorRoleLabel(event),
        actionLabel(event),
        entityLabel(event),
        event.laureate ? (
          <Link key="laureate" to={ROUTES.laureate(event.laureate.slug)}>
            {event.laureate.title}
          </Link>
        ) : (
          "—"
        ),
        <AuditChanges key="changes" event={event} />,
      ])}
    />
  );
}
