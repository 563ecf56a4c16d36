import type { UpdateFollowUpSettingsInput } from "@defis/domain";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { adminUser, followUpSettings } from "../../test/fixtures";
import { renderPage } from "../../test/render";
import { FollowUpSettingsSection } from "./FollowUpSettingsSection";

const CONFLICT_MESSAGE =
  "Ces informations ont été modifiées entre-temps. Les valeurs actuelles sont affichées : vérifiez-les puis recommencez.";

function serveSettings(answer: (input: UpdateFollowUpSettingsInput) => unknown) {
  const saved: UpdateFollowUpSettingsInput[] = [];
  mockAuth({ user: adminUser });
  mockProcedures({
    "progress.settings": () => followUpSettings,
    "progress.updateSettings": (input) => {
      saved.push(input as UpdateFollowUpSettingsInput);
      return answer(input as UpdateFollowUpSettingsInput);
    },
  });
  return saved;
}

async function field() {
  return screen.findByLabelText<HTMLInputElement>(/Jours avant relance/);
}

describe("FollowUpSettingsSection", () => {
  it("shows the current cadence and who set it", async () => {
    serveSettings(() => null);
    renderPage(<FollowUpSettingsSection />);
    const input = await field();
    expect(input.value).toBe("30");
    expect(input.min).toBe("7");
    expect(input.max).toBe("365");
    expect(screen.getByText(/Dernière modification le 05\/10\/2026 10:30 par Alex Martin\./)).toBeDefined();
  });

  it("refuses a value out of range with the shared schema's message, without calling the server", async () => {
    const saved = serveSettings(() => null);
    renderPage(<FollowUpSettingsSection />);
    const input = await field();
    await userEvent.clear(input);
    await userEvent.type(input, "5");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("7 jours au moins.")).toBeDefined();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input);
    expect(saved).toEqual([]);
  });

  it("saves the cadence with the version read and announces it", async () => {
    const saved = serveSettings((input) => ({ staleAfterDays: input.staleAfterDays, version: 4 }));
    renderPage(<FollowUpSettingsSection />);
    const input = await field();
    await userEvent.clear(input);
    await userEvent.type(input, "45");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    const done = await screen.findByText(
      "Réglage enregistré : une partie du suivi est à mettre à jour après 45 jours.",
    );
    expect(done.closest("[role=status]")).not.toBeNull();
    expect(saved).toEqual([{ staleAfterDays: 45, version: 3 }]);
  });

  it("shows a change made meanwhile in French and lets the administrator start again from it", async () => {
    const saved = serveSettings((input) =>
      input.version === 3
        ? new ProcedureError("CONFLICT", CONFLICT_MESSAGE, 409, { version: 5, staleAfterDays: 60 })
        : { staleAfterDays: input.staleAfterDays, version: 6 },
    );
    renderPage(<FollowUpSettingsSection />);
    const input = await field();
    await userEvent.clear(input);
    await userEvent.type(input, "45");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    const alert = await screen.findByRole("alert");
    expect(
      within(alert).getByRole("heading", { name: "Le réglage a été modifié entre-temps" }),
    ).toBeDefined();
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    expect(alert.textContent).toContain("Valeur actuelle : 60 jours.");

    await userEvent.click(within(alert).getByRole("button", { name: "Reprendre la valeur actuelle" }));
    expect(input.value).toBe("60");
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.clear(input);
    await userEvent.type(input, "50");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByText(/à mettre à jour après 50 jours/);
    expect(saved).toEqual([
      { staleAfterDays: 45, version: 3 },
      { staleAfterDays: 50, version: 5 },
    ]);
  });
});
