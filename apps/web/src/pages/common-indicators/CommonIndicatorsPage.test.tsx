import type {
  CommonIndicatorItem,
  DefineCommonIndicatorInput,
  UpdateCommonIndicatorInput,
} from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { officerUser, overviewFixture } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { leadershipUser } from "../../features/finance/finance-fixtures";

const usersReached: CommonIndicatorItem = {
  id: 1,
  name: "Usagers accompagnés",
  unit: "nombre",
  unitLabel: "",
  aggregation: "somme",
  description: "",
  version: 3,
  isDemo: false,
  linkedIndicators: 2,
};

function serveCatalogue() {
  const defined: DefineCommonIndicatorInput[] = [];
  const updated: UpdateCommonIndicatorInput[] = [];
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "impact.commonIndicators": () => [usersReached],
    "impact.defineCommonIndicator": (input) => {
      const entry = input as DefineCommonIndicatorInput;
      defined.push(entry);
      return entry.name === usersReached.name
        ? new ProcedureError(
            "CONFLICT",
            "Un indicateur commun s'appelle déjà « Usagers accompagnés » : choisissez un autre nom.",
            409,
          )
        : { commonIndicatorId: 2, version: 1 };
    },
    "impact.updateCommonIndicator": (input) => {
      updated.push(input as UpdateCommonIndicatorInput);
      return { commonIndicatorId: 1, version: 4 };
    },
  });
  return { defined, updated };
}

describe("CommonIndicatorsPage", { timeout: 20_000 }, () => {
  it("lists the catalogue, refuses a free unit without its wording in French, and adds an indicator", async () => {
    mockAuth({ user: officerUser });
    const { defined } = serveCatalogue();
    renderApp("/indicateurs-communs");
    const table = await screen.findByRole(
      "table",
      { name: "Catalogue des indicateurs communs" },
      { timeout: 5_000 },
    );
    expect(
      Array.from(
        within(table).getAllByRole("row")[1]?.querySelectorAll("th, td") ?? [],
        (cell) => cell.textContent,
      ),
    ).toEqual(["Usagers accompagnés", "Nombre", "Somme", "2", "Modifier"]);
    expect(screen.getByRole("link", { name: "Indicateurs communs" })).toBeTruthy();

    await userEvent.type(screen.getByLabelText(/^Nom/), "Délai moyen de traitement");
    await userEvent.selectOptions(screen.getByLabelText(/^Unité/), "libre");
    await userEvent.selectOptions(screen.getByLabelText(/^Agrégation/), "moyenne_ponderee");
    expect(screen.getByText(/chaque lauréat pèse le poids que déclare son indicateur/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Ajouter au catalogue" }));
    expect(await screen.findByText("Précisez l'unité.")).toBeTruthy();
    expect(defined).toEqual([]);

    await userEvent.type(screen.getByLabelText(/^Libellé de l'unité/), "jours ouvrés");
    await userEvent.click(screen.getByRole("button", { name: "Ajouter au catalogue" }));
    await waitFor(() =>
      expect(defined).toEqual([
        {
          name: "Délai moyen de traitement",
          unit: "libre",
          unitLabel: "jours ouvrés",
          aggregation: "moyenne_ponderee",
          description: "",
        },
      ]),
    );
  });

  it("says why the server refused a name already taken", async () => {
    mockAuth({ user: officerUser });
    serveCatalogue();
    renderApp("/indicateurs-communs");
    await userEvent.type(await screen.findByLabelText(/^Nom/, {}, { timeout: 5_000 }), "Usagers accompagnés");
    await userEvent.click(screen.getByRole("button", { name: "Ajouter au catalogue" }));
    expect(
      await screen.findByText(
        "Un indicateur commun s'appelle déjà « Usagers accompagnés » : choisissez un autre nom.",
      ),
    ).toBeTruthy();
  });

  it("edits an indicator on the version read, its unit kept while indicators are linked", async () => {
    mockAuth({ user: officerUser });
    const { updated } = serveCatalogue();
    renderApp("/indicateurs-communs");
    await userEvent.click(
      await screen.findByRole("button", { name: "Modifier « Usagers accompagnés »" }, { timeout: 5_000 }),
    );
    expect(
      screen.getByText(/L'unité ne peut plus changer : 2 indicateurs suivis y sont rattachés/),
    ).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^Description/), "Personnes accompagnées.");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer les modifications" }));
    await waitFor(() =>
      expect(updated).toEqual([
        {
          commonIndicatorId: 1,
          version: 3,
          name: "Usagers accompagnés",
          unit: "nombre",
          unitLabel: "",
          aggregation: "somme",
          description: "Personnes accompagnées.",
        },
      ]),
    );
  });

  it("is not in the direction's navigation, and its address refuses access", async () => {
    mockAuth({ user: leadershipUser });
    serveCatalogue();
    renderApp("/indicateurs-communs");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Accès refusé" }, { timeout: 5_000 }),
    ).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Catalogue des indicateurs communs" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Indicateurs communs" })).toBeNull();
  });
});
