import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { apiServer, mockAuth, mockProcedures } from "../../test/api-server";
import { officerUser, overviewFixture } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { controlsCountFixture, controlsFixture } from "../../features/controls/controls-fixtures";
import { dashboardFixture } from "../../features/dashboard/dashboard-fixtures";
import { leadershipUser } from "../../features/finance/finance-fixtures";
import { regionMapFixture } from "../../features/replication/replication-fixtures";

const cells = (name: string) =>
  within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));

function serveControls() {
  mockProcedures({
    "controls.list": () => controlsFixture,
    "controls.count": () => controlsCountFixture,
    "dashboard.figures": () => dashboardFixture,
    "programme.overview": () => overviewFixture,
  });
  apiServer.use(http.get("*/geo/regions.json", () => HttpResponse.json(regionMapFixture)));
}

describe("ControlsPage", { timeout: 20_000 }, () => {
  it("groups the anomalies by kind, with counts, French amounts and a link that fixes each", async () => {
    mockAuth({ user: officerUser });
    serveControls();
    renderApp("/controles");
    expect(await screen.findByRole("heading", { level: 1, name: "Contrôles de cohérence" })).toBeDefined();
    expect(await screen.findByText("3 anomalies à corriger au 6 décembre 2026.")).toBeDefined();

    const summary = cells("Anomalies par contrôle au 6 décembre 2026");
    expect(summary).toHaveLength(11);
    expect(summary).toContainEqual(["Échéancier différent de l'allocation", "1"]);
    expect(summary).toContainEqual(["Versement sans tranche", "0"]);
    // A kind with anomalies links to its table; a kind without has no table.
    expect(screen.getByRole("link", { name: "Tranche en retard" }).getAttribute("href")).toBe(
      "#controle-tranche_en_retard",
    );
    expect(screen.queryByRole("heading", { name: /^Versement sans tranche/ })).toBeNull();

    expect(cells("Échéancier différent de l'allocation : 1 anomalie")).toEqual([
      ["Lauréat", "Détail", "Montant", "Depuis le", "Action"],
      [
        "Registre des transports",
        "123\u202f456,00\u00a0€ prévus pour 143\u202f456,00\u00a0€ alloués",
        "+20\u202f000,00\u00a0€",
        "02/11/2026",
        "Corriger : Registre des transports",
      ],
    ]);
    expect(cells("Tranche en retard : 1 anomalie")[1]).toEqual([
      "Laboratoire d'innovation",
      "Tranche 3 (solde) prévue le 01/04/2024, « Prévu » : en retard de 979 jours",
      "12\u202f345,67\u00a0€",
      "01/04/2024",
      "Corriger : Laboratoire d'innovation",
    ]);
    expect(cells("Mode de financement non précisé : 1 anomalie")[1]?.[2]).toBe("—");

    const fixes = screen.getAllByRole("link", { name: /^Corriger/ }).map((link) => link.getAttribute("href"));
    expect(fixes).toEqual([
      "/laureats/registre-reunion?onglet=finances#finances-echeancier-titre",
      "/laureats/lab-interieur?onglet=finances#finances-echeancier-titre",
      "/laureats/lab-interieur#modifier-fiche",
    ]);
  });

  it("shows the number left in the officers' navigation, with words for screen readers", async () => {
    mockAuth({ user: officerUser });
    serveControls();
    renderApp("/controles");
    const item = await screen.findByRole("link", { name: "Contrôles, 3 anomalies à corriger" });
    expect(item.getAttribute("href")).toBe("/controles");
    expect(item.getAttribute("aria-current")).toBe("page");
  });

  it("says on the dashboard how many remain, with the link to them", async () => {
    mockAuth({ user: officerUser });
    serveControls();
    renderApp("/pilotage");
    expect(await screen.findByText(/Contrôles de cohérence : 3 anomalies à corriger\./)).toBeDefined();
    expect(screen.getByRole("link", { name: "Voir et corriger les anomalies" }).getAttribute("href")).toBe(
      "/controles",
    );
  });

  it("is not the direction's: no navigation item, no count on the dashboard, the page refused", async () => {
    mockAuth({ user: leadershipUser });
    serveControls();
    renderApp("/pilotage");
    expect(await screen.findByRole("heading", { level: 1, name: /^Pilotage du portefeuille/ })).toBeDefined();
    expect(screen.queryByRole("link", { name: /^Contrôles/ })).toBeNull();
    expect(screen.queryByText(/Contrôles de cohérence/)).toBeNull();
  });

  it("refuses the page to a role that does not fix the anomalies", async () => {
    mockAuth({ user: leadershipUser });
    serveControls();
    renderApp("/controles");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeDefined();
  });
});
