import type { LaureateFilters } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { laureateItems, overviewFixture } from "../../test/fixtures";
import { renderPage } from "../../test/render";
import HomePage from "./HomePage";
import { followUpRows } from "../../features/progress/progress-fixtures";

function serveList(received: LaureateFilters[] = []) {
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "progress.portfolio": () => followUpRows,
    "laureates.list": (input) => {
      const filters = input as LaureateFilters;
      received.push(filters);
      return laureateItems.filter((item) => !filters.category || item.category === filters.category);
    },
  });
  return received;
}

/** The live region that announces how many laureates are listed. */
function resultCount() {
  return screen.getAllByRole("status").find((element) => element.textContent.includes("lauréat"))
    ?.textContent;
}

function tableRows() {
  const table = screen.getByRole("table", { name: "Lauréats de l'appel à défis" });
  return within(table).getAllByRole("row").slice(1);
}

describe("HomePage", () => {
  // The downloads ask who is signed in, to offer the fixes to those who may make them.
  beforeEach(() => void mockAuth());

  it("shows the key figures in French format and the laureates as a table", async () => {
    serveList();
    renderPage(<HomePage />);
    const tiles = await screen.findByRole("list", { name: "Chiffres clés" });
    expect(tiles.textContent).toContain("3\u202f000\u202f000\u00a0€");
    expect(tiles.textContent).toContain("Alloué (démonstration)");
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    expect(screen.getByRole("link", { name: "Registre des transports" }).getAttribute("href")).toBe(
      "/laureats/registre-reunion",
    );
    expect(tableRows()[1]?.textContent).toContain("23\u202f456,78\u00a0€");
    // The météo of the day, as the dashboard counts it, and the flag where the facts contradict it.
    await waitFor(() => expect(tableRows()[1]?.textContent).toContain("Météo à vérifier"));
    expect(tableRows()[1]?.textContent).toContain("Soleil");
    expect(tableRows()[0]?.textContent).toContain("Météo périmée");
    expect(tableRows()[0]?.textContent).not.toContain("Météo à vérifier");
    expect(resultCount()).toBe("2 lauréats");
  });

  it("shows the portfolio of a past day (?etat-au=), its figures and météo as known then", async () => {
    const received = serveList();
    renderPage(<HomePage />, { url: "/?etat-au=2024-06-30&categorie=numerique" });
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(received.at(-1)).toEqual({ category: "numerique", asOf: "2024-06-30" });
    expect(screen.getByText(/^État au 30\/06\/2024 : les chiffres tels qu'ils étaient connus/)).toBeDefined();
    // Today's health says nothing of a past day.
    expect(tableRows()[0]?.textContent).toContain("Soleil");
    expect(tableRows()[0]?.textContent).not.toContain("Météo à vérifier");
  });

  it("sends the category filter to the API and keeps it in the URL", async () => {
    const received = serveList();
    renderPage(<HomePage />);
    const select = await screen.findByLabelText("Catégorie");
    await userEvent.selectOptions(select, "numerique");
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(received.at(-1)).toEqual({ category: "numerique" });
    expect(screen.getByTestId("location").textContent).toBe("/?categorie=numerique");
    expect(resultCount()).toBe("1 lauréat correspondant aux filtres");
  });

  it("restores filters from a shared link and ignores invalid values", async () => {
    const received = serveList();
    renderPage(<HomePage />, { url: "/?categorie=numerique&ministere=inconnu&vue=cartes" });
    await screen.findByRole("heading", { name: "Registre des transports", level: 3 });
    expect(received.at(-1)).toEqual({ category: "numerique" });
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("reads the météo and late-milestone filters of a dashboard link and sends them", async () => {
    const received = serveList();
    renderPage(<HomePage />, { url: "/?meteo=orage&jalons=en-retard" });
    await waitFor(() => expect(received.at(-1)).toEqual({ weather: "orage", milestones: "en_retard" }));
    expect((await screen.findByLabelText<HTMLSelectElement>("Météo déclarée")).value).toBe("orage");
    expect(screen.getByLabelText<HTMLInputElement>(/Jalons en retard/).checked).toBe(true);
    expect(screen.getByRole("button", { name: "Effacer les filtres" })).toBeDefined();
    await userEvent.click(screen.getByLabelText(/Jalons en retard/));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/?meteo=orage"));
    await userEvent.selectOptions(screen.getByLabelText("Météo déclarée"), "sans_meteo");
    await userEvent.click(screen.getByLabelText(/Jalons en retard/));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe("/?meteo=sans_meteo&jalons=en-retard"),
    );
    expect(received.at(-1)).toEqual({ weather: "sans_meteo", milestones: "en_retard" });
  });

  it("filters on indicators « à mettre à jour », kept in the URL", async () => {
    const received = serveList();
    renderPage(<HomePage />, { url: "/?indicateurs=a-mettre-a-jour" });
    await waitFor(() => expect(received.at(-1)).toEqual({ indicators: "a_mettre_a_jour" }));
    const checkbox = await screen.findByLabelText<HTMLInputElement>(/Indicateurs à mettre à jour/);
    expect(checkbox.checked).toBe(true);
    await userEvent.click(checkbox);
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/"));
    expect(received.at(-1)).toEqual({});
    await userEvent.click(screen.getByLabelText(/Indicateurs à mettre à jour/));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe("/?indicateurs=a-mettre-a-jour"),
    );
    expect(received.at(-1)).toEqual({ indicators: "a_mettre_a_jour" });
  });

  it("ignores a late-milestone filter spelled otherwise than the URL does", async () => {
    const received = serveList();
    renderPage(<HomePage />, { url: "/?jalons=en_retard&meteo=grele&indicateurs=a_mettre_a_jour" });
    await waitFor(() => expect(received.at(-1)).toEqual({}));
  });

  it("says so when no laureate matches", async () => {
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "progress.portfolio": () => followUpRows,
      "laureates.list": () => [],
    });
    renderPage(<HomePage />, { url: "/?recherche=introuvable" });
    expect(await screen.findByText("Aucun lauréat ne correspond à ces filtres")).toBeDefined();
  });

  it("shows the server's message and reference when loading fails", async () => {
    mockProcedures({
      "programme.overview": () =>
        new ProcedureError("INTERNAL_SERVER_ERROR", "Une erreur interne est survenue.", 500),
      "progress.portfolio": () => followUpRows,
      "laureates.list": () => laureateItems,
    });
    renderPage(<HomePage />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Une erreur interne est survenue.");
    expect(alert.textContent).toContain("référence à transmettre au support : req-test");
    expect(within(alert).getByRole("button", { name: "Réessayer" })).toBeDefined();
  });
});
