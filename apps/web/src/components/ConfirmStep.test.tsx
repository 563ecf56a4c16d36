import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConfirmStep } from "./ConfirmStep";

function renderStep(props: Partial<Parameters<typeof ConfirmStep>[0]> = {}) {
  const handlers = { onConfirm: vi.fn(), onEdit: vi.fn(), onCancel: vi.fn() };
  render(
    <ConfirmStep
      headingId="confirmation-titre"
      title="Confirmer le paiement"
      confirmLabel="Confirmer le paiement"
      saving={false}
      error={null}
      errorTitle="Le paiement n'a pas été enregistré"
      {...handlers}
      {...props}
    >
      <p>Montant payé : 1 000,00 €</p>
    </ConfirmStep>,
  );
  return handlers;
}

describe("ConfirmStep", () => {
  it("reads the summary back in a labelled region, then confirms, goes back to the form or cancels", async () => {
    const user = userEvent.setup();
    const handlers = renderStep();
    const region = screen.getByRole("region", { name: "Confirmer le paiement" });
    expect(within(region).getByRole("heading", { level: 3 }).id).toBe("confirmation-titre");
    expect(within(region).getByText("Montant payé : 1 000,00 €")).toBeDefined();
    expect(screen.queryByRole("alert")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Confirmer le paiement" }));
    await user.click(screen.getByRole("button", { name: "Modifier la saisie" }));
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    expect(handlers.onConfirm).toHaveBeenCalledTimes(1);
    expect(handlers.onEdit).toHaveBeenCalledTimes(1);
    expect(handlers.onCancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("holds every button and says so while the write runs", async () => {
    const user = userEvent.setup();
    const handlers = renderStep({ saving: true });
    for (const button of screen.getAllByRole("button")) expect(button).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("button", { name: "Confirmer le paiement" }));
    expect(handlers.onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole("status").textContent).toBe("Enregistrement en cours…");
  });

  it("shows why the last attempt failed, under the summary", () => {
    renderStep({ error: new Error("réseau") });
    const alert = screen.getByRole("alert");
    expect(within(alert).getByRole("heading", { name: "Le paiement n'a pas été enregistré" })).toBeDefined();
    expect(alert.textContent).toContain("Le service ne répond pas.");
  });

  it("offers no edit without a form behind it, and names its way out as asked", () => {
    renderStep({ onEdit: undefined, cancelLabel: "Revenir à l'échéancier", headingLevel: 2 });
    expect(screen.queryByRole("button", { name: "Modifier la saisie" })).toBeNull();
    expect(screen.getByRole("button", { name: "Revenir à l'échéancier" })).toBeDefined();
    expect(screen.getByRole("heading", { level: 2, name: "Confirmer le paiement" })).toBeDefined();
  });
});
