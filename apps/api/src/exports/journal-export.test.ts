import type { DatabaseHandle } from "@defis/db";
import { schema } from "@defis/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, systemActor, type Actor } from "../audit/record-audit.js";
import {
  createTestDatabase,
  DEMO_EMAILS,
  sessionUserOf,
  signIn,
  startTestServer,
} from "../testing/test-app.js";
import { parisDay } from "../paris-day.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
/** French amounts as the formatter writes them: narrow no-break spaces between groups, no-break space before €. */
const euros = (text: string) => text.replace(/ €/g, `${NBSP}€`).replace(/(\d) (\d)/g, `$1${NNBSP}$2`);

/** What a reader must never find in the journal: centimes, stored codes, field code names, objects. */
const UNREADABLE = [
  /centimes/i,
  /\[object Object\]/,
  /demande_paiement|service_fait|\bpaye\b|charge_mission|\bsoleil\b/,
  /montantCentimes|numeroEj|dateConvention|datePrevue|conditionsVersement/,
  /pourcentage|trimestrielle|valeurInitiale|ciblesAnnuelles|\bpropose\b/,
  /Non renseigné/,
  /15420000|16500000/,
];

describe("the journal's CSV", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  let lines: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer(database);
    cookie = await signIn(server.url, DEMO_EMAILS.officer);
    const officer = await sessionUserOf(database, DEMO_EMAILS.officer);
    const [laureate] = await database.db
      .select({ id: schema.laureates.id })
      .from(schema.laureates)
      .where(eq(schema.laureates.slug, "dggn-lab-innovation"));
    const laureateId = laureate?.id ?? 0;
    const person: Actor = { userId: officer.id, role: officer.role, requestId: "req-journal" };
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, person, {
        action: "allocation.modification",
        entityId: "dggn-lab-innovation",
        laureateId,
        before: { montantCentimes: 15_420_000 },
        after: { montantCentimes: 16_500_000, motif: "Avenant n° 1" },
      });
      await recordAudit(tx, person, {
        action: "tranche.statut",
        entityId: 901,
        laureateId,
        before: { statut: "demande_paiement" },
        after: { statut: "paye", date: "2024-06-03", reference: "VIR-42", motif: null },
      });
      await recordAudit(tx, person, {
        action: "echeancier.planification",
        entityId: "dggn-lab-innovation",
        laureateId,
        after: {
          tranches: [
            { type: "avance", montantCentimes: 3_000_000, datePrevue: "2024-03-01" },
            { type: "solde", montantCentimes: 7_000_000, datePrevue: "2024-09-30" },
          ],
        },
      });
      await recordAudit(tx, person, {
        action: "financement.modification",
        entityId: "dggn-lab-innovation",
        laureateId,
        before: { numeroEj: null, dateConvention: null, conditionsVersement: null },
        after: { numeroEj: "2100999999", dateConvention: "2022-04-01", conditionsVersement: "echelonne" },
      });
      await recordAudit(tx, person, {
        action: "indicateur.creation",
        entityId: 7001,
        laureateId,
        after: {
          nom: "Taux de dossiers complets",
          unite: "pourcentage",
          sens: "hausse",
          valeurInitiale: 42.5,
          dateValeurInitiale: "2024-01-01",
          cible: 80,
          ciblesAnnuelles: [{ annee: 2025, valeur: 60 }],
          periodicite: "trimestrielle",
          statut: "suivi",
        },
      });
      await recordAudit(tx, person, {
        action: "indicateur.decision",
        entityId: 7002,
        laureateId,
        before: { statut: "propose" },
        after: { statut: "refuse", motifRefus: "Hors du périmètre du projet" },
      });
      await recordAudit(tx, person, {
        action: "mesure.correction",
        entityId: 7003,
        laureateId,
        before: { valeur: 1200 },
        after: { valeur: 1250.5 },
      });
      await recordAudit(tx, systemActor("rappels"), {
        action: "rappels.envoi",
        entityId: "rappels:journal-test",
        after: { semaine: "2026-11-30", declenchement: "planifié", rappelsSponsors: 3, alertesChargees: 1 },
      });
      await recordAudit(tx, systemActor("import"), {
        action: "import.paiements",
        entityId: "sha-journal-test",
        after: { format: "xlsx", lignes: 2, versementsImportes: 2, montantCentimes: 123_456 },
      });
    });
    const response = await fetch(`${server.url}/api/exports/journal.csv`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    lines = text.slice(1, -2).split("\r\n");
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  /** The fields of the line of an event, found by its identifier. */
  function lineOf(entityId: string, action: string): string[] {
    const found = lines.find((line) => line.includes(`;${action};`) && line.includes(`;${entityId};`));
    expect(found, `${action} ${entityId}`).toBeDefined();
    return (found ?? "").split(";");
  }

  it("names the columns of the page, changes in one column", () => {
    expect(lines[0]).toBe(
      "Date (heure de Paris);Auteur;Adresse de l'auteur;Rôle;Action;Objet;Identifiant;Lauréat;Modifications;" +
        "Référence de la requête",
    );
    expect(lines.some((line) => line.includes("\n"))).toBe(false);
  });

  it("writes amounts in euros, statuses by their labels, a schedule as its tranches", () => {
    const [, author, email, role, , object, , , allocation] = lineOf(
      "dggn-lab-innovation",
      "Modification d'une allocation",
    );
    expect([author, email, role, object]).toEqual([
      "Camille Durand (démo)",
      DEMO_EMAILS.officer,
      "Chargé·e de mission DITP",
      "Allocation",
    ]);
    expect(allocation).toBe(euros("Montant alloué : 154 200,00 € → 165 000,00 € | Motif : Avenant n° 1"));
    expect(lineOf("901", "Changement de statut d'une tranche")[8]).toBe(
      "Statut : Demande de paiement → Payé | Date : 03/06/2024 | Référence : VIR-42",
    );
    // The schedule's tranches are separated by ";": the field is quoted.
    const schedule = lines.find((line) => line.includes("Planification de l'échéancier")) ?? "";
    expect(schedule).toContain(
      euros('"Échéancier : Avance 30 000,00 € le 01/03/2024 ; Solde 70 000,00 € le 30/09/2024"'),
    );
    expect(lineOf("dggn-lab-innovation", "Modification du dossier de financement")[8]).toBe(
      "Date de la convention : 01/04/2022 | Numéro d'engagement juridique (EJ) : 2100999999 | " +
        "Conditions de versement : Versements échelonnés",
    );
  });

  it("says what an indicator is, how a proposal was answered, how a measure was corrected", () => {
    expect(lineOf("7001", "Définition d'un indicateur d'impact")[8]).toBe(
      `Nom : Taux de dossiers complets | Unité : % | Sens souhaité : À la hausse | Valeur initiale : 42,5 | ` +
        `Date de la valeur initiale : 01/01/2024 | Cible : 80 | Cibles annuelles : 2025 : 60 | ` +
        `Périodicité : Trimestrielle | Statut : Suivi`,
    );
    expect(lineOf("7002", "Réponse à une proposition d'indicateur")[8]).toBe(
      "Statut : Proposé → Refusé | Raison du refus : Hors du périmètre du projet",
    );
    expect(lineOf("7003", "Correction d'une mesure d'indicateur")[8]).toBe(
      `Valeur : 1${NNBSP}200 → 1${NNBSP}250,5`,
    );
  });

  it("names the author of what the application did by itself", () => {
    const reminders = lineOf("rappels:journal-test", "Envoi des rappels");
    expect(reminders.slice(1, 4)).toEqual(["Rappels hebdomadaires", "", ""]);
    expect(reminders[8]).toBe(
      "Semaine du : 30/11/2026 | Déclenchement : planifié | Rappels aux sponsors : 3 | " +
        "Alertes aux chargé·es de mission : 1",
    );
    const [day = "", month = "", year = ""] = parisDay().split("-").reverse();
    const imported = lineOf("sha-journal-test", "Import d'un relevé de paiements");
    expect(imported[1]).toBe(`Import du relevé du ${day}/${month}/${year}`);
    expect(imported[8]).toBe(
      euros(
        "Format du fichier : Classeur XLSX | Lignes lues : 2 | Versements importés : 2 | Montant importé : 1 234,56 €",
      ),
    );
  });

  it("shows no centimes, no stored code, no field code name, no object, no blank author", () => {
    for (const line of lines) {
      for (const pattern of UNREADABLE) expect(line).not.toMatch(pattern);
      expect(line.split(";")[1]).not.toBe("");
    }
  });
});
