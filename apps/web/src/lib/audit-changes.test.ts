import { describe, expect, it } from "vitest";
import { describeChanges } from "./audit-changes";

describe("describeChanges", () => {
  it("names the fields and their values as a reader says them", () => {
    expect(
      describeChanges(
        { porteur: "DEAL", ministere: "interieur", laboratoiresPartenaires: [] },
        {
          porteur: "DEAL de La Réunion",
          ministere: "transition-ecologique",
          laboratoiresPartenaires: ["Lab A", "Lab B"],
        },
      ),
    ).toEqual([
      { field: "Porteur du projet", before: "DEAL", after: "DEAL de La Réunion" },
      {
        field: "Ministère de rattachement",
        before: "Ministère de l'Intérieur",
        after: "Ministère de la Transition écologique",
      },
      { field: "Laboratoires et partenaires", before: "aucun", after: "Lab A, Lab B" },
    ]);
  });

  it("keeps a field with no earlier value, and unknown fields under their own name", () => {
    expect(describeChanges(null, { methode: "mot de passe", actif: true, inconnu: 3 })).toEqual([
      { field: "Méthode", before: null, after: "mot de passe" },
      { field: "Actif", before: null, after: "oui" },
      { field: "inconnu", before: null, after: "3" },
    ]);
  });
});
