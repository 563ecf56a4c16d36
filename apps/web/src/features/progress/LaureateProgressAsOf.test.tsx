import type { LaureateProgress } from "@defis/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import { laureateDetailFixture, sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { takenDecision } from "../reviews/decision-fixtures";
import { laureateProgressFixture } from "./progress-fixtures";

/** The Réunion laureate's follow-up as known at the end of 20 November 2026. */
const pastProgress: LaureateProgress = {
  ...laureateProgressFixture,
  today: "2026-11-20",
  past: "2026-11-20",
  freshness: [],
  health: null,
};

describe("the follow-up tab of a laureate on a past day (?etat-au=)", () => {
  it("asks the API for the day, shows the banner and nothing to change, even to a sponsor of the laureate", async () => {
    mockAuth({ user: sponsorUser });
    const inputs: unknown[] = [];
    mockProcedures({
      "programme.overview": () => null,
      "laureates.bySlug": () => laureateDetailFixture,
      "progress.forLaureate": (input) => {
        inputs.push(input);
        return pastProgress;
      },
      "reviews.laureateDecisions": () => [takenDecision],
    });
    renderApp("/laureats/registre-reunion?onglet=suivi&etat-au=2026-11-20");
    expect(await screen.findByRole("table", { name: "2 jalons, dont 1 en retard" })).toBeDefined();
    expect(inputs).toContainEqual({ slug: "registre-reunion", asOf: "2026-11-20" });
    expect(screen.getByText(/^État au 20\/11\/2026 : les chiffres tels qu'ils étaient connus/)).toBeDefined();
    expect(screen.getByText(/ne se recalculent qu'au jour même/)).toBeDefined();
    // The health and the freshness are today's only.
    expect(screen.queryByRole("region", { name: "Météo déclarée et santé calculée" })).toBeNull();
    expect(screen.queryByRole("table", { name: /Dernières mises à jour/ })).toBeNull();
    // Read-only: no edit, no addition, no guided update.
    expect(screen.queryByRole("button", { name: /Modifier|Ajouter|Déclarer|Enregistrer/ })).toBeNull();
    expect(screen.queryByRole("link", { name: "Faire la mise à jour guidée" })).toBeNull();

    // The day stays from tab to tab.
    await userEvent.click(screen.getByRole("tab", { name: "Fiche" }));
    await userEvent.click(screen.getByRole("tab", { name: "Suivi" }));
    expect(await screen.findByText(/^État au 20\/11\/2026/)).toBeDefined();
    expect(inputs.every((input) => (input as { asOf?: string }).asOf === "2026-11-20")).toBe(true);
  });
});
