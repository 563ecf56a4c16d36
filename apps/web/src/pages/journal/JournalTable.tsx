import { Table } from "@codegouvfr/react-dsfr/Table";
import {
  auditActionLabel,
  auditAuthor,
  auditEntityLabel,
  auditRoleLabel,
  type AuditEventItem,
} from "@defis/domain";
import { Link } from "react-router";
import { AuditChanges } from "../../components/AuditChanges";
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
        auditAuthor(event),
        // A system author (import, reminders, demonstration) has no role.
        auditRoleLabel(event) ?? "—",
        auditActionLabel(event),
        auditEntityLabel(event),
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
