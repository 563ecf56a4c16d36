import type { ReplicationFilters } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { apiServer, mockAuth, mockProcedures } from "../../test/api-server";
import { overviewFixture } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { leadershipUser } from "../../features/finance/finance-fixtures";
import {
  overviewReplicationFixture,
  regionMapFixture,
} from "../../features/replication/replication-fixtures";

function serveReplication() {
  const filtersAsked: ReplicationFilters[] = [];
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "replication.overview": (input) => {
      filtersAsked.push(input as ReplicationFilters);
      return overviewReplicationFixture;
    },
  });
  apiServer.use(http.get("*/geo/regions.json", () => HttpResponse.json(regionMapFixture)));
  return filtersAsked;
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));

// The page and its charts load on first use: slower than the other pages on a busy machine.
describe("ReplicationPage", { timeout: 20_000 }, () => {
  it("states each chart's finding, its data date and the same figures as a table", async () => {
    mockAuth({ user: leadershipUser });
    serveReplication();
    renderApp("/essaimage");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Essaimage" }, { timeout: 5_000 }),
    ).toBeTruthy();
    expect(
      await screen.findByRole("heading", { name: "Sur 2 adoptions identifiées, 1 est déployée" }),
    ).toBeTruthy();
    expect(
      screen.getByRole("heading", { name: "1 lauréat noté ; 0 à potentiel élevé sans adoption déployée" }),
    ).toBeTruthy();
    expect(screen.getAllByText("Données au 01/09/2024")).toHaveLength(3);
    expect(cells(screen.getByRole("table", { name: "Adoptions par étape" }))).toEqual([
      ["Étape", "Ont atteint l'étape", "À cette étape aujourd'hui"],
      ["Identifiée", "2", "1"],
      ["Contactée", "1", "0"],
      ["Pilote", "1", "0"],
      ["Déployée", "1", "1"],
      ["Abandonnée", "—", "0"],
    ]);
    expect(cells(screen.getByRole("table", { name: /Indice de potentiel et avancement/ }))[1]).toEqual([
      "Registre des transports",
      "82 / 100 (potentiel élevé)",
      "Déployée",
      "2",
    ]);
    expect(cells(screen.getByRole("table", { name: "Adoptions en cours ou déployées par région" }))).toEqual([
      ["Région", "Adoptions", "Dont déployées"],
      ["La Réunion", "1", "1"],
      ["Occitanie", "1", "0"],
    ]);
    // The demonstration rows say so, and the map credits its source.
    expect(screen.getByText("Grilles et adoptions de démonstration")).toBeTruthy();
    expect(screen.getByRole("link", { name: /CC-BY-4.0/ })).toBeTruthy();
    const registry = screen.getByRole("table", { name: "Adoptions enregistrées" });
    expect(within(registry).getByText("Démonstration")).toBeTruthy();
    // Leadership reads: no action is offered anywhere.
    expect(screen.queryByRole("button", { name: /Enregistrer|Passer|Noter/ })).toBeNull();
  });

  it("filters by région from the map, with the keyboard, and keeps the filter in the URL", async () => {
    mockAuth({ user: leadershipUser });
    const asked = serveReplication();
    renderApp("/essaimage");
    const occitanie = await screen.findByRole(
      "button",
      { name: "Occitanie : 1 adoption, dont 0 déployée" },
      { timeout: 5_000 },
    );
    expect(screen.getByRole("button", { name: "La Réunion : 1 adoption, dont 1 déployée" })).toBeTruthy();
    occitanie.focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/essaimage?region=76"));
    await waitFor(() => expect(asked.at(-1)).toEqual({ region: "76" }));
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "Région de l'adoption" }).value).toBe(
      "76",
    );
    await userEvent.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/essaimage"));
  });

  it("ignores an invalid filter in a shared link", async () => {
    mockAuth({ user: leadershipUser });
    const asked = serveReplication();
    renderApp("/essaimage?etape=inconnue&categorie=numerique");
    await screen.findByRole("heading", { level: 1, name: "Essaimage" }, { timeout: 5_000 });
    await waitFor(() => expect(asked.at(-1)).toEqual({ category: "numerique" }));
  });
});
