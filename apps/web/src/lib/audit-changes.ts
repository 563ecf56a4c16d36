import { FUNDING_MODES, MINISTRIES, ROLES } from "@defis/domain";

/** One line of an audit event: "Porteur du projet : avant → après". */
export interface FieldChange {
  field: string;
  /** Null when the field had no value (creation, first sign-in). */
  before: string | null;
  after: string | null;
}

/** The field names the API writes in the audit trail, as a reader says them. */
const FIELD_LABELS: Record<string, string> = {
  porteur: "Porteur du projet",
  ministere: "Ministère de rattachement",
  modeFinancement: "Mode de financement",
  laboratoiresPartenaires: "Laboratoires et partenaires",
  email: "Adresse électronique",
  nom: "Nom",
  role: "Rôle",
  perimetre: "Périmètre",
  actif: "Actif",
  motDePasse: "Mot de passe",
  methode: "Méthode",
};

/** Codes stored in the trail, shown with their label. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  ministere: MINISTRIES,
  modeFinancement: FUNDING_MODES,
  role: ROLES,
};

function describeValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (Array.isArray(value)) return value.length === 0 ? "aucun" : value.map(String).join(", ");
  if (typeof value === "string") return VALUE_LABELS[field]?.[value] ?? value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** The changed fields of an event, in the order the API wrote them. */
export function describeChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => ({
    field: FIELD_LABELS[field] ?? field,
    before: describeValue(field, before?.[field]),
    after: describeValue(field, after?.[field]),
  }));
}
