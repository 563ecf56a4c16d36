import type { MoveAdoptionInput, RecordAdoptionInput, ScoreLaureateInput, SessionUser } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import { laureateDetailFixture, officerUser, overviewFixture, sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { leadershipUser } from "../finance/finance-fixtures";
import { laureateReplicationFixture } from "./replication-fixtures";

const URL = "/laureats/registre-reunion?onglet=essaimage";

function serve(mutations: Record<string, (input: unknown) => unknown> = {}) {
  const calls: { path: string; input: unknown }[] = [];
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "laureates.bySlug": () => laureateDetailFixture,
    "replication.forLaureate": () => laureateReplicationFixture,
    ...Object.fromEntries(
      Object.entries(mutations).map(([path, resolve]) => [
        path,
        (input: unknown) => {
          calls.push({ path, input });
          return resolve(input);
        },
      ]),
    ),
  });
  return calls;
}

const open = () => screen.findByRole("heading", { name: "Potentiel d'essaimage" }, { timeout: 5_000 });

describe("LaureateReplication", { timeout: 20_000 }, () => {
  it("shows everyone the index, its formula, the criteria, the adoptions and the suggestions", async () => {
    mockAuth({ user: leadershipUser });
    serve();
    renderApp(URL);
    await open();
    expect(screen.getByRole("tab", { name: "Essaimage" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByText("Indice de potentiel : 64 / 100 (potentiel moyen)")).toBeTruthy();
    expect(screen.getByText(/Indice = 100 × \(maturité/)).toBeTruthy();
    const criteria = screen.getByRole("table", { name: "Grille d'essaimage en vigueur" });
    expect(within(criteria).getAllByRole("row")).toHaveLength(7);
    const adoptions = screen.getByRole("table", { name: /reprennent « Registre des transports »/ });
    expect(within(adoptions).getByText("Occitanie, Haute-Garonne (31)")).toBeTruthy();
    expect(within(adoptions).getByText("Identifiée le 01/02/2024")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Laboratoire national" })).toBeTruthy();
    // Leadership reads only.
    expect(
      screen.queryByRole("button", { name: /Noter|Enregistrer une adoption|Passer|Ajouter|Clôturer/ }),
    ).toBeNull();
  });

  it("lets the officer score the laureate again, from the scorecard read", async () => {
    mockAuth({ user: officerUser });
    const calls = serve({ "replication.score": () => ({ scorecardId: 8, index: 71 }) });
    renderApp(URL);
    await open();
    await userEvent.click(screen.getByRole("button", { name: "Noter à nouveau" }));
    const maturity = screen.getByRole("group", { name: "Maturité de la solution" });
    await userEvent.click(within(maturity).getByLabelText("4 — très favorable"));
    expect(screen.getByText("Indice calculé : 68 / 100 (potentiel moyen)")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer la grille" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    const input = calls[0]?.input as ScoreLaureateInput;
    expect(input.basedOnScorecardId).toBe(7);
    expect(input.criteria.maturity.score).toBe(4);
    expect(input.sponsorName).toBe("Sacha Bernard");
    expect(await screen.findByText("Grille enregistrée : indice 71 / 100 (potentiel élevé).")).toBeTruthy();
  });

  it("records an adoption and moves it to the next stage, refusing an incomplete form first", async () => {
    mockAuth({ user: sponsorUser });
    const calls = serve({
      "replication.recordAdoption": () => ({ adoptionId: 20, version: 1 }),
      "replication.moveAdoption": () => ({ adoptionId: 11, stage: "contactee", version: 2 }),
    });
    renderApp(URL);
    await open();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer une adoption" }));
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer l'adoption" }));
    expect(await screen.findByText("Indiquez l'administration ou la collectivité.")).toBeTruthy();
    expect(calls).toEqual([]);
    await userEvent.type(screen.getByLabelText(/Administration ou collectivité/), "Commune fictive d'essai");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Région" }), "53");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Département/ }), "29");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer l'adoption" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.input).toMatchObject({
      laureateSlug: "registre-reunion",
      organisation: "Commune fictive d'essai",
      regionCode: "53",
      departementCode: "29",
    } satisfies Partial<RecordAdoptionInput>);

    await userEvent.click(
      await screen.findByRole("button", { name: "Passer à « Contactée » : Communauté de communes fictive" }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer l'étape" }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.input).toMatchObject({
      adoptionId: 11,
      version: 1,
      to: "contactee",
    } satisfies Partial<MoveAdoptionInput>);
  });

  it("offers a sponsor nothing to edit outside their scope", async () => {
    const outside: SessionUser = {
      ...sponsorUser,
      scope: [{ kind: "ministere", value: "solidarites-sante" }],
    };
    mockAuth({ user: outside });
    serve();
    renderApp(URL);
    await open();
    expect(screen.queryByRole("button", { name: /Enregistrer une adoption|Passer|Ajouter/ })).toBeNull();
  });
});
