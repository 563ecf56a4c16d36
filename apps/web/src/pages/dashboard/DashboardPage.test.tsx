import type { AsOfInput } from "@defis/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiServer, mockAuth, mockProcedures } from "../../test/api-server";
import { overviewFixture } from "../../test/fixtures";
import { openChartData } from "../../test/chart-data";
import { renderApp } from "../../test/render";
import { leadershipUser } from "../../features/finance/finance-fixtures";
import { regionMapFixture } from "../../features/replication/replication-fixtures";
import { dashboardFixture, synthesisFixture } from "../../features/dashboard/dashboard-fixtures";
import { carriedDecision, takenDecision } from "../../features/reviews/decision-fixtures";
import { impactPortfolioFixture } from "../../features/dashboard/impact-fixtures";

const decisionsDueFixture = [carriedDecision, takenDecision];
const decisionsAsked: AsOfInput[] = [];
const impactAsked: AsOfInput[] = [];

function serveDashboard() {
  const asked: AsOfInput[] = [];
  mockProcedures({
    "programme.overview": () => overviewFixture,
    // Where the drill-down links lead.
    "laureates.list": () => [],
    "progress.portfolio": () => [],
    "dashboard.figures": (input) => {
      asked.push(input as AsOfInput);
      return dashboardFixture;
    },
    "dashboard.synthesis": () => synthesisFixture,
    "impact.portfolio": (input) => {
      impactAsked.push(input as AsOfInput);
      return impactPortfolioFixture;
    },
    "reviews.decisionsDue": (input) => {
      decisionsAsked.push(input as AsOfInput);
      return decisionsDueFixture;
    },
  });
  apiServer.use(http.get("*/geo/regions.json", () => HttpResponse.json(regionMapFixture)));
  return asked;
}

const PAYMENTS = "Versements prévus, réalisés et atterrissage par mois";

/** The detailed sections load after the synthesis, with recharts. */
async function waitForDetails() {
  await screen.findByRole("heading", { level: 2, name: "Chiffres détaillés" }, { timeout: 5_000 });
}

const cells = (name: string) =>
  within(openChartData(name))
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));

/** jsdom's Blob has no arrayBuffer(): its FileReader reads the bytes. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error("unreadable blob"));
    reader.readAsArrayBuffer(blob);
  });
}

const euros = (text: string) => text.replaceAll(" ", "\u202f").replace(/\u202f€$/, "\u00a0€");

describe("DashboardPage", { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it("downloads a table as an Excel-friendly CSV: BOM, semicolons, CRLF, decimal comma", async () => {
    mockAuth({ user: leadershipUser });
    serveDashboard();
    const files: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      files.push(blob as Blob);
      return "blob:test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderApp("/pilotage");
    await screen.findByRole("heading", { name: /^Synthèse au / }, { timeout: 5_000 });
    await waitForDetails();
    const frame = openChartData(PAYMENTS).closest("section");
    if (!frame) throw new Error("no frame");
    fireEvent.click(within(frame).getByRole("button", { name: "Télécharger les données (CSV)" }));
    expect(clicked).toHaveBeenCalledOnce();
    const [file] = files;
    if (!file) throw new Error("no file");
    const bytes = await bytesOf(file);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      "\uFEFFMois;Prévu (€);Versé (€);Prévu cumulé (€);Versé cumulé (€);" +
        "Atterrissage central cumulé (€);Fourchette basse (€);Fourchette haute (€)\r\n" +
        "octobre 2026;500000,00;400000,00;500000,00;400000,00;;;\r\n" +
        "novembre 2026;300000,00;230000,12;800000,00;630000,12;630000,12;630000,12;680000,12\r\n" +
        "décembre 2026;0,00;;800000,00;;730000,12;680000,12;800000,00\r\n" +
        "janvier 2027;0,00;;800000,00;;800000,00;730000,12;800000,00\r\n",
    );
    expect(within(frame).getByRole("button", { name: "Télécharger l'image (PNG)" })).toBeTruthy();
  });

  it("opens on the synthesis: key figures and their change, the forecast, the laureates that need a decision", async () => {
    mockAuth({ user: leadershipUser });
    serveDashboard();
    renderApp("/pilotage");
    const synthesis = await screen.findByRole(
      "region",
      { name: "Synthèse au 25/11/2026" },
      { timeout: 5_000 },
    );
    const figures = within(synthesis).getByRole("region", { name: "Chiffres clés (démonstration)" });
    expect(figures.textContent).toContain(
      "Évolution depuis la revue du 30/06/2026 (Comité de pilotage de juin)",
    );
    const figure = (label: string) =>
      within(figures).getByText(label, { selector: "dt" }).parentElement?.textContent ?? "";
    expect(figure("Alloué")).toBe(`Alloué${euros("1 200 000,00 €")}en hausse de ${euros("+100 000,00 €")}`);
    expect(figure("Restes à payer")).toBe(
      `Restes à payer${euros("369 999,88 €")}en baisse de ${euros("-130 000,12 €")}`,
    );
    expect(figure("Enveloppe")).toContain("inchangé");
    // The June review had no « non engagé »: the figure, without a change.
    expect(figure("Non engagé")).toBe(`Non engagé${euros("200 000,00 €")}pas d'évolution connue`);

    const forecast = within(synthesis).getByRole("region", { name: "Atterrissage" });
    expect(forecast.textContent).toContain(euros("69 999,88 €"));
    expect(forecast.textContent).toContain(`fourchette de ${euros("0,00 €")} à ${euros("119 999,88 €")}`);
    expect(forecast.textContent).toContain(
      "enveloppe à consommer avant le 31/12/2026 (dates de démonstration)",
    );
    expect(
      within(forecast).getByRole("link", { name: "Laboratoire des transitions" }).getAttribute("href"),
    ).toBe("/laureats/laboratoire-des-transitions");

    const decisions = within(synthesis).getByRole("region", { name: "6 lauréats appellent une décision" });
    expect(within(decisions).getByRole("link", { name: "Lauréat alpha" }).getAttribute("href")).toBe(
      "/laureats/alpha",
    );
    expect(decisions.textContent).toContain(`2 tranches en retard (${euros("15 000 €")})`);
    expect(decisions.textContent).toContain("3 anomalies ouvertes");
    const more = within(decisions).getByText("Voir les 2 autres lauréats");
    expect(more.closest("details")?.open).toBe(false);
    fireEvent.click(more);
    expect(within(decisions).getByRole("link", { name: "Lauréat zeta" })).toBeTruthy();
  });

  it("is the direction's landing page, with tiles and every chart's table holding the fixture's numbers", async () => {
    mockAuth({ user: leadershipUser });
    const asked = serveDashboard();
    renderApp("/pilotage");
    await screen.findByRole(
      "heading",
      { level: 1, name: /^Pilotage du portefeuille au / },
      { timeout: 5_000 },
    );
    await screen.findByRole("heading", { name: /^Synthèse au / });
    await waitForDetails();
    expect(asked[0]).toEqual({});
    expect(screen.getByRole("link", { name: "Pilotage" }).getAttribute("aria-current")).toBe("page");

    const tiles = screen.getByRole("list", { name: "Chiffres clés" }).textContent;
    expect(tiles).toContain(euros("630 000,12 €"));
    expect(tiles).toContain(euros("369 999,88 €"));
    // Not committed, and held back by a milestone not reached: key figures of their own.
    expect(tiles).toContain(`Non engagé (démonstration)${euros("200 000,00 €")}`);
    expect(tiles).toContain(`Bloqué par un jalon (démonstration)${euros("45 000,00 €")}`);
    expect(tiles).toContain("52,5\u00a0%");
    expect(tiles).toContain("Orage : 1");

    expect(
      screen.getByRole("heading", { name: "21\u00a0% de l'enveloppe versée au 25/11/2026" }),
    ).toBeTruthy();
    expect(screen.getAllByText("Données au 25/11/2026").length).toBeGreaterThanOrEqual(8);
    expect(cells(PAYMENTS)[2]).toEqual([
      "novembre 2026",
      euros("300 000,00 €"),
      euros("230 000,12 €"),
      euros("800 000,00 €"),
      euros("630 000,12 €"),
      euros("630 000,12 €"),
      euros("630 000,12 €"),
      euros("680 000,12 €"),
    ]);
    expect(cells(PAYMENTS)[3]?.slice(0, 3)).toEqual(["décembre 2026", euros("0,00 €"), "—"]);
    expect(cells("Alloué et versé par catégorie")[1]).toEqual([
      "Solutions numériques",
      "6",
      euros("800 000,00 €"),
      euros("400 000,00 €"),
    ]);
    expect(cells("Lauréats par météo déclarée").slice(1)).toEqual([
      ["Soleil", "4"],
      ["Nuage", "3"],
      ["Couvert", "1"],
      ["Orage", "1"],
      ["Météo périmée", "0"],
      ["Sans météo", "1"],
    ]);
    // In severity order, the stale météo before the missing one.
    expect(cells("Météo des lauréats par période")[0]).toEqual([
      "Période",
      "Soleil",
      "Nuage",
      "Couvert",
      "Orage",
      "Météo périmée",
      "Sans météo",
    ]);
    expect(cells("Météo des lauréats par période")[1]).toEqual([
      "octobre 2026",
      "3",
      "3",
      "2",
      "1",
      "1",
      "0",
    ]);
    expect(cells("Jalons par situation")[3]).toEqual(["En retard", "3"]);
    expect(cells("Jalons par mois d'échéance et situation")[2]).toEqual([
      "décembre 2026",
      "0",
      "0",
      "0",
      "5",
      "1",
    ]);
    expect(cells("Adoptions par étape")[1]).toEqual(["Identifiée", "6", "2"]);
    expect(cells("Alloué et versé par région")[1]).toEqual([
      "Occitanie",
      "6",
      euros("700 000,00 €"),
      euros("430 000,12 €"),
    ]);
  });

  it("leads each group, level, outcome, stage and région to the filtered list", async () => {
    mockAuth({ user: leadershipUser });
    serveDashboard();
    renderApp("/pilotage");
    await screen.findByRole("heading", { name: /^Synthèse au / }, { timeout: 5_000 });
    await waitForDetails();
    const table = openChartData("Alloué et versé par catégorie");
    const href = (scope: HTMLElement, name: string) =>
      within(scope).getByRole("link", { name }).getAttribute("href");
    expect(href(table, "Solutions numériques")).toBe("/?categorie=numerique");
    fireEvent.click(screen.getByLabelText("Par territoire"));
    const territories = openChartData("Alloué et versé par territoire");
    expect(href(territories, "Occitanie")).toBe("/?territoire=76");
    fireEvent.click(screen.getByLabelText("Par ministère"));
    expect(href(openChartData("Alloué et versé par ministère"), "Ministère de l'Intérieur")).toBe(
      "/?ministere=interieur",
    );
    expect(href(openChartData("Lauréats par météo déclarée"), "Orage")).toBe("/?meteo=orage");
    expect(href(openChartData("Lauréats par météo déclarée"), "Sans météo")).toBe("/?meteo=sans_meteo");
    expect(href(openChartData("Jalons par situation"), "En retard")).toBe("/?jalons=en-retard");
    expect(href(openChartData("Adoptions par étape"), "Pilote")).toBe("/essaimage?etape=pilote");
    expect(href(openChartData("Alloué et versé par région"), "Occitanie")).toBe("/?territoire=76");
    // The map's régions are links too, reachable with the keyboard, outside any aria-hidden picture.
    const occitanie = await screen.findByRole("link", { name: /^Occitanie : 6 lauréats/ });
    expect(occitanie.closest("[aria-hidden]")).toBeNull();
    occitanie.focus();
    fireEvent.keyDown(occitanie, { key: "Enter" });
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/?territoire=76"));
  });

  it("lists in the synthesis the reviews' decisions in progress, with the late ones said", async () => {
    mockAuth({ user: leadershipUser });
    serveDashboard();
    renderApp("/pilotage");
    const heading = await screen.findByRole(
      "heading",
      { level: 3, name: "2 décisions des revues en cours, dont 1 en retard" },
      { timeout: 5_000 },
    );
    const block = heading.closest("section");
    if (!block) throw new Error("no decisions block");
    fireEvent.click(within(block).getByText("Voir les 2 décisions"));
    const items = within(block).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Vérifier l'échéancier avec le porteur En retard.*30 septembre 2026/),
      expect.stringMatching(/^Relancer le sponsor .* En cours.*15 décembre 2026/),
    ]);
    expect(within(block).getByRole("link", { name: "revue du 30 juin 2026" }).getAttribute("href")).toBe(
      "/revues/1",
    );
  });

  it("keeps the chosen day in the URL, asks the API for it, and comes back to today", async () => {
    mockAuth({ user: leadershipUser });
    const asked = serveDashboard();
    renderApp("/pilotage?etat-au=2025-02-30");
    const picker = await screen.findByLabelText<HTMLInputElement>(/^État au/, {}, { timeout: 5_000 });
    // An impossible day in a shared link is ignored.
    await waitFor(() => expect(asked.at(-1)).toEqual({}));
    expect(screen.queryByRole("link", { name: "Revenir à aujourd'hui" })).toBeNull();
    fireEvent.change(picker, { target: { value: "2025-01-31" } });
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe("/pilotage?etat-au=2025-01-31"),
    );
    await waitFor(() => expect(asked.at(-1)).toEqual({ asOf: "2025-01-31" }));
    await waitFor(() => expect(decisionsAsked.at(-1)).toEqual({ asOf: "2025-01-31" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Pilotage du portefeuille au 31 janvier 2025",
    );
    // A météo bar leads to the portfolio of the same day.
    const weather = await screen.findByRole("table", { name: "Lauréats par météo déclarée" });
    expect(within(weather).getByRole("link", { name: "Orage" }).getAttribute("href")).toBe(
      "/?meteo=orage&etat-au=2025-01-31",
    );
    fireEvent.click(screen.getByRole("link", { name: "Revenir à aujourd'hui" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/pilotage"));
  });

  it("shows impact below the details, on the chosen day: each common indicator overall and by category, the counts, the laureates' own indicators", async () => {
    mockAuth({ user: leadershipUser });
    serveDashboard();
    renderApp("/pilotage?etat-au=2025-04-30");
    await waitForDetails();
    const section = await screen.findByRole("region", { name: "L'impact" }, { timeout: 5_000 });
    expect(impactAsked.at(-1)).toEqual({ asOf: "2025-04-30" });
    const counts = within(section).getByRole("list", { name: "Indicateurs d'impact" });
    expect(
      within(counts)
        .getAllByText(/^\d+$/)
        .map((tile) => tile.textContent),
    ).toEqual(["6", "4", "1", "2"]);
    expect(
      within(section).getByRole("heading", {
        name: "Usagers accompagnés : 700 pour une cible de 1\u202f800",
      }),
    ).toBeTruthy();
    expect(cells("Usagers accompagnés : valeur initiale, actuelle et cible (nombre)")).toEqual([
      ["Lauréats", "Contributeurs", "Valeur initiale (nombre)", "Valeur actuelle (nombre)", "Cible (nombre)"],
      ["Ensemble", "3", "150", "700", "1\u202f800"],
      ["Transformation des organisations et innovation managériale", "1", "0", "400", "1\u202f000"],
      ["Solutions de transformation entièrement numériques", "1", "100", "250", "500"],
      ["Amélioration du parcours usagers et de la qualité du service rendu", "1", "50", "—", "300"],
    ]);
    // The weighted mean says how it weighs, with its decimals.
    expect(cells("Délai moyen de traitement : valeur initiale, actuelle et cible (jours)")[1]).toEqual([
      "Ensemble",
      "2",
      "32,5",
      "25",
      "16,25",
    ]);
    expect(within(section).getByText(/chaque lauréat pèse le poids que déclare son indicateur/)).toBeTruthy();
    expect(within(section).getByText("Sans lauréat contributeur : Agents formés.")).toBeTruthy();
    const own = within(section).getByRole("table", {
      name: "Indicateurs propres aux lauréats au 30/04/2025",
    });
    expect(
      Array.from(
        within(own).getAllByRole("row")[1]?.querySelectorAll("th, td") ?? [],
        (cell) => cell.textContent,
      ),
    ).toEqual([
      "Acceslibre : données publiques sur l'accessibilité des lieux",
      "Satisfaction des usagers",
      "60\u00a0%",
      "70\u00a0%",
      "80\u00a0%",
      "50\u00a0%",
      "À jour",
    ]);
  });
});
