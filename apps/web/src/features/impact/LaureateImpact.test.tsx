import {
  PROGRESS_RATE_FORMULA,
  type CorrectMeasureInput,
  type DecideIndicatorProposalInput,
  type DefineIndicatorInput,
  type RecordMeasureInput,
  type UpdateIndicatorInput,
} from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { laureateDetailFixture, officerUser, sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { leadershipUser } from "../finance/finance-fixtures";
import { laureateProgressFixture } from "../progress/progress-fixtures";
import { takenDecision } from "../reviews/decision-fixtures";
import { laureateImpactFixture } from "./impact-fixtures";

const IMPACT = "/laureats/registre-reunion?onglet=impact";

function serveImpact(extra: Record<string, (input: unknown) => unknown> = {}) {
  mockProcedures({
    "programme.overview": () => null,
    "laureates.bySlug": () => laureateDetailFixture,
    "impact.forLaureate": () => laureateImpactFixture,
    "impact.commonIndicators": () => [],
    "progress.forLaureate": () => laureateProgressFixture,
    "reviews.laureateDecisions": () => [takenDecision],
    ...extra,
  });
}

const indicatorRegion = (name: string) => screen.findByRole("region", { name: new RegExp(`^${name}`) });

describe("the Impact tab of a laureate", () => {
  it("shows each followed indicator's figures, progress rate, badge and chart data, read-only for leadership", async () => {
    mockAuth({ user: leadershipUser });
    serveImpact();
    renderApp(IMPACT);
    const delay = await indicatorRegion("Délai moyen de traitement");
    const text = delay.textContent;
    expect(text).toContain("À jour");
    expect(text).toMatch(/Valeur initiale45\sjours au 1(er)? janvier 2022/);
    expect(text).toMatch(/Valeur actuelle30\sjours au 30 septembre 2026/);
    expect(text).toMatch(/Cible20\sjours au 31 décembre 2024/);
    expect(text).toMatch(/Cibles annuelles2023 : 30\sjours/);
    expect(text).toMatch(/Taux d'avancement60\s%/);
    expect(text).toContain(PROGRESS_RATE_FORMULA);
    expect(text).toContain("À la baisse");
    expect(text).toContain("Tableau de bord du service");
    // The chart's data: baseline, measures, the yearly target and the target, by date.
    const data = within(delay).getByRole("table", {
      name: "Valeur initiale, mesures et cibles de « Délai moyen de traitement »",
    });
    expect(
      within(data)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      "01/01/2022Valeur initiale45",
      "31/12/2023Cible 202330",
      "31/12/2024Cible20",
      "30/06/2025Mesure35",
      "30/09/2026Mesure30",
    ]);
    expect(within(delay).getByRole("button", { name: "Télécharger les données (CSV)" })).toBeDefined();
    // A measure's correction: the previous value, who wrote it and when.
    const measures = within(delay).getByRole("table", { name: "Mesures de « Délai moyen de traitement »" });
    expect(measures.textContent).toMatch(/Avant : 38\sjours \(Sacha Bernard \(démo\), le 01\/07\/2025/);

    const users = await indicatorRegion("Usagers accompagnés");
    expect(users.textContent).toContain("Démonstration");
    expect(users.textContent).toContain("À mettre à jour");
    expect(users.textContent).toContain("Mesure attendue depuis le 30 juillet 2026");
    expect(users.textContent).toMatch(/300\susagers au 30 juin 2026/);
    expect(users.textContent).toContain("Usagers touchés");
    // The refused proposal and its reason are shown; leadership acts on nothing.
    expect(screen.getByText(/Une réunion ne dit rien du service rendu aux usagers\./)).toBeDefined();
    expect(
      screen.queryByRole("button", { name: /Définir|Proposer|Saisir|Modifier|Corriger|Accepter/ }),
    ).toBeNull();
  });

  it("gives officers the definition, the decisions and the measures; refuses a target against the direction", async () => {
    mockAuth({ user: officerUser });
    const defined: DefineIndicatorInput[] = [];
    const decided: DecideIndicatorProposalInput[] = [];
    serveImpact({
      "impact.commonIndicators": () => [
        {
          id: 5,
          name: "Usagers touchés",
          unit: "nombre",
          unitLabel: "usagers",
          aggregation: "somme",
          description: "",
          version: 1,
          isDemo: false,
          linkedIndicators: 3,
        },
      ],
      "impact.defineIndicator": (input) => {
        defined.push(input as DefineIndicatorInput);
        return { indicatorId: 9 };
      },
      "impact.decideProposal": (input) => {
        decided.push(input as DecideIndicatorProposalInput);
        return { indicatorId: 3 };
      },
    });
    renderApp(IMPACT);
    await indicatorRegion("Délai moyen de traitement");
    expect(
      screen.getByRole("button", { name: "Modifier l'indicateur « Délai moyen de traitement »" }),
    ).toBeDefined();
    expect(
      screen.getByRole("button", { name: "Saisir une mesure de « Délai moyen de traitement »" }),
    ).toBeDefined();
    expect(screen.queryByRole("button", { name: "Proposer un indicateur" })).toBeNull();

    // Refusing needs a reason, shown to the sponsor.
    await userEvent.click(
      screen.getByRole("button", { name: "Refuser la proposition « Taux de satisfaction »" }),
    );
    const refusal = await screen.findByRole("form", {
      name: "Refuser la proposition « Taux de satisfaction »",
    });
    await userEvent.click(within(refusal).getByRole("button", { name: "Confirmer le refus" }));
    expect(
      await within(refusal).findByText("Donnez la raison du refus (5 caractères au moins)."),
    ).toBeDefined();
    await userEvent.type(
      within(refusal).getByLabelText(/^Raison du refus/),
      "Déjà mesuré par l'enquête nationale.",
    );
    await userEvent.click(within(refusal).getByRole("button", { name: "Confirmer le refus" }));
    await waitFor(() => expect(decided).toHaveLength(1));
    expect(decided[0]).toEqual({
      laureateSlug: "registre-reunion",
      indicatorId: 3,
      version: 1,
      decision: "refuser",
      reason: "Déjà mesuré par l'enquête nationale.",
    });

    await userEvent.click(screen.getByRole("button", { name: "Définir un indicateur" }));
    const form = await screen.findByRole("form", { name: "Définir un indicateur" });
    await userEvent.type(within(form).getByLabelText(/^Nom de l'indicateur/), "Dossiers traités en ligne");
    await userEvent.type(within(form).getByLabelText(/^Libellé de l'unité/), "dossiers");
    await userEvent.type(within(form).getByLabelText(/^Valeur initiale/), "1 200");
    await userEvent.type(within(form).getByLabelText("Date de la valeur initiale"), "2024-01-01");
    await userEvent.type(within(form).getByLabelText(/^Valeur cible/), "900");
    await userEvent.type(within(form).getByLabelText("Date de la cible"), "2026-12-31");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(
      await within(form).findByText("Pour un indicateur à la hausse, la cible dépasse la valeur initiale."),
    ).toBeDefined();
    expect(defined).toHaveLength(0);
    await userEvent.clear(within(form).getByLabelText(/^Valeur cible/));
    await userEvent.type(within(form).getByLabelText(/^Valeur cible/), "2 500,5");
    await userEvent.click(within(form).getByRole("button", { name: "Ajouter une cible annuelle" }));
    await userEvent.type(within(form).getByLabelText("Année de la cible annuelle 1"), "2025");
    await userEvent.type(within(form).getByLabelText("Valeur de la cible annuelle 1"), "1800");
    await userEvent.selectOptions(within(form).getByLabelText("Lié à un indicateur commun"), "5");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(defined).toHaveLength(1));
    expect(defined[0]).toMatchObject({
      name: "Dossiers traités en ligne",
      unit: "nombre",
      unitLabel: "dossiers",
      baselineValue: 1200,
      targetValue: 2500.5,
      yearlyTargets: [{ year: 2025, value: 1800 }],
      commonIndicatorId: 5,
      weight: 1,
    });
    expect(await screen.findByText("L'indicateur a été défini.")).toBeDefined();
  });

  it("lets officers modify an indicator on the version read, and accept a proposal", async () => {
    mockAuth({ user: officerUser });
    const updated: UpdateIndicatorInput[] = [];
    const decided: DecideIndicatorProposalInput[] = [];
    serveImpact({
      "impact.updateIndicator": (input) => {
        updated.push(input as UpdateIndicatorInput);
        return { indicatorId: 1 };
      },
      "impact.decideProposal": (input) => {
        decided.push(input as DecideIndicatorProposalInput);
        return { indicatorId: 3 };
      },
    });
    renderApp(IMPACT);
    await userEvent.click(
      await screen.findByRole("button", { name: "Accepter la proposition « Taux de satisfaction »" }),
    );
    await waitFor(() => expect(decided).toHaveLength(1));
    expect(decided[0]).toEqual({
      laureateSlug: "registre-reunion",
      indicatorId: 3,
      version: 1,
      decision: "accepter",
    });
    expect(
      await screen.findByText("L'indicateur « Taux de satisfaction » est accepté : il est désormais suivi."),
    ).toBeDefined();

    await userEvent.click(
      screen.getByRole("button", { name: "Modifier l'indicateur « Délai moyen de traitement »" }),
    );
    const form = await screen.findByRole("form", {
      name: "Modifier l'indicateur « Délai moyen de traitement »",
    });
    expect(within(form).getByLabelText<HTMLInputElement>("Valeur de la cible annuelle 1").value).toBe("30");
    const name = within(form).getByLabelText(/^Nom de l'indicateur/);
    await userEvent.clear(name);
    await userEvent.type(name, "Délai moyen de traitement d'un dossier");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(updated).toHaveLength(1));
    expect(updated[0]).toMatchObject({
      indicatorId: 1,
      version: 1,
      name: "Délai moyen de traitement d'un dossier",
      unit: "jours",
      direction: "baisse",
      baselineValue: 45,
      baselineOn: "2022-01-01",
      targetValue: 20,
      yearlyTargets: [{ year: 2023, value: 30 }],
      source: "Tableau de bord du service",
    });
    expect(await screen.findByText("L'indicateur a été modifié.")).toBeDefined();
    // Back where the officer started.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toContain(
        "Modifier l'indicateur « Délai moyen de traitement »",
      ),
    );
  });

  it("lets the sponsor propose an indicator and record a measure, the server's refusal shown on its field", async () => {
    mockAuth({ user: sponsorUser });
    const recorded: RecordMeasureInput[] = [];
    const corrected: CorrectMeasureInput[] = [];
    serveImpact({
      "impact.recordMeasure": (input) => {
        recorded.push(input as RecordMeasureInput);
        return recorded.length === 1
          ? new ProcedureError("BAD_REQUEST", "Une mesure existe déjà à cette date.", 400, null, {
              measuredOn: ["Une mesure existe déjà à cette date : corrigez-la plutôt."],
            })
          : { measureId: 300 };
      },
      "impact.correctMeasure": (input) => {
        corrected.push(input as CorrectMeasureInput);
        return { measureId: 102 };
      },
    });
    renderApp(IMPACT);
    await indicatorRegion("Délai moyen de traitement");
    expect(screen.getByRole("button", { name: "Proposer un indicateur" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Définir un indicateur" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Modifier|^Accepter|^Refuser/ })).toBeNull();
    expect(screen.getByText(/Taux de satisfaction — en attente de la décision de la DITP/)).toBeDefined();

    await userEvent.click(
      screen.getByRole("button", { name: "Saisir une mesure de « Délai moyen de traitement »" }),
    );
    const form = await screen.findByRole("form", {
      name: "Saisir une mesure de « Délai moyen de traitement »",
    });
    await userEvent.type(within(form).getByLabelText(/^Valeur \(jours\)/), "28,555");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(await within(form).findByText("Deux décimales au plus.")).toBeDefined();
    expect(recorded).toHaveLength(0);
    const value = within(form).getByLabelText(/^Valeur \(jours\)/);
    await userEvent.clear(value);
    await userEvent.type(value, "28,5");
    const day = within(form).getByLabelText("Date de la mesure");
    await userEvent.clear(day);
    await userEvent.type(day, "2026-09-30");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(
      await within(form).findByText("Une mesure existe déjà à cette date : corrigez-la plutôt."),
    ).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(day));
    await userEvent.clear(day);
    await userEvent.type(day, "2026-12-01");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(
      await screen.findByText("La mesure de « Délai moyen de traitement » a été enregistrée."),
    ).toBeDefined();
    expect(recorded[1]).toEqual({
      laureateSlug: "registre-reunion",
      indicatorId: 1,
      value: 28.5,
      measuredOn: "2026-12-01",
      source: "Tableau de bord du service",
      comment: "",
    });

    await userEvent.click(screen.getByRole("button", { name: "Corriger la mesure du 30 septembre 2026" }));
    const correction = await screen.findByRole("form", { name: /^Corriger la mesure du 30 septembre 2026/ });
    expect(within(correction).queryByLabelText("Date de la mesure")).toBeNull();
    const corrected30 = within(correction).getByLabelText(/^Valeur/);
    await userEvent.clear(corrected30);
    await userEvent.type(corrected30, "29");
    await userEvent.click(within(correction).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(corrected).toHaveLength(1));
    expect(corrected[0]).toMatchObject({ measureId: 102, version: 1, value: 29 });
  });

  it("is a tab of the laureate page that keeps the day, read-only on a past day", async () => {
    mockAuth({ user: officerUser });
    const asked: unknown[] = [];
    serveImpact({
      "impact.forLaureate": (input) => {
        asked.push(input);
        return { ...laureateImpactFixture, asOf: "2026-11-01" };
      },
    });
    // The « Impact » tab keeps the day chosen on another tab.
    renderApp("/laureats/registre-reunion?etat-au=2026-11-01");
    await userEvent.click(await screen.findByRole("tab", { name: "Impact" }));
    expect(screen.getByTestId("location").textContent).toBe(`${IMPACT}&etat-au=2026-11-01`);
    await indicatorRegion("Délai moyen de traitement");
    expect(asked).toEqual([{ slug: "registre-reunion", asOf: "2026-11-01" }]);
    expect(screen.getByText(/À une date passée/)).toBeDefined();
    expect(screen.queryByRole("button", { name: /Définir|Saisir|Modifier|Corriger|Accepter/ })).toBeNull();
  });
});
