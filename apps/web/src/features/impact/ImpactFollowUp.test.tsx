import type { GuidedUpdateInput, RecordMeasureInput } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth } from "../../test/api-server";
import { sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { parisToday } from "../../lib/format";
import { leadershipUser } from "../finance/finance-fixtures";
import { serveFollowUp } from "../progress/serve-follow-up";
import { laureateImpactFixture, upToDateImpactFixture } from "./impact-fixtures";

const SUIVI = "/laureats/registre-reunion?onglet=suivi";
const GUIDED = "/mes-projets/registre-reunion/mise-a-jour";

const serve = (extra: Record<string, (input: unknown) => unknown> = {}) =>
  serveFollowUp(laureateImpactFixture, extra);

describe("the measures due, on the Suivi tab", () => {
  it("lists the indicators to update, each with the Impact tab's measure form", async () => {
    mockAuth({ user: sponsorUser });
    const recorded: RecordMeasureInput[] = [];
    serve({
      "impact.recordMeasure": (input) => {
        recorded.push(input as RecordMeasureInput);
        return { measureId: 300 };
      },
    });
    renderApp(SUIVI);
    const due = await screen.findByRole("region", { name: "Mesures attendues" });
    expect(due.textContent).toContain("Usagers accompagnés");
    expect(due.textContent).toMatch(/dernière mesure 300\susagers au 30 juin 2026/);
    // Up to date, the delay is not listed.
    expect(due.textContent).not.toContain("Délai moyen de traitement");
    await userEvent.click(
      within(due).getByRole("button", { name: "Saisir une mesure de « Usagers accompagnés »" }),
    );
    const form = await screen.findByRole("form", { name: "Saisir une mesure de « Usagers accompagnés »" });
    await userEvent.type(within(form).getByLabelText(/^Valeur \(usagers\)/), "1 050");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(recorded).toHaveLength(1));
    expect(recorded[0]).toMatchObject({ indicatorId: 2, value: 1050, measuredOn: parisToday() });
  });

  it("shows leadership what is due without a form", async () => {
    mockAuth({ user: leadershipUser });
    serve();
    renderApp(SUIVI);
    const due = await screen.findByRole("region", { name: "Mesures attendues" });
    expect(within(due).queryByRole("button")).toBeNull();
  });

  it("shows nothing when every indicator is up to date", async () => {
    mockAuth({ user: sponsorUser });
    let answered = false;
    serve({
      "impact.forLaureate": () => {
        answered = true;
        return upToDateImpactFixture;
      },
    });
    renderApp(SUIVI);
    await screen.findByRole("region", { name: "Jalons" });
    await waitFor(() => expect(answered).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole("region", { name: "Mesures attendues" })).toBeNull();
  });
});

describe("the guided update's « Indicateurs » step", () => {
  it("asks for a measure of each indicator due and sends the measures with the rest", async () => {
    mockAuth({ user: sponsorUser });
    const received: GuidedUpdateInput[] = [];
    serve({
      "progress.submitUpdate": (input) => {
        received.push(input as GuidedUpdateInput);
        return { period: "2026-11", commentIds: [] };
      },
    });
    renderApp(GUIDED);
    expect(await screen.findByText("Étape 1 sur 5")).toBeDefined();
    await userEvent.type(screen.getByLabelText(/^Synthèse/), "Le calendrier est tenu ce mois-ci.");
    await userEvent.click(screen.getByLabelText(/^Soleil/));
    for (let step = 0; step < 2; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    expect(await screen.findByText("Étape 3 sur 5")).toBeDefined();
    const users = screen.getByRole("group", { name: /Usagers accompagnés/ });
    expect(screen.queryByRole("group", { name: /Délai moyen de traitement/ })).toBeNull();
    await userEvent.type(within(users).getByLabelText(/^Valeur \(usagers\)/), "450,555");
    for (let step = 0; step < 2; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    await userEvent.click(await screen.findByRole("button", { name: "Enregistrer la mise à jour" }));
    // A wrong value takes the sponsor back to its step, nothing sent.
    expect(await screen.findByText("Étape 3 sur 5")).toBeDefined();
    expect(screen.getByText("Deux décimales au plus.")).toBeDefined();
    expect(received).toHaveLength(0);
    const value = within(screen.getByRole("group", { name: /Usagers accompagnés/ })).getByLabelText(
      /^Valeur \(usagers\)/,
    );
    await userEvent.clear(value);
    await userEvent.type(value, "450");
    for (let step = 0; step < 2; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    expect(screen.getByText(/Usagers accompagnés : 450\susagers au/)).toBeDefined();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer la mise à jour" }));
    await screen.findByRole("heading", { name: "Mise à jour enregistrée" });
    expect(screen.getByText(/les jalons, 1 mesure d'indicateur et vos commentaires/)).toBeDefined();
    expect(received[0]?.measures).toEqual([
      { indicatorId: 2, value: 450, measuredOn: parisToday(), source: "", comment: "" },
    ]);
  });

  it("is skipped when no indicator is due", async () => {
    mockAuth({ user: sponsorUser });
    serve({ "impact.forLaureate": () => upToDateImpactFixture });
    renderApp(GUIDED);
    expect(await screen.findByText("Étape 1 sur 4")).toBeDefined();
    for (let step = 0; step < 2; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    expect(await screen.findByText("Étape 3 sur 4")).toBeDefined();
    expect(screen.getByLabelText("Prochaines actions")).toBeDefined();
  });
});
