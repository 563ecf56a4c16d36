import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useFormErrors, type Checked } from "./use-form-errors";

type Form = ReturnType<typeof useFormErrors<"amount" | "reason">>;

/** Two fields in this order on the page, the server calling the first one `amountCents`. */
function renderForm(): { current: Form } {
  const form = {} as { current: Form };
  function TwoFields() {
    form.current = useFormErrors({
      fields: ["amount", "reason"],
      idOf: (field) => `champ-${field}`,
      rename: { amountCents: "amount" },
    });
    const { errors } = form.current;
    return (
      <>
        <input id="champ-amount" aria-label="Montant" aria-description={errors.amount} />
        <input id="champ-reason" aria-label="Motif" aria-description={errors.reason} />
      </>
    );
  }
  render(<TwoFields />);
  return form;
}

const refused = (...issues: { path: PropertyKey[]; message: string }[]): Checked<never> => ({
  success: false,
  error: { issues },
});

describe("useFormErrors", () => {
  it("maps the schema's issues to the form's fields and focuses the first field of the page", () => {
    const form = renderForm();
    let result: unknown;
    act(() => {
      result = form.current.check(
        refused(
          { path: ["reason"], message: "Le motif est trop court." },
          { path: ["amountCents"], message: "Le montant est invalide." },
          { path: ["idempotencyKey"], message: "Sans champ dans ce formulaire." },
        ),
      );
    });
    expect(result).toBeNull();
    expect(form.current.errors).toEqual({
      amount: "Le montant est invalide.",
      reason: "Le motif est trop court.",
    });
    expect(document.activeElement).toBe(screen.getByLabelText("Montant"));
  });

  it("puts the form's own findings before the schema's, and refuses them even when the schema accepts", () => {
    const form = renderForm();
    act(() => {
      form.current.check(refused({ path: ["amountCents"], message: "Message du schéma." }), {
        amount: "Le montant dépasse la réserve.",
      });
    });
    expect(form.current.errors.amount).toBe("Le montant dépasse la réserve.");

    let result: unknown;
    act(() => {
      result = form.current.check({ success: true, data: { amountCents: 100 } }, { reason: "Motif requis." });
    });
    expect(result).toBeNull();
    expect(form.current.errors).toEqual({ reason: "Motif requis." });
    expect(document.activeElement).toBe(screen.getByLabelText("Motif"));
  });

  it("returns the parsed input and clears the messages when all is well", () => {
    const form = renderForm();
    act(() => void form.current.show({ reason: "Ancien message." }));
    let result: unknown;
    act(() => {
      result = form.current.check({ success: true, data: { amountCents: 100 } });
    });
    expect(result).toEqual({ amountCents: 100 });
    expect(form.current.errors).toEqual({});
  });

  it("puts the server's field messages beside the fields, renamed, and focuses the first", () => {
    const form = renderForm();
    const error = {
      data: { fieldErrors: { reason: ["Motif refusé.", "Second message."], amountCents: ["Trop."] } },
    };
    let shown = false;
    act(() => {
      shown = form.current.fromServer(error);
    });
    expect(shown).toBe(true);
    expect(form.current.errors).toEqual({ amount: "Trop.", reason: "Motif refusé." });
    expect(document.activeElement).toBe(screen.getByLabelText("Montant"));
  });

  it("leaves the messages and the focus alone when the server names no field of the form", () => {
    const form = renderForm();
    act(() => void form.current.show({ reason: "Déjà là." }));
    screen.getByLabelText("Montant").focus();
    let shown = true;
    act(() => {
      shown = form.current.fromServer({ data: { fieldErrors: { version: ["Périmée."] } } });
    });
    expect(shown).toBe(false);
    expect(form.current.errors).toEqual({ reason: "Déjà là." });
    expect(document.activeElement).toBe(screen.getByLabelText("Montant"));
  });

  it("clears one field's message, or all of them", () => {
    const form = renderForm();
    act(() => void form.current.show({ amount: "Un.", reason: "Deux." }));
    act(() => form.current.clear("amount"));
    expect(form.current.errors).toEqual({ reason: "Deux." });
    act(() => form.current.clear());
    expect(form.current.errors).toEqual({});
  });
});
