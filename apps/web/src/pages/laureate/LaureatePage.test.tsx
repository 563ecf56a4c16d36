import type { AuditEventItem, LaureateDetail, UpdateLaureateInput } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import {
  allocationEvent,
  laureateDetailFixture,
  laureateEditEvent,
  scheduleEvent,
  trancheStatusEvent,
  officerUser,
  overviewFixture,
  sponsorUser,
} from "../../test/fixtures";
import { renderApp, renderPage } from "../../test/render";
import LaureatePage from "./LaureatePage";

const PATH = "/laureats/:slug";
const URL = "/laureats/registre-reunion";

/** A small server: the record, its history, and what the update procedure answers. */
function serveLaureate(update: (input: UpdateLaureateInput) => unknown = () => undefined) {
  let record: LaureateDetail = laureateDetailFixture;
  const history: AuditEventItem[] = [];
  const updates: UpdateLaureateInput[] = [];
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "laureates.bySlug": (input) =>
      (input as { slug: string }).slug === record.slug
        ? record
        : new ProcedureError("NOT_FOUND", "Ce lauréat n'existe pas ou plus.", 404),
    "audit.forLaureate": () => history,
    "laureates.update": (input) => {
      const changes = input as UpdateLaureateInput;
      updates.push(changes);
      const refusal = update(changes);
      if (refusal) return refusal;
      record = { ...record, ...changes, version: record.version + 1 };
      history.unshift(laureateEditEvent);
      return record;
    },
  });
  return updates;
}

async function openEditForm() {
  await userEvent.click(await screen.findByRole("button", { name: "Modifier la fiche" }));
  const title = await screen.findByRole("heading", { name: "Modifier la fiche" });
  expect(document.activeElement).toBe(title);
}

describe("LaureatePage", () => {
  it("shows the laureate's facts, benefits and source", async () => {
    mockAuth({ user: sponsorUser });
    serveLaureate();
    renderPage(<LaureatePage />, { url: URL, path: PATH });
    expect(await screen.findByRole("heading", { level: 1, name: "Registre des transports" })).toBeDefined();
    expect(screen.getByText("DEAL de La Réunion")).toBeDefined();
    expect(screen.getAllByText("La Réunion (974)").length).toBeGreaterThan(0);
    expect(screen.getByText("Un processus de gestion plus fluide")).toBeDefined();
    expect(screen.getByText("L'annonce ne précise pas de bénéfice pour ce public.")).toBeDefined();
    expect(screen.getByText("Montant alloué (démonstration)")).toBeDefined();
    expect(screen.getByText("Montant alloué (démonstration)").nextElementSibling?.textContent).toBe(
      "23\u202f456,78\u00a0€",
    );
    expect(document.title).toBe("Registre des transports — Défis");
  });

  it("shows the not-found page for an unknown laureate", async () => {
    mockAuth({ user: sponsorUser });
    serveLaureate();
    renderPage(<LaureatePage />, { url: "/laureats/inconnu", path: PATH });
    expect(await screen.findByRole("heading", { level: 1, name: "Page introuvable" })).toBeDefined();
    expect(screen.getByText("Ce lauréat n'existe pas ou a été retiré du portefeuille.")).toBeDefined();
  });

  it("never offers the edit to a role that may not edit", async () => {
    mockAuth({ user: sponsorUser });
    serveLaureate();
    // The whole app: the page shows only once the session is known.
    renderApp(URL);
    await screen.findByRole("heading", { level: 1, name: "Registre des transports" });
    expect(screen.queryByRole("button", { name: "Modifier la fiche" })).toBeNull();
  });

  it("shows the history: when, who, what changed", async () => {
    mockAuth({ user: sponsorUser });
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "laureates.bySlug": () => laureateDetailFixture,
      "audit.forLaureate": () => [laureateEditEvent],
    });
    renderApp(URL);
    await userEvent.click(await screen.findByRole("tab", { name: "Historique" }));
    expect(screen.getByTestId("location").textContent).toBe(`${URL}?onglet=historique`);
    const table = await screen.findByRole("table", { name: "Historique des modifications de la fiche" });
    const row = within(table).getAllByRole("row")[1];
    expect(row?.textContent).toContain("15/01/2024 10:15");
    expect(row?.textContent).toContain("Camille Durand (démo) (Chargé·e de mission DITP)");
    expect(row?.textContent).toContain("Modification de la fiche lauréat");
    const ministry = within(row as HTMLElement).getByText("Ministère de rattachement").parentElement;
    expect(ministry?.textContent).toMatch(
      /Ministère de l'Intérieur\s*→\s*devient\s*Ministère de la Transition écologique/,
    );
  });

  it("shows money in the history in euros, statuses by their labels and a schedule as its tranches", async () => {
    mockAuth({ user: officerUser });
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "laureates.bySlug": () => laureateDetailFixture,
      "audit.forLaureate": () => [allocationEvent, trancheStatusEvent, scheduleEvent],
    });
    renderApp(`${URL}?onglet=historique`);
    const table = await screen.findByRole("table", { name: "Historique des modifications de la fiche" });
    const text = table.textContent
      .replaceAll(" devient ", "")
      .replaceAll("\u202f", " ")
      .replaceAll("\u00a0", " ");
    expect(text).toContain("Montant alloué : 154 200,00 € → 165 000,00 €");
    expect(text).toContain("Statut : Demande de paiement → Payé");
    expect(text).toContain("Échéancier : Avance 30 000,00 € le 01/03/2024 ; Solde 70 000,00 € le 30/09/2024");
    expect(text).not.toMatch(/centimes|\[object Object\]|demande_paiement|montantCentimes/i);
  });

  it("saves an officer's changes on the version read, then shows them and their history", async () => {
    mockAuth({ user: officerUser });
    const updates = serveLaureate();
    renderApp(URL);
    await openEditForm();
    const porteur = screen.getByLabelText("Porteur du projet");
    await userEvent.clear(porteur);
    await userEvent.type(porteur, "DEAL de La Réunion, service des transports");
    await userEvent.selectOptions(
      screen.getByLabelText("Ministère de rattachement"),
      "transition-ecologique",
    );
    await userEvent.selectOptions(screen.getByLabelText("Mode de financement"), "subvention");
    await userEvent.type(
      screen.getByLabelText(/Laboratoires et partenaires/),
      "Lab A{Enter}{Enter}  Lab B  ",
    );
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("La fiche a été enregistrée.")).toBeDefined();
    expect(updates).toEqual([
      {
        laureateSlug: "registre-reunion",
        version: 3,
        porteur: "DEAL de La Réunion, service des transports",
        ministry: "transition-ecologique",
        fundingMode: "subvention",
        partnerLabs: ["Lab A", "Lab B"],
      },
    ]);
    expect(screen.getByText("DEAL de La Réunion, service des transports")).toBeDefined();
    expect(screen.getByText("Lab A, Lab B")).toBeDefined();
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Modifier la fiche"));

    await userEvent.click(screen.getByRole("tab", { name: "Historique" }));
    expect(
      await screen.findByRole("table", { name: "Historique des modifications de la fiche" }),
    ).toBeDefined();
  });

  it("explains a wrong field beside it and sends nothing", async () => {
    mockAuth({ user: officerUser });
    const updates = serveLaureate();
    renderApp(URL);
    await openEditForm();
    await userEvent.clear(screen.getByLabelText("Porteur du projet"));
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Le porteur est requis.")).toBeDefined();
    expect(document.activeElement).toBe(screen.getByLabelText("Porteur du projet"));
    expect(updates).toEqual([]);
  });

  it("on a conflict, shows the current values and starts again from them, on their version", async () => {
    mockAuth({ user: officerUser });
    const current = {
      version: 5,
      porteur: "DEAL de La Réunion (modifié)",
      ministry: "transition-ecologique",
      fundingMode: "subvention",
      partnerLabs: ["Lab X"],
    };
    let refused = false;
    const updates = serveLaureate(() => {
      if (refused) return undefined;
      refused = true;
      return new ProcedureError(
        "CONFLICT",
        "Cette fiche a été modifiée entre-temps. Les valeurs actuelles sont affichées : vérifiez-les puis réappliquez vos changements.",
        409,
        current,
      );
    });
    renderApp(URL);
    await openEditForm();
    await userEvent.type(screen.getByLabelText("Porteur du projet"), " (ma version)");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Cette fiche a été modifiée entre-temps.");
    const values = within(alert).getByText("Valeurs actuelles de la fiche :").nextElementSibling;
    expect(values?.textContent).toContain("DEAL de La Réunion (modifié)");
    expect(values?.textContent).toContain("Ministère de la Transition écologique");
    expect(values?.textContent).toContain("Subvention (convention de financement)");
    expect(values?.textContent).toContain("Lab X");

    await userEvent.click(within(alert).getByRole("button", { name: "Reprendre les valeurs actuelles" }));
    expect(screen.getByLabelText<HTMLInputElement>("Porteur du projet").value).toBe(
      "DEAL de La Réunion (modifié)",
    );
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("La fiche a été enregistrée.")).toBeDefined();
    expect(updates.map((update) => update.version)).toEqual([3, 5]);
  });

  it("shows the server's refusal beside the form", async () => {
    mockAuth({ user: officerUser });
    serveLaureate(() => new ProcedureError("FORBIDDEN", "Votre rôle ne permet pas cette action.", 403));
    renderApp(URL);
    await openEditForm();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("La fiche n'a pas été enregistrée");
    expect(alert.textContent).toContain("Votre rôle ne permet pas cette action.");
    expect(screen.getByRole("heading", { name: "Modifier la fiche" })).toBeDefined();
  });
});
