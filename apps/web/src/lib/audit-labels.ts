import { AUDIT_ACTIONS, AUDIT_ENTITIES, ROLES, type AuditEventItem } from "@defis/domain";

/** The journal and a laureate's history describe an event with the same words. */
export function actorName(event: Pick<AuditEventItem, "actor">): string {
  return event.actor?.displayName ?? "Non renseigné";
}

export function actorRoleLabel(event: Pick<AuditEventItem, "actorRole">): string {
  return event.actorRole ? ROLES[event.actorRole] : "—";
}

/** An action code the web app does not know yet still shows, as its code. */
export function actionLabel(event: Pick<AuditEventItem, "action">): string {
  return AUDIT_ACTIONS[event.action] ?? event.action;
}

export function entityLabel(event: Pick<AuditEventItem, "entity">): string {
  return (AUDIT_ENTITIES as Record<string, string>)[event.entity] ?? event.entity;
}
