import type { AuditFilters, AuditPage } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import {
  adminUser,
  allocationEvent,
  importEvent,
  laureateEditEvent,
  officerUser,
  overviewFixture,
  remindersEvent,
  scheduleEvent,
  signInEvent,
  trancheStatusEvent,
} from "../../test/fixtures";
import { renderApp } from "../../test/render";

const ACTORS = [
  { id: adminUser.id, displayName: adminUser.displayName, email: adminUser.email },
  { id: officerUser.id, displayName: officerUser.displayName, email: officerUser.email },
];

function serveJournal(page: Partial<AuditPage> = {}) {
  const received: AuditFilters[] = [];
  mockAuth({ user: officerUser });
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "audit.actors": () => ACTORS,
    "audit.list": (input) => {
      received.push(input as AuditFilters);
      return { events: [laureateEditEvent, signInEvent], total: 2, page: 1, pageSize: 50, ...page };
    },
  });
  return received;
}

function location() {
  return screen.getByTestId("location").textContent;
}

/** The live region that announces how many events are listed. */
function resultCount() {
  return screen.getAllByRole("status").find((element) => element.textContent.includes("événement"))
    ?.textContent;
}

function csvLink() {
  return screen.getByRole("link", { name: "Télécharger le journal (CSV)" });
}

describe("JournalPage", () => {
  it("lists who changed what and when, in Paris time, with the changes", async () => {
    serveJournal();
    renderApp("/journal");
    const table = await screen.findByRole("table", { name: "Journal des modifications" });
    const [edit, signIn] = within(table).getAllByRole("row").slice(1);
    expect(edit?.textContent).toContain("15/01/2024 10:15");
    expect(edit?.textContent).toContain("Camille Durand (démo)");
    expect(edit?.textContent).toContain("Chargé·e de mission DITP");
    expect(edit?.textContent).toContain("Modification de la fiche lauréat");
    expect(
      within(edit as HTMLElement)
        .getByRole("link", { name: "Registre des transports" })
        .getAttribute("href"),
    ).toBe("/laureats/registre-reunion");
    const porteur = within(edit as HTMLElement).getByText("Porteur du projet").parentElement;
    expect(porteur?.textContent).toMatch(/Porteur du projet : DEAL\s*→\s*devient\s*DEAL de La Réunion/);
    expect(signIn?.textContent).toContain("Connexion");
    expect(signIn?.textContent).toContain("Méthode : mot de passe");
    expect(resultCount()).toBe("2 événements");
    expect(document.title).toBe("Journal des modifications — Défis");
    expect(csvLink().getAttribute("href")).toBe("/api/exports/journal.csv");
  });

  it("keeps the filters in the URL, sends them, and downloads the CSV with them", async () => {
    const received = serveJournal();
    renderApp("/journal");
    await screen.findByRole("table", { name: "Journal des modifications" });
    await userEvent.selectOptions(await screen.findByLabelText("Auteur"), String(officerUser.id));
    await userEvent.selectOptions(screen.getByLabelText("Objet"), "laureat");
    await userEvent.selectOptions(screen.getByLabelText("Rôle de l'auteur"), "charge_mission");
    await userEvent.type(screen.getByLabelText(/^Du/), "2024-01-01");
    await userEvent.type(screen.getByLabelText(/^Au(?!teur)/), "2024-01-31");
    await waitFor(() =>
      expect(location()).toBe(
        "/journal?acteur=1&objet=laureat&role=charge_mission&du=2024-01-01&au=2024-01-31",
      ),
    );
    await waitFor(() =>
      expect(received.at(-1)).toEqual({
        actorId: 1,
        entity: "laureat",
        role: "charge_mission",
        from: "2024-01-01",
        to: "2024-01-31",
        page: 1,
      }),
    );
    expect(csvLink().getAttribute("href")).toBe(
      "/api/exports/journal.csv?acteur=1&objet=laureat&role=charge_mission&du=2024-01-01&au=2024-01-31",
    );
  });

  it("restores filters from a shared link, ignores invalid ones, and pages through", async () => {
    const received = serveJournal({ total: 120, page: 2 });
    renderApp("/journal?objet=laureat&role=inconnu&page=2");
    await screen.findByRole("table", { name: "Journal des modifications, page 2 sur 3" });
    expect(received.at(-1)).toEqual({ entity: "laureat", page: 2 });
    expect(screen.getByLabelText<HTMLSelectElement>("Objet").value).toBe("laureat");
    const pagination = screen.getByRole("navigation", { name: "Pagination" });
    await userEvent.click(within(pagination).getByRole("link", { name: "3" }));
    await waitFor(() => expect(location()).toBe("/journal?objet=laureat&page=3"));
    await waitFor(() => expect(received.at(-1)).toEqual({ entity: "laureat", page: 3 }));
  });

  it("explains an impossible date range beside the field and sends nothing", async () => {
    const received = serveJournal();
    renderApp("/journal?du=2024-02-01&au=2024-01-01");
    expect(await screen.findByText("La date de début doit précéder la date de fin.")).toBeDefined();
    expect(screen.getByLabelText(/^Au(?!teur)/).getAttribute("aria-invalid")).toBe("true");
    await screen.findByRole("combobox", { name: "Auteur" });
    expect(received).toEqual([]);
  });

  it("speaks French: euros, status labels, a schedule as tranches, named system authors", async () => {
    const events = [allocationEvent, trancheStatusEvent, scheduleEvent, remindersEvent, importEvent];
    serveJournal({ events, total: events.length });
    renderApp("/journal");
    const table = await screen.findByRole("table", { name: "Journal des modifications" });
    const [allocation, tranche, schedule, reminders, imported] = within(table).getAllByRole("row").slice(1);
    // The arrow is hidden from screen readers, who hear "devient"; the text holds both.
    const said = (row: HTMLElement | undefined) =>
      (row?.textContent ?? "")
        .replaceAll(" devient ", "")
        .replaceAll("\u202f", " ")
        .replaceAll("\u00a0", " ");
    expect(said(allocation)).toContain("Montant alloué : 154 200,00 € → 165 000,00 €");
    expect(said(allocation)).toContain("Motif : Avenant n° 1");
    expect(said(tranche)).toContain("Statut : Demande de paiement → Payé");
    expect(said(tranche)).toContain("Date : 03/06/2024");
    expect(said(tranche)).not.toContain("Motif");
    expect(said(schedule)).toContain(
      "Échéancier : Avance 30 000,00 € le 01/03/2024 ; Solde 70 000,00 € le 30/09/2024",
    );
    const cells = (row: HTMLElement | undefined) =>
      within(row as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(cells(reminders).slice(1, 3)).toEqual(["Rappels hebdomadaires", "—"]);
    expect(said(reminders)).toContain("Rappels aux sponsors : 3");
    expect(cells(imported)[1]).toBe("Import du relevé du 06/12/2026");
    expect(said(imported)).toContain("Montant importé : 1 234,56 €");
    const page = table.textContent;
    for (const unreadable of [
      /centimes/i,
      /\[object Object\]/,
      /demande_paiement|\bpaye\b|montantCentimes|datePrevue/,
      /Non renseigné/,
    ]) {
      expect(page).not.toMatch(unreadable);
    }
  });

  it("says so when nothing matches", async () => {
    serveJournal({ events: [], total: 0 });
    renderApp("/journal?objet=utilisateur");
    expect(await screen.findByText("Aucun événement ne correspond à ces filtres")).toBeDefined();
  });
});
