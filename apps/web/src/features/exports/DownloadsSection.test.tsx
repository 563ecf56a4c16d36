import type { ScdlPreview } from "@defis/domain";
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import { laureateItems, officerUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import {
  financeOverview,
  lateTranchesFixture,
  leadershipUser,
  monthlyFixture,
} from "../finance/finance-fixtures";
import { followUpRows } from "../progress/progress-fixtures";
import { scdlPreviewFixture } from "./exports-fixtures";

function serve(preview: ScdlPreview = scdlPreviewFixture) {
  mockProcedures({
    "programme.overview": () => financeOverview,
    "progress.portfolio": () => followUpRows,
    "laureates.list": () => laureateItems,
    "finance.monthly": () => monthlyFixture,
    "finance.lateTranches": () => lateTranchesFixture,
    "exports.scdlPreview": () => preview,
  });
}

const sectionNamed = async (name: string) =>
  (await screen.findByRole("heading", { level: 2, name })).closest("section") as HTMLElement;

/** Each download link: its address and the name the file will have. */
const links = (scope: HTMLElement) =>
  within(scope)
    .getAllByRole("link")
    .filter((link) => link.hasAttribute("download"))
    .map((link) => [
      link.getAttribute("href"),
      link.querySelector(".fr-link__detail")?.textContent.replace(", fichier ", ""),
    ]);

describe("the downloads, where users look", { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // 23:30 in Paris on 6 December: the file is named with the Paris day.
    vi.setSystemTime(new Date("2026-12-06T22:30:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("offers each table as CSV for Excel and open data, the workbook and the SCDL file, named with the day", async () => {
    mockAuth({ user: leadershipUser });
    serve();
    renderApp("/finances");
    const area = await sectionNamed("Télécharger les données financières");
    const downloads = within(area);
    expect(links(area)).toEqual([
      ["/api/exports/laureats.csv", "defis-laureats-2026-12-06.csv"],
      ["/api/exports/laureats.csv?format=opendata", "defis-laureats-opendata-2026-12-06.csv"],
      ["/api/exports/tranches.csv", "defis-tranches-2026-12-06.csv"],
      ["/api/exports/tranches.csv?format=opendata", "defis-tranches-opendata-2026-12-06.csv"],
      ["/api/exports/paiements.csv", "defis-versements-2026-12-06.csv"],
      ["/api/exports/paiements.csv?format=opendata", "defis-versements-opendata-2026-12-06.csv"],
      ["/api/exports/indicateurs.csv", "defis-indicateurs-2026-12-06.csv"],
      ["/api/exports/indicateurs.csv?format=opendata", "defis-indicateurs-opendata-2026-12-06.csv"],
      ["/api/exports/mesures.csv", "defis-mesures-2026-12-06.csv"],
      ["/api/exports/mesures.csv?format=opendata", "defis-mesures-opendata-2026-12-06.csv"],
      ["/api/exports/portefeuille.xlsx", "defis-portefeuille-2026-12-06.xlsx"],
      ["/api/exports/scdl-subventions.csv", "defis-scdl-subventions-2026-12-06.csv"],
    ]);
    // Out of context, a screen reader still hears which table a link downloads.
    expect(
      downloads.getByRole("link", {
        // jsdom trims the spaces around the hidden words that a browser keeps.
        name: /^CSV pour Excel ?: Versements et contre-passations, fichier ?defis-versements-2026-12-06\.csv$/,
      }),
    ).toBeDefined();
    // Before the download: how many rows, how many dropped and why.
    expect(
      await downloads.findByText(
        /Le fichier contiendra 8 lignes sur 10 subventions ; 2 subventions en sont écartées/,
      ),
    ).toBeDefined();
    expect(downloads.getByText("sans date de convention : 1 subvention")).toBeDefined();
    expect(downloads.getByText("sans SIRET ni RNA valide du bénéficiaire : 1 subvention")).toBeDefined();
    // The direction reads why, but the fixes are the officers'.
    expect(downloads.queryByText(/Pour corriger/)).toBeNull();
    expect(downloads.queryByRole("link", { name: /contrôles de cohérence/ })).toBeNull();
  });

  it("gives officers the records to complete and the controls, and says when the DITP's SIRET is missing", async () => {
    mockAuth({ user: officerUser });
    serve({
      ...scdlPreviewFixture,
      attribuantConfigured: false,
      rowCount: 0,
      dropped: scdlPreviewFixture.dropped.map((row) => ({ ...row, reasons: ["attribuant", ...row.reasons] })),
      reasons: [{ reason: "attribuant", count: 2 }, ...scdlPreviewFixture.reasons],
    });
    renderApp("/");
    const downloads = within(await sectionNamed("Télécharger le portefeuille"));
    expect(await downloads.findByText(/Le fichier contiendra 0 ligne sur 10 subventions/)).toBeDefined();
    expect(downloads.getByText(/SCDL_ATTRIBUANT_SIRET\)\.$/)).toBeDefined();
    const fix = downloads.getByRole("link", {
      name: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
    });
    expect(fix.getAttribute("href")).toBe(
      "/laureats/chu-toulouse-parkinson?onglet=finances#finances-financement-titre",
    );
    expect(fix.closest("li")?.textContent).toMatch(/\(sans date de convention\)$/);
    expect(
      downloads
        .getByRole("link", { name: "Voir ces subventions dans les contrôles de cohérence" })
        .getAttribute("href"),
    ).toBe("/controles#controle-scdl_ligne_ecartee");
  });
});
