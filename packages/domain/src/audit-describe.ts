import { AUDIT_ACTIONS, AUDIT_ENTITIES, SYSTEM_AUTHORS, type AuditEventItem } from "./audit.js";
import { AUDIT_FIELDS } from "./audit-fields.js";
import { fieldOf, guessedField, type AuditField } from "./audit-values.js";
import { formatShortDate } from "./french-format.js";
import { labelFrom } from "./labels.js";
import { ROLES } from "./roles.js";

/**
 * An audit event as the journal page, a laureate's history and the journal's
 * CSV say it, from the same functions: the author, the action, and one line
 * per changed field ("Montant : 154 200,00 € → 165 000,00 €").
 */

/** One changed field of an event. */
export interface FieldChange {
  /** The key stored in the payload, for React keys and tests; never shown. */
  key: string;
  /** What a reader calls the field: "Montant", "Statut". */
  field: string;
  /** Null when the field had no value (creation, first sign-in). */
  before: string | null;
  after: string | null;
  /** False for a key the action's table does not list: its label was guessed from the key. */
  labelled: boolean;
}

function fieldsOf(action: string): Readonly<Record<string, AuditField>> {
  return Object.hasOwn(AUDIT_FIELDS, action) ? AUDIT_FIELDS[action as keyof typeof AUDIT_FIELDS] : {};
}

function valueText(field: AuditField, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return field.format(value);
}

/**
 * The changed fields of an event, in the order of the action's table (jsonb
 * does not keep the order the API wrote them in); unlisted keys come last.
 */
export function describeAuditChanges(
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const fields = fieldsOf(action);
  const order = Object.keys(fields);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort(
    (left, right) => rank(left) - rank(right),
  );
  return keys.flatMap((key) => {
    const known = fieldOf(fields, key);
    const field = known ?? guessedField(key);
    const change = {
      key,
      field: field.label,
      before: valueText(field, before?.[key]),
      after: valueText(field, after?.[key]),
      labelled: known !== null,
    };
    // A field empty before and after ("motif" of a step that needs none) says nothing.
    return change.before === null && change.after === null ? [] : [change];
  });
}

/** "Montant : 154 200,00 € → 165 000,00 €"; "Méthode : mot de passe" when there was no earlier value. */
export function auditChangeText(change: FieldChange): string {
  if (change.before === null) return `${change.field} : ${change.after ?? "(vide)"}`;
  return `${change.field} : ${change.before} → ${change.after ?? "(vide)"}`;
}

/**
 * Who wrote the event: the person, or the part of the application that did
 * ("Import du relevé du 06/12/2026", the day of the import; "Rappels
 * hebdomadaires"; "Démonstration").
 */
export function auditAuthor(event: Pick<AuditEventItem, "actor" | "systemAuthor" | "occurredAt">): string {
  if (event.actor) return event.actor.displayName;
  const system = event.systemAuthor ?? "systeme";
  const label = SYSTEM_AUTHORS[system];
  return system === "import" ? `${label} du ${formatShortDate(event.occurredAt)}` : label;
}

/** The author's role, or null for a system author (it has none). */
export function auditRoleLabel(event: Pick<AuditEventItem, "actorRole">): string | null {
  return event.actorRole ? ROLES[event.actorRole] : null;
}

/** An action code that is not in the dictionary (a removed one) still shows, as its code. */
export function auditActionLabel(event: Pick<AuditEventItem, "action">): string {
  return labelFrom(AUDIT_ACTIONS, event.action);
}

export function auditEntityLabel(event: Pick<AuditEventItem, "entity">): string {
  return labelFrom(AUDIT_ENTITIES, event.entity);
}
