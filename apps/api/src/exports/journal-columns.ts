import {
  auditActionLabel,
  auditAuthor,
  auditChangeText,
  auditEntityLabel,
  auditRoleLabel,
  describeAuditChanges,
  formatPreciseDateTime,
  type AuditEventItem,
} from "@defis/domain";
import type { Column } from "./csv.js";

/**
 * Between two changes of one event. Not a line break: the file keeps one
 * event per line (a text's own line breaks become spaces); not ";", which
 * separates the tranches of a schedule.
 */
export const CHANGE_SEPARATOR = " | ";

function changesOf(event: AuditEventItem): string {
  return describeAuditChanges(event.action, event.before, event.after)
    .map(auditChangeText)
    .join(CHANGE_SEPARATOR)
    .replace(/\s*[\r\n]+\s*/g, " ");
}

/** The journal's CSV says each event with the words of the journal page, from the same domain functions. */
export const journalColumns: Column<AuditEventItem>[] = [
  { header: "Date (heure de Paris)", value: (event) => formatPreciseDateTime(event.occurredAt) },
  { header: "Auteur", value: auditAuthor },
  { header: "Adresse de l'auteur", value: (event) => event.actor?.email ?? "" },
  { header: "Rôle", value: (event) => auditRoleLabel(event) ?? "" },
  { header: "Action", value: auditActionLabel },
  { header: "Objet", value: auditEntityLabel },
  { header: "Identifiant", value: (event) => event.entityId },
  { header: "Lauréat", value: (event) => event.laureate?.title ?? "" },
  { header: "Modifications", value: changesOf },
  { header: "Référence de la requête", value: (event) => event.requestId ?? "" },
];
