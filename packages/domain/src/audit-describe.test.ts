import { describe, expect, it } from "vitest";
import { auditAuthor, auditChangeText, describeAuditChanges } from "./audit-describe.js";
import { AUDIT_FIELDS } from "./audit-fields.js";
import { AUDIT_ACTIONS, SYSTEM_AUTHORS, type SystemAuthor } from "./audit.js";
import type { AuditField, VocabularyFormat } from "./audit-values.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
/** French amounts as the formatter writes them: narrow no-break spaces between groups, no-break space before €. */
const euros = (text: string) => text.replace(/ €/g, `${NBSP}€`).replace(/(\d) (\d)/g, `$1${NNBSP}$2`);

/** Values of every shape a payload holds: whatever a field receives, it reads as French text. */
const SAMPLES: unknown[] = [
  15_420_000,
  0,
  "demande_paiement",
  "2024-03-01",
  "2024-03",
  true,
  false,
  [],
  ["Lab A", "Lab B"],
  [{ type: "avance", montantCentimes: 3_000_000, datePrevue: "2024-03-01" }],
  { periode: "2024-03", meteo: "soleil", synthese: "Tout va bien" },
  { "12": { titre: "Pilote", statut: "atteint", echeance: "2024-05-31" } },
];

/** A stored code ("demande_paiement", "montantCentimes") is not something a reader should see. */
const CODE_NAME = /\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/;

function isVocabulary(format: AuditField["format"]): format is VocabularyFormat {
  return "labels" in format;
}

describe("every audit action, every key it writes", () => {
  const actions = Object.keys(AUDIT_ACTIONS);

  it("has a table of fields for each action of the dictionary", () => {
    expect(actions.filter((action) => !Object.hasOwn(AUDIT_FIELDS, action))).toEqual([]);
  });

  for (const action of actions) {
    const fields: Readonly<Record<string, AuditField>> = AUDIT_FIELDS[action as keyof typeof AUDIT_FIELDS];
    for (const [key, field] of Object.entries(fields)) {
      it(`${action} · ${key}: a French label, values without codes, centimes or objects`, () => {
        expect(field.label.trim()).not.toBe("");
        expect(field.label).not.toBe(key);
        expect(field.label).not.toMatch(CODE_NAME);
        const [change] = describeAuditChanges(action, null, { [key]: "x" });
        expect(change).toMatchObject({ field: field.label, labelled: true });
        for (const sample of SAMPLES) {
          const text = field.format(sample);
          expect(text).not.toContain("[object Object]");
          expect(text).not.toContain("undefined");
          expect(text).not.toMatch(/centimes/i);
          expect(text).not.toBe(String(15_420_000));
        }
        if (isVocabulary(field.format)) {
          for (const [code, label] of Object.entries(field.format.labels)) {
            expect(field.format(code)).toBe(label);
          }
        }
      });
    }
  }
});

describe("describeAuditChanges", () => {
  const line = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown>) =>
    describeAuditChanges(action, before, after).map(auditChangeText);

  it("writes amounts in euros and statuses by their labels", () => {
    expect(
      line("allocation.modification", { montantCentimes: 15_420_000 }, { montantCentimes: 16_500_000 }),
    ).toEqual([euros("Montant alloué : 154 200,00 € → 165 000,00 €")]);
    expect(
      line("tranche.statut", { statut: "demande_paiement" }, { statut: "paye", date: "2024-06-03" }),
    ).toEqual(["Statut : Demande de paiement → Payé", "Date : 03/06/2024"]);
  });

  it("reads a schedule as its tranches", () => {
    expect(
      line("echeancier.planification", null, {
        tranches: [
          { type: "avance", montantCentimes: 3_000_000, datePrevue: "2024-03-01" },
          { type: "solde", montantCentimes: 7_000_000, datePrevue: "2024-09-30" },
        ],
      }),
    ).toEqual([euros("Échéancier : Avance 30 000,00 € le 01/03/2024 ; Solde 70 000,00 € le 30/09/2024")]);
  });

  it("reads booleans, lists, vocabularies and nested records in French", () => {
    expect(
      line(
        "utilisateur.modification",
        { actif: true, role: "sponsor", perimetre: ["ministère interieur"] },
        { actif: false, role: "charge_mission", perimetre: [] },
      ),
    ).toEqual([
      "Rôle : Sponsor ministériel → Chargé·e de mission DITP",
      "Périmètre : Ministère : Ministère de l'Intérieur → aucun",
      "Actif : oui → non",
    ]);
    expect(
      line(
        "suivi.mise-a-jour",
        { meteo: null },
        {
          // As jsonb returns it: the journal reads it in the order of the fields' table.
          meteo: { meteo: "Soleil", periode: "2024-03", synthese: "RAS" },
          jalons: { "4": { titre: "Pilote", statut: "atteint", atteintLe: "2024-03-12" } },
        },
      ),
    ).toEqual([
      "Météo : Période : mars 2024, Météo : Soleil, Synthèse : RAS",
      "Jalons : Titre : Pilote, Statut : Atteint, Atteint le : 12/03/2024",
    ]);
  });

  it("still reads a key no table lists yet, as words, amounts in euros, and says it was guessed", () => {
    expect(describeAuditChanges("versement.enregistrement", null, { fraisAnnexesCentimes: 1_050 })).toEqual([
      {
        key: "fraisAnnexesCentimes",
        field: "Frais annexes",
        before: null,
        after: euros("10,50 €"),
        labelled: false,
      },
    ]);
  });
});

describe("auditAuthor", () => {
  const occurredAt = new Date("2026-12-06T09:30:00Z");

  it("names the person, or the part of the application that wrote the event", () => {
    expect(
      auditAuthor({
        actor: { id: 1, displayName: "Camille Durand", email: "c@x.fr" },
        systemAuthor: null,
        occurredAt,
      }),
    ).toBe("Camille Durand");
    expect(auditAuthor({ actor: null, systemAuthor: "import", occurredAt })).toBe(
      "Import du relevé du 06/12/2026",
    );
    expect(auditAuthor({ actor: null, systemAuthor: "rappels", occurredAt })).toBe("Rappels hebdomadaires");
    expect(auditAuthor({ actor: null, systemAuthor: "demonstration", occurredAt })).toBe("Démonstration");
  });

  it("never leaves a system event without an author", () => {
    for (const systemAuthor of [...Object.keys(SYSTEM_AUTHORS), null] as (SystemAuthor | null)[]) {
      const author = auditAuthor({ actor: null, systemAuthor, occurredAt });
      expect(author).not.toBe("");
      expect(author).not.toMatch(/non renseigné/i);
    }
  });
});
