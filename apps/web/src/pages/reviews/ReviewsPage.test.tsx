import type {
  OpenReviewInput,
  RecordDecisionInput,
  ReviewDecisions,
  UpdateDecisionStatusInput,
} from "@defis/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { officerUser, overviewFixture } from "../../test/fixtures";
import { openChartData } from "../../test/chart-data";
import { renderApp } from "../../test/render";
import { reviewDetail, reviewSummaries } from "../../features/dashboard/dashboard-fixtures";
import { leadershipUser } from "../../features/finance/finance-fixtures";
import { reviewDecisionsFixture } from "../../features/reviews/decision-fixtures";
import { impactChangesFixture, impactPortfolioFixture } from "../../features/dashboard/impact-fixtures";

function serveReviews(open: (input: OpenReviewInput) => unknown = () => reviewSummaries[0]) {
  const opened: OpenReviewInput[] = [];
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "reviews.list": () => reviewSummaries,
    "reviews.byId": () => reviewDetail,
    "reviews.decisions": () => reviewDecisionsFixture,
    "reviews.open": (input) => {
      opened.push(input as OpenReviewInput);
      return open(input as OpenReviewInput);
    },
  });
  return opened;
}

describe("Reviews", { timeout: 20_000 }, () => {
  it("lists the reviews newest first; leadership reads them and opens none", async () => {
    mockAuth({ user: leadershipUser });
    serveReviews();
    renderApp("/revues");
    const table = await screen.findByRole(
      "table",
      { name: /Revues, de la plus récente/ },
      { timeout: 5_000 },
    );
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]?.textContent).toContain("25 novembre 2026");
    expect(rows[1]?.textContent).toContain("Scénario de démonstration");
    expect(
      within(table).getByRole("link", { name: "Comité de pilotage de novembre" }).getAttribute("href"),
    ).toBe("/revues/2");
    expect(screen.queryByRole("button", { name: "Ouvrir la revue" })).toBeNull();
  });

  it("refuses a short title in French without calling the API, then opens the review and goes to it", async () => {
    mockAuth({ user: officerUser });
    const opened = serveReviews();
    renderApp("/revues");
    const title = await screen.findByLabelText(/^Intitulé/, {}, { timeout: 5_000 });
    fireEvent.change(screen.getByLabelText(/^État au/), { target: { value: "2026-11-25" } });
    await userEvent.type(title, "ab");
    await userEvent.click(screen.getByRole("button", { name: "Ouvrir la revue" }));
    expect(await screen.findByText("Donnez un intitulé d'au moins 3 caractères.")).toBeTruthy();
    expect(opened).toEqual([]);
    expect(screen.getByTestId("location").textContent).toBe("/revues");
    await userEvent.type(title, "c de novembre");
    await userEvent.click(screen.getByRole("button", { name: "Ouvrir la revue" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/revues/2"));
    expect(opened).toEqual([{ asOf: "2026-11-25", title: "abc de novembre" }]);
  });

  it("says why the server refused a second review for the same day", async () => {
    mockAuth({ user: officerUser });
    serveReviews(() => new ProcedureError("CONFLICT", "Une revue existe déjà pour le 25/11/2026.", 409));
    renderApp("/revues");
    await userEvent.type(await screen.findByLabelText(/^Intitulé/, {}, { timeout: 5_000 }), "Comité bis");
    await userEvent.click(screen.getByRole("button", { name: "Ouvrir la revue" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Une revue existe déjà pour le 25/11/2026.",
    );
    expect(screen.getByTestId("location").textContent).toBe("/revues");
  });

  it("shows the frozen figures, the changes, one sheet per laureate, and prints", async () => {
    mockAuth({ user: leadershipUser });
    serveReviews();
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    renderApp("/revues/2");
    await screen.findByRole(
      "heading",
      { level: 1, name: "Comité de pilotage de novembre" },
      { timeout: 5_000 },
    );
    expect(screen.getByText("État au 25 novembre 2026")).toBeTruthy();
    expect(screen.getByText("Revue de démonstration")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Chiffres clés" }).textContent).toContain("Jalons en retard");
    // The forecast frozen with the figures.
    expect(screen.getByRole("region", { name: "Atterrissage" }).textContent).toContain(
      "seraient versés après la date limite",
    );
    expect(
      screen.getByRole("heading", { name: "Ce qui a changé depuis la revue du 30 juin 2026" }),
    ).toBeTruthy();
    const weather = screen.getByRole("table", { name: "Changements de météo" });
    expect(within(weather).getAllByRole("row")[1]?.textContent).toBe("Registre des transportsNuageOrage");
    expect(
      within(screen.getByRole("region", { name: "Mouvements d'allocation" })).getByText("Aucun changement."),
    ).toBeTruthy();
    const sheets = screen.getAllByRole("article");
    expect(sheets).toHaveLength(2);
    const first = within(sheets[0] as HTMLElement);
    expect(first.getByRole("heading", { name: "Registre des transports" })).toBeTruthy();
    expect(first.getByText("Région Réunion")).toBeTruthy();
    expect(first.getByText(/^15\s000,00\s€$/)).toBeTruthy();
    expect(first.getByRole("table", { name: "Jalons — Registre des transports" }).textContent).toContain(
      "Atteint en retard",
    );
    expect(first.getByText(/Marché public à relancer/)).toBeTruthy();
    expect(first.getByText("82 / 100 (potentiel élevé)")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Imprimer la revue" }));
    expect(print).toHaveBeenCalledOnce();
  });

  it("draws the charts of its frozen figures, each with its table", async () => {
    mockAuth({ user: leadershipUser });
    serveReviews();
    renderApp("/revues/2");
    const money = await screen.findByRole("region", { name: "L'argent" }, { timeout: 5_000 });
    expect(money.contains(openChartData("Versements prévus, réalisés et atterrissage par mois"))).toBe(true);
    expect(screen.getByRole("region", { name: "L'avancement" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "L'essaimage" })).toBeTruthy();
  });

  it("shows the decisions taken and followed up, read only for the direction", async () => {
    mockAuth({ user: leadershipUser });
    serveReviews();
    renderApp("/revues/2");
    const taken = await screen.findByRole(
      "table",
      { name: "Décisions prises à la revue du 25 novembre 2026" },
      { timeout: 5_000 },
    );
    expect(within(taken).getAllByRole("row")[1]?.textContent).toContain("Registre des transports");
    const carried = screen.getByRole("table", {
      name: "Décisions des revues précédentes, statut au 25 novembre 2026",
    });
    const row = within(carried).getAllByRole("row")[1]?.textContent ?? "";
    expect(row).toContain("Tout le programme");
    expect(row).toContain("En retard");
    expect(row).toContain("Échange à programmer");
    expect(row).toContain("noté à la revue du 30 juin 2026");
    expect(screen.queryByRole("button", { name: "Enregistrer une décision" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Noter le statut/ })).toBeNull();
    expect(screen.getByRole("link", { name: /CSV pour Excel/ }).getAttribute("href")).toBe(
      "/api/exports/decisions.csv",
    );
  });

  it("records a decision: refused in French without calling the API, then sent", async () => {
    mockAuth({ user: officerUser });
    const recorded: RecordDecisionInput[] = [];
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "reviews.byId": () => reviewDetail,
      "reviews.decisions": () => reviewDecisionsFixture,
      "reviews.recordDecision": (input) => {
        recorded.push(input as RecordDecisionInput);
        return { decisionId: 8, version: 1 };
      },
    });
    renderApp("/revues/2");
    await userEvent.click(
      await screen.findByRole("button", { name: "Enregistrer une décision" }, { timeout: 5_000 }),
    );
    const form = screen.getByRole("form", { name: "Enregistrer une décision" });
    await userEvent.type(within(form).getByLabelText(/^Décision/), "Oui");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer la décision" }));
    expect(await screen.findByText("Décrivez la décision en 5 caractères au moins.")).toBeTruthy();
    expect(screen.getByText("Indiquez qui en est responsable.")).toBeTruthy();
    expect(recorded).toEqual([]);
    await userEvent.type(within(form).getByLabelText(/^Décision/), " : vérifier l'échéancier");
    await userEvent.type(within(form).getByLabelText(/^Responsable/), "Camille Martin");
    fireEvent.change(within(form).getByLabelText(/^Échéance/), { target: { value: "2027-01-15" } });
    await userEvent.click(within(form).getByLabelText("Accueil des usagers"));
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer la décision" }));
    await waitFor(() =>
      expect(recorded).toEqual([
        {
          reviewId: 2,
          text: "Oui : vérifier l'échéancier",
          owner: "Camille Martin",
          dueOn: "2027-01-15",
          laureateSlugs: ["accueil-usagers"],
        },
      ]),
    );
    expect(
      await screen.findByText("La décision « Oui : vérifier l'échéancier » est enregistrée."),
    ).toBeTruthy();
  });

  it("notes the status of an earlier decision, an abandonment with its reason", async () => {
    mockAuth({ user: officerUser });
    const noted: UpdateDecisionStatusInput[] = [];
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "reviews.byId": () => reviewDetail,
      "reviews.decisions": () => reviewDecisionsFixture,
      "reviews.updateDecision": (input) => {
        noted.push(input as UpdateDecisionStatusInput);
        return { decisionId: 5, status: "abandonnee", version: 3 };
      },
    });
    renderApp("/revues/2");
    await userEvent.click(
      await screen.findByRole(
        "button",
        { name: "Noter le statut : Vérifier l'échéancier avec le porteur" },
        { timeout: 5_000 },
      ),
    );
    const form = screen.getByRole("form", { name: /^Suivi de la décision/ });
    await userEvent.selectOptions(within(form).getByLabelText(/^Statut/), "abandonnee");
    await userEvent.clear(within(form).getByLabelText(/^Note/));
    await userEvent.click(within(form).getByRole("button", { name: "Noter le statut" }));
    expect(
      await screen.findByText("Indiquez pourquoi la décision est abandonnée (5 caractères au moins)."),
    ).toBeTruthy();
    expect(noted).toEqual([]);
    await userEvent.type(within(form).getByLabelText(/^Note/), "Remplacée par un point mensuel");
    await userEvent.click(within(form).getByRole("button", { name: "Noter le statut" }));
    await waitFor(() =>
      expect(noted).toEqual([
        {
          decisionId: 5,
          reviewId: 2,
          version: 2,
          status: "abandonnee",
          note: "Remplacée par un point mensuel",
        },
      ]),
    );
  });

  it("keeps an older review's decisions as they were: nothing to record or note there", async () => {
    mockAuth({ user: officerUser });
    const older: ReviewDecisions = { ...reviewDecisionsFixture, isLatest: false };
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "reviews.byId": () => reviewDetail,
      "reviews.decisions": () => older,
    });
    renderApp("/revues/2");
    expect(await screen.findByText(/Une revue plus récente existe/, {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Enregistrer une décision" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Noter le statut/ })).toBeNull();
  });

  it("shows a review frozen before the forecast existed, without one", async () => {
    mockAuth({ user: leadershipUser });
    const { forecast: _forecast, ...figures } = reviewDetail.snapshot.figures;
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "reviews.byId": () => ({ ...reviewDetail, snapshot: { ...reviewDetail.snapshot, figures } }),
      "reviews.decisions": () => reviewDecisionsFixture,
    });
    renderApp("/revues/2");
    await screen.findByRole("list", { name: "Chiffres clés" }, { timeout: 5_000 });
    expect(screen.queryByRole("region", { name: "Atterrissage" })).toBeNull();
    expect(screen.getAllByRole("article")).toHaveLength(2);
  });

  it("says so for the first review", async () => {
    mockAuth({ user: leadershipUser });
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "reviews.byId": () => ({ ...reviewDetail, changes: null }),
      "reviews.decisions": () => reviewDecisionsFixture,
    });
    renderApp("/revues/1");
    expect(await screen.findByText(/il n'y a pas de revue précédente/, {}, { timeout: 5_000 })).toBeTruthy();
  });

  it("shows impact frozen on the review's day, and what changed since the previous review", async () => {
    mockAuth({ user: leadershipUser });
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "reviews.byId": () => ({
        ...reviewDetail,
        snapshot: { ...reviewDetail.snapshot, impact: impactPortfolioFixture },
        impactChanges: impactChangesFixture,
      }),
      "reviews.decisions": () => reviewDecisionsFixture,
    });
    renderApp("/revues/2");
    const changes = await screen.findByRole(
      "region",
      { name: "Impact : ce qui a changé depuis la revue du 30 avril 2025" },
      { timeout: 5_000 },
    );
    const measures = within(changes).getByRole("table", { name: "Nouvelles mesures" });
    expect(
      Array.from(
        within(measures).getAllByRole("row")[1]?.querySelectorAll("th, td") ?? [],
        (cell) => cell.textContent,
      ),
    ).toEqual([
      "APiLos : déploiement national des conventions APL automatisées",
      "Bailleurs accompagnés",
      "500",
      "15/05/2025",
    ]);
    expect(within(changes).getByRole("table", { name: "Cibles atteintes depuis" }).textContent).toContain(
      "Bailleurs accompagnés",
    );
    expect(
      within(within(changes).getByRole("region", { name: "Indicateurs à mettre à jour" })).getByText(
        "Aucun changement.",
      ),
    ).toBeTruthy();
    // The frozen figures, drawn with the review's charts.
    const frozen = await screen.findByRole("region", { name: "L'impact" }, { timeout: 5_000 });
    expect(
      within(frozen).getByRole("heading", { name: "Usagers accompagnés : 700 pour une cible de 1\u202f800" }),
    ).toBeTruthy();
  });

  it("still shows a review opened before impact was followed", async () => {
    mockAuth({ user: leadershipUser });
    serveReviews();
    renderApp("/revues/2");
    const section = await screen.findByRole("region", { name: "Impact" }, { timeout: 5_000 });
    expect(section.textContent).toContain("ouverte avant le suivi des indicateurs d'impact");
    expect(screen.queryByRole("region", { name: "L'impact" })).toBeNull();
  });
});
