import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { apiServer, TEST_API_BASE_URL } from "../../test/api-server";
import { renderPage } from "../../test/render";
import type { ImportJob, ImportMode, MeasureImportReport, MeasureImportRow } from "@defis/domain";
import { createImportApi, ImportApiContext } from "../../features/imports/import-api";
import MeasureImportPage, { MEASURE_TEMPLATE_PATH } from "./MeasureImportPage";

const CSV = "Lauréat;Indicateur;Date;Valeur\nsmicval-zero-dechet;12;31/03/2024;38,5\n";

const SMICVAL = "Démarche collective de réduction des déchets du SMICVAL";

const rows: MeasureImportRow[] = [
  {
    line: 2,
    laureateSlug: "smicval-zero-dechet",
    laureateTitle: SMICVAL,
    indicatorRead: "12",
    indicator: { id: 12, name: "Délai de traitement" },
    date: "2024-03-31",
    value: 38.5,
    source: "Tableau de bord",
    comment: null,
    outcome: "à importer",
    message: "Nouvelle mesure de « Délai de traitement ».",
  },
  {
    line: 3,
    laureateSlug: "smicval-zero-dechet",
    laureateTitle: SMICVAL,
    indicatorRead: "12",
    indicator: { id: 12, name: "Délai de traitement" },
    date: "2023-12-31",
    value: 41,
    source: null,
    comment: null,
    outcome: "doublon",
    message: "Mesure déjà enregistrée (même indicateur, même jour, même valeur).",
  },
];

function reportOf(mode: ImportMode, applied: MeasureImportReport["applied"] = null): MeasureImportReport {
  return {
    mode,
    format: "csv",
    sha256: "ab".repeat(32),
    totals: { lines: 2, toImport: 1, duplicates: 1, errors: 0 },
    detail: "toutes",
    notice: null,
    rows,
    applied,
  };
}

function jobOf(id: number, report: MeasureImportReport): ImportJob<MeasureImportReport> {
  return {
    id,
    kind: "mesures",
    mode: report.mode,
    status: "termine",
    format: "csv",
    sha256: report.sha256,
    requestedBy: "Agnès Agent",
    createdAt: "2026-12-06T10:00:00.000Z",
    finishedAt: "2026-12-06T10:00:05.000Z",
    progress: { rowsRead: 2, matched: 1, refused: 0, duplicates: 1 },
    message: null,
    report,
  };
}

describe("MeasureImportPage", () => {
  it("offers the template, checks the file, then imports its measures after confirmation", async () => {
    const jobs = new Map<number, ImportJob<MeasureImportReport>>([
      [61, jobOf(61, reportOf("simulation"))],
      [62, jobOf(62, reportOf("application", { measures: 1 }))],
    ]);
    const modes: (string | null)[] = [];
    apiServer.use(
      http.post(`${TEST_API_BASE_URL}/api/imports/mesures`, ({ request }) => {
        const mode = new URL(request.url).searchParams.get("mode");
        modes.push(mode);
        const job = jobs.get(mode === "simulation" ? 61 : 62);
        return HttpResponse.json({ job: { ...job, status: "en_attente", report: null } }, { status: 202 });
      }),
      http.get(`${TEST_API_BASE_URL}/api/imports/mesures/travaux/dernier`, () =>
        HttpResponse.json({ job: null }),
      ),
      http.get(`${TEST_API_BASE_URL}/api/imports/mesures/travaux/:id`, ({ params }) =>
        HttpResponse.json({ job: jobs.get(Number(params.id)) ?? null }),
      ),
    );
    const user = userEvent.setup();
    renderPage(
      <ImportApiContext value={createImportApi(TEST_API_BASE_URL, 10)}>
        <MeasureImportPage />
      </ImportApiContext>,
      { url: "/indicateurs/import-mesures", path: "/indicateurs/import-mesures" },
    );
    expect(document.title).toBe("Importer des mesures — Défis");
    expect(
      screen.getByRole("link", { name: "Télécharger le modèle (CSV pour Excel)" }).getAttribute("href"),
    ).toBe(MEASURE_TEMPLATE_PATH);

    await user.upload(
      screen.getByLabelText(/Fichier de mesures/),
      new File([CSV], "mesures.csv", { type: "text/csv" }),
    );
    await user.click(screen.getByRole("button", { name: "Vérifier le fichier" }));

    const heading = await screen.findByRole("heading", { name: "Vérification du fichier « mesures.csv »" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const table = screen.getByRole("table", { name: "Lignes du fichier (2)" });
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows[0]?.textContent).toContain("Délai de traitement (n° 12)");
    expect(bodyRows[0]?.textContent).toContain("38,5");
    expect(bodyRows[0]?.textContent).toContain("31/03/2024");
    expect(bodyRows[1]?.textContent).toContain("Déjà enregistrée");
    const totals = screen.getByRole("list", { name: "Totaux du fichier" });
    expect(totals.textContent).toContain("1 mesure à importer");
    expect(totals.textContent).toContain("1 mesure déjà enregistrée");

    await user.click(screen.getByRole("button", { name: "Importer 1 mesure" }));
    const confirmation = await screen.findByRole("heading", { name: "Confirmer l'import" });
    expect(confirmation.parentElement?.textContent).toContain("1 mesure va être enregistrée.");
    await user.click(screen.getByRole("button", { name: "Confirmer l'import" }));

    const done = await screen.findByRole("heading", { name: "Import terminé" });
    expect(done.parentElement?.textContent).toContain(
      "1 mesure enregistrée ; 1 mesure déjà enregistrée ignorée sur 2 lignes.",
    );
    expect(modes).toEqual(["simulation", "application"]);
  });

  it("says that nothing was written when the file has errors", async () => {
    const refused = {
      ...jobOf(63, {
        ...reportOf("application"),
        totals: { lines: 1, toImport: 0, duplicates: 0, errors: 1 },
        detail: "erreurs",
        rows: [{ ...rows[0], outcome: "erreur", message: "Aucun lauréat n'a l'identifiant « inconnu »." }],
      } as MeasureImportReport),
      status: "refuse" as const,
      message:
        "Aucune mesure n'a été importée : 1 ligne est en erreur. Corrigez le fichier puis recommencez.",
    };
    apiServer.use(
      http.post(`${TEST_API_BASE_URL}/api/imports/mesures`, () =>
        HttpResponse.json({ job: { ...refused, status: "en_attente", report: null } }, { status: 202 }),
      ),
      http.get(`${TEST_API_BASE_URL}/api/imports/mesures/travaux/dernier`, () =>
        HttpResponse.json({ job: null }),
      ),
      http.get(`${TEST_API_BASE_URL}/api/imports/mesures/travaux/:id`, () =>
        HttpResponse.json({ job: refused }),
      ),
    );
    const user = userEvent.setup();
    renderPage(
      <ImportApiContext value={createImportApi(TEST_API_BASE_URL, 10)}>
        <MeasureImportPage />
      </ImportApiContext>,
      { url: "/indicateurs/import-mesures", path: "/indicateurs/import-mesures" },
    );
    await user.upload(
      screen.getByLabelText(/Fichier de mesures/),
      new File([CSV], "mesures.csv", { type: "text/csv" }),
    );
    await user.click(screen.getByRole("button", { name: "Vérifier le fichier" }));
    await screen.findByRole("heading", { name: "Le fichier n'a pas pu être vérifié" });
    screen.getByText(
      "Aucune mesure n'a été importée : 1 ligne est en erreur. Corrigez le fichier puis recommencez.",
    );
    expect(screen.getByRole("table", { name: "Lignes en erreur (1 ligne détaillée)" }).textContent).toContain(
      "Aucun lauréat n'a l'identifiant « inconnu ».",
    );
  });
});
