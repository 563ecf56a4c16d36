import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { apiServer, TEST_API_BASE_URL } from "../../test/api-server";
import { renderPage } from "../../test/render";
import type { ImportJob, ImportMode, ImportReport, ImportRowReport } from "@defis/domain";
import { createImportApi, ImportApiContext } from "../../features/imports/import-api";
import ImportPage from "./ImportPage";

const CSV = "numéro EJ;date;montant;référence\n2100000001;15/01/2024;30 000,00;VIR-1\n";

const SMICVAL = {
  slug: "smicval-zero-dechet",
  title: "Démarche collective de réduction des déchets du SMICVAL",
};

const rows: ImportRowReport[] = [
  {
    line: 2,
    ejNumber: "2100000001",
    laureate: SMICVAL,
    date: "2024-01-15",
    amountCents: 3_000_000,
    reference: "VIR-1",
    outcome: "à importer",
    message:
      "Avance n° 1 prévue le 15/01/2024 → payée ; service fait et demande de paiement constatés par l'import du 06/12/2026.",
    tranche: {
      id: 7,
      kind: "avance",
      position: 1,
      plannedOn: "2024-01-15",
      plannedAmountCents: 3_000_000,
      status: "prevu",
    },
  },
  {
    line: 3,
    ejNumber: "2100000001",
    laureate: SMICVAL,
    date: "2024-02-01",
    amountCents: 123_456,
    reference: "VIR-2",
    outcome: "à importer",
    message: "Hors échéancier, motif : « Import du relevé du 06/12/2026 : aucune tranche ouverte ».",
    tranche: null,
  },
  {
    line: 4,
    ejNumber: "2100000001",
    laureate: SMICVAL,
    date: "2024-02-01",
    amountCents: 123_456,
    reference: "VIR-2",
    outcome: "doublon",
    message: "Ligne identique à la ligne 3 du fichier.",
    tranche: null,
  },
];

function reportOf(overrides: Partial<ImportReport>): ImportReport {
  return {
    mode: "simulation",
    format: "csv",
    sha256: "ab".repeat(32),
    totals: {
      lines: 3,
      toImport: 2,
      duplicates: 1,
      errors: 0,
      toImportCents: 3_123_456,
      tranchesToPay: 1,
      outsideSchedule: 1,
    },
    detail: "toutes",
    notice: null,
    rows,
    applied: null,
    ...overrides,
  };
}

/** A job of the server, by default ended as `status` with `report`. */
function jobOf(mode: ImportMode, overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 41,
    kind: "paiements",
    mode,
    status: "termine",
    format: "csv",
    sha256: "ab".repeat(32),
    requestedBy: "Agnès Agent",
    createdAt: "2026-12-06T10:00:00.000Z",
    finishedAt: "2026-12-06T10:00:05.000Z",
    progress: { rowsRead: 3, matched: 2, refused: 0, duplicates: 1 },
    message: null,
    report: null,
    ...overrides,
  };
}

interface Call {
  mode: string | null;
  source: string | null;
  contentType: string | null;
  body: string;
}

/** Either the job the upload starts, read once it has ended, or a refusal of the upload itself. */
type Answer = { job: ImportJob } | { status: number; body: Record<string, unknown> };

/**
 * POST /api/imports/paiements answers 202 with the job of its mode (still
 * waiting), GET …/travaux/:id with that job as it ended, …/dernier with
 * `latest`; every upload is recorded with its headers and body.
 */
function mockImports(answers: Record<string, Answer>, latest: ImportJob | null = null): Call[] {
  const calls: Call[] = [];
  const started = new Map<number, ImportJob>();
  apiServer.use(
    http.post(`${TEST_API_BASE_URL}/api/imports/paiements`, async ({ request }) => {
      const mode = new URL(request.url).searchParams.get("mode");
      calls.push({
        mode,
        source: request.headers.get("x-trpc-source"),
        contentType: request.headers.get("content-type"),
        body: await request.text(),
      });
      if (!request.headers.get("x-trpc-source")) {
        return HttpResponse.json({ error: { message: "En-tête absent." } }, { status: 400 });
      }
      const answer = answers[mode ?? ""];
      if (!answer) return HttpResponse.json({ error: { message: "Mode inconnu." } }, { status: 400 });
      if (!("job" in answer)) return HttpResponse.json(answer.body, { status: answer.status });
      started.set(answer.job.id, answer.job);
      return HttpResponse.json(
        { job: { ...answer.job, status: "en_attente", report: null, message: null, finishedAt: null } },
        { status: 202 },
      );
    }),
    http.get(`${TEST_API_BASE_URL}/api/imports/paiements/travaux/dernier`, () =>
      HttpResponse.json({ job: latest }),
    ),
    http.get(`${TEST_API_BASE_URL}/api/imports/paiements/travaux/:id`, ({ params }) =>
      HttpResponse.json({ job: started.get(Number(params.id)) ?? null }),
    ),
  );
  return calls;
}

function renderImportPage() {
  return renderPage(
    <ImportApiContext value={createImportApi(TEST_API_BASE_URL, 10)}>
      <ImportPage />
    </ImportApiContext>,
    { url: "/finances/import", path: "/finances/import" },
  );
}

async function chooseAndCheck(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByLabelText(/Relevé de paiements/), file);
  await user.click(screen.getByRole("button", { name: "Vérifier le fichier" }));
}

describe("ImportPage", () => {
  it("checks the file, shows each row's outcome and the totals, then imports after confirmation", async () => {
    const calls = mockImports({
      simulation: { job: jobOf("simulation", { report: reportOf({}) }) },
      application: {
        job: jobOf("application", {
          id: 42,
          report: reportOf({
            mode: "application",
            applied: { payments: 2, amountCents: 3_123_456, tranchesPaid: 1, outsideSchedule: 1 },
          }),
        }),
      },
    });
    const user = userEvent.setup();
    renderImportPage();
    expect(document.title).toBe("Importer un relevé de paiements — Défis");

    await chooseAndCheck(user, new File([CSV], "releve.csv", { type: "application/vnd.ms-excel" }));

    const heading = await screen.findByRole("heading", { name: "Vérification du fichier « releve.csv »" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const table = screen.getByRole("table", { name: "Lignes du fichier (3)" });
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows.map((row) => within(row).getAllByRole("cell").at(5)?.textContent)).toEqual([
      "À importer",
      "À importer",
      "Doublon",
    ]);
    expect(within(bodyRows[0] as HTMLElement).getByRole("rowheader").textContent).toBe("2");
    expect(
      within(bodyRows[0] as HTMLElement)
        .getByRole("link", { name: SMICVAL.title })
        .getAttribute("href"),
    ).toBe("/laureats/smicval-zero-dechet");
    expect(bodyRows[0]?.textContent).toContain("30\u202f000,00\u00a0€");
    expect(bodyRows[0]?.textContent).toContain("15/01/2024");
    // Each row says the tranche it pays and what changes, or that it goes outside the schedule.
    expect(bodyRows[0]?.textContent).toContain(
      "Avance n° 1 prévue le 15/01/2024 → payée ; service fait et demande de paiement constatés par l'import du 06/12/2026.",
    );
    expect(bodyRows[1]?.textContent).toContain("Hors échéancier, motif : « Import du relevé du 06/12/2026");
    expect(bodyRows[2]?.textContent).toContain("Ligne identique à la ligne 3 du fichier.");
    const totals = screen.getByRole("list", { name: "Totaux du fichier" });
    expect(totals.textContent).toContain("3 lignes lues");
    expect(totals.textContent).toContain(
      "2 versements à importer pour 31\u202f234,56\u00a0€, dont 1 paie une tranche ; 1 versement ne trouve aucune tranche ouverte et sera enregistré hors échéancier",
    );
    expect(totals.textContent).toContain("1 doublon ignoré");

    await user.click(screen.getByRole("button", { name: "Importer 2 versements" }));
    const confirmation = await screen.findByRole("heading", { name: "Confirmer l'import" });
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
    expect(confirmation.parentElement?.textContent).toContain(
      "2 versements pour un total de 31\u202f234,56\u00a0€ vont être enregistrés, et 1 tranche passera à « Payé »",
    );
    await user.click(screen.getByRole("button", { name: "Confirmer l'import" }));

    const done = await screen.findByRole("heading", { name: "Import terminé" });
    expect(done.parentElement?.textContent).toContain(
      "2 versements enregistrés pour 31\u202f234,56\u00a0€ ; 1 tranche payée ; 1 versement hors échéancier ; 1 doublon ignoré sur 3 lignes.",
    );
    expect(screen.getByRole("link", { name: "Voir les finances" }).getAttribute("href")).toBe("/finances");
    // Both calls send the file itself, with the content type of its extension and the custom header.
    expect(calls).toEqual([
      { mode: "simulation", source: "defis-web", contentType: "text/csv", body: CSV },
      { mode: "application", source: "defis-web", contentType: "text/csv", body: CSV },
    ]);
  });

  it("offers no import while rows are in error", async () => {
    const errorRow: ImportRowReport = {
      ...rows[1],
      line: 5,
      outcome: "erreur",
      message: "Ce versement dépasserait le montant alloué : il reste 10,00 € à payer.",
    } as ImportRowReport;
    const calls = mockImports({
      simulation: {
        job: jobOf("simulation", {
          report: reportOf({
            totals: {
              lines: 4,
              toImport: 2,
              duplicates: 1,
              errors: 1,
              toImportCents: 3_123_456,
              tranchesToPay: 1,
              outsideSchedule: 0,
            },
            rows: [...rows, errorRow],
          }),
        }),
      },
    });
    const user = userEvent.setup();
    renderImportPage();
    await chooseAndCheck(user, new File([CSV], "releve.csv", { type: "text/csv" }));

    await screen.findByRole("heading", { name: "Vérification du fichier « releve.csv »" });
    screen.getByText(/1 ligne est en erreur\. L'import se fait en entier ou pas du tout/);
    expect(screen.queryByRole("button", { name: /^Importer/ })).toBeNull();
    expect(screen.getByRole("table").textContent).toContain("Erreur");
    expect(calls).toHaveLength(1);
  });

  it("shows the errors of a refused application: nothing was imported", async () => {
    const errorRow: ImportRowReport = {
      ...rows[1],
      line: 3,
      outcome: "erreur",
      message: "Ce versement dépasserait le montant alloué : il reste 10,00 € à payer.",
    } as ImportRowReport;
    const calls = mockImports({
      simulation: { job: jobOf("simulation", { report: reportOf({}) }) },
      application: {
        job: jobOf("application", {
          id: 42,
          status: "refuse",
          message:
            "Aucun versement n'a été importé : 1 ligne est en erreur. Corrigez le fichier puis recommencez.",
          report: reportOf({
            mode: "application",
            detail: "erreurs",
            totals: {
              lines: 3,
              toImport: 1,
              duplicates: 1,
              errors: 1,
              toImportCents: 3_000_000,
              tranchesToPay: 1,
              outsideSchedule: 0,
            },
            rows: [errorRow],
          }),
        }),
      },
    });
    const user = userEvent.setup();
    renderImportPage();
    await chooseAndCheck(user, new File([CSV], "releve.csv", { type: "text/csv" }));
    await user.click(await screen.findByRole("button", { name: "Importer 2 versements" }));
    await user.click(screen.getByRole("button", { name: "Confirmer l'import" }));

    const heading = await screen.findByRole("heading", { name: "Résultat de l'import" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    screen.getByRole("heading", { name: "Aucun versement n'a été importé" });
    screen.getByText(
      "Aucun versement n'a été importé : 1 ligne est en erreur. Corrigez le fichier puis recommencez.",
    );
    const table = screen.getByRole("table", { name: "Lignes en erreur (1 ligne détaillée)" });
    expect(within(table).getAllByRole("row")[1]?.textContent).toContain("il reste 10,00");
    expect(screen.queryByRole("heading", { name: "Import terminé" })).toBeNull();
    // What was checked may no longer hold: the file must be checked again before another attempt.
    expect(screen.queryByRole("button", { name: /^Importer/ })).toBeNull();
    expect(calls.map((call) => call.mode)).toEqual(["simulation", "application"]);
  });

  it("says in French why a file is refused, before and after sending it", async () => {
    mockImports({
      simulation: {
        job: jobOf("simulation", {
          status: "refuse",
          message: "Colonne manquante : « référence ». Colonnes attendues…",
        }),
      },
    });
    const user = userEvent.setup({ applyAccept: false });
    renderImportPage();

    await chooseAndCheck(user, new File(["x"], "releve.pdf", { type: "application/pdf" }));
    expect(screen.getAllByText("Choisissez un fichier .csv ou .xlsx.").length).toBeGreaterThan(0);

    await chooseAndCheck(user, new File([CSV], "releve.csv", { type: "text/csv" }));
    await screen.findByRole("heading", { name: "Le fichier n'a pas pu être vérifié" });
    screen.getByText("Colonne manquante : « référence ». Colonnes attendues…");
  });

  it("follows an import left running when the page opens again, shows its progress and stops it on request", async () => {
    const running = jobOf("application", {
      id: 50,
      status: "en_cours",
      finishedAt: null,
      progress: { rowsRead: 2_000, matched: 1_990, refused: 5, duplicates: 5 },
    });
    let cancelled = false;
    let readings = 0;
    mockImports({}, running);
    apiServer.use(
      http.get(`${TEST_API_BASE_URL}/api/imports/paiements/travaux/50`, () =>
        // The first reading is lost on the way: the page reads again rather than giving up.
        (readings += 1) === 1
          ? HttpResponse.error()
          : HttpResponse.json({
              job: cancelled
                ? {
                    ...running,
                    status: "annule",
                    message: "Import annulé à votre demande : rien n'a été enregistré.",
                  }
                : running,
            }),
      ),
      http.post(`${TEST_API_BASE_URL}/api/imports/paiements/travaux/50/annulation`, ({ request }) => {
        cancelled = request.headers.get("x-trpc-source") === "defis-web";
        return HttpResponse.json({ job: running });
      }),
    );
    const user = userEvent.setup();
    renderImportPage();

    // The matcher sees the text with its spaces normalised (the narrow no-break spaces of the numbers too).
    await screen.findByText("Import n° 50 : 2 000 lignes lues, 1 990 à importer, 5 en erreur, 5 doublons.");
    expect(screen.getByLabelText("Import en cours…").tagName).toBe("PROGRESS");
    await user.click(screen.getByRole("button", { name: "Annuler l'import" }));
    expect(cancelled).toBe(true);

    const heading = await screen.findByRole("heading", { name: "Résultat de l'import" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    screen.getByText("Import annulé à votre demande : rien n'a été enregistré.");
    expect(screen.queryByText(/^Import n° 50/)).toBeNull();
    expect(readings).toBe(2);
  });

  it("says which import runs when another one is refused", async () => {
    mockImports({
      simulation: {
        status: 409,
        body: {
          error: {
            message:
              "Un import est déjà en cours (n° 7, écriture lancée le 06/12/2026 10:00 par Agnès Agent) : attendez qu'il se termine ou annulez-le, puis recommencez.",
          },
        },
      },
    });
    const user = userEvent.setup();
    renderImportPage();
    await chooseAndCheck(user, new File([CSV], "releve.csv", { type: "text/csv" }));
    await screen.findByRole("heading", { name: "Le fichier n'a pas pu être vérifié" });
    screen.getByText(
      /^Un import est déjà en cours \(n° 7, écriture lancée le 06\/12\/2026 10:00 par Agnès Agent\)/,
    );
  });
});
