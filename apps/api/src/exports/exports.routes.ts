import type { Database } from "@defis/db";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  auditFiltersSchema,
  labelFrom,
  ROLES,
  type AuditEventItem,
} from "@defis/domain";
import express, { type Router } from "express";
import { allAuditEvents } from "../audit/audit-queries.js";
import { requireUser } from "../auth/require-user.js";
import { noStore } from "../http/guards.js";
import { datedFileName, toExcelCsv, type CsvColumn } from "./csv.js";

const parisTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});

const journalColumns: CsvColumn<AuditEventItem>[] = [
  { header: "Date (heure de Paris)", value: (event) => parisTime.format(event.occurredAt) },
  { header: "Auteur", value: (event) => event.actor?.displayName ?? "" },
  { header: "Adresse de l'auteur", value: (event) => event.actor?.email ?? "" },
  { header: "Rôle", value: (event) => (event.actorRole ? ROLES[event.actorRole] : "") },
  { header: "Action", value: (event) => AUDIT_ACTIONS[event.action] ?? event.action },
  { header: "Objet", value: (event) => labelFrom(AUDIT_ENTITIES, event.entity) },
  { header: "Identifiant", value: (event) => event.entityId },
  { header: "Lauréat", value: (event) => event.laureate?.title ?? "" },
  { header: "Avant", value: (event) => (event.before ? JSON.stringify(event.before) : "") },
  { header: "Après", value: (event) => (event.after ? JSON.stringify(event.after) : "") },
  { header: "Référence de la requête", value: (event) => event.requestId ?? "" },
];

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Downloads, named with their date, for the signed-in user's role. */
export function exportsRoutes(db: Database, production: boolean): Router {
  const exports = express.Router();
  exports.use(noStore());

  exports.get("/journal.csv", requireUser(db, production, "readAudit"), async (req, res) => {
    const parsed = auditFiltersSchema.safeParse({
      actorId: optionalNumber(req.query.acteur),
      entity: optionalString(req.query.objet),
      role: optionalString(req.query.role),
      from: optionalString(req.query.du),
      to: optionalString(req.query.au),
    });
    if (!parsed.success) {
      res.status(400).json({ error: { message: parsed.error.issues[0]?.message ?? "Filtres invalides." } });
      return;
    }
    const events = await allAuditEvents(db, parsed.data);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${datedFileName("journal", "csv")}"`);
    res.send(toExcelCsv(events, journalColumns));
  });

  return exports;
}
