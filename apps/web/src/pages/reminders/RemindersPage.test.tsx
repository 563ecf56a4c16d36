import type { OutboxFilters, OutboxMail, OutboxPage, RemindersRun } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { officerUser, overviewFixture, sponsorUser } from "../../test/fixtures";
import { renderApp, renderPage } from "../../test/render";
import RemindersPage from "./RemindersPage";

const digest: OutboxMail = {
  id: 2,
  kind: "rappel_sponsor",
  recipientEmail: "sacha.petit@sante.gouv.fr",
  recipientName: "Sacha Petit",
  subject: "Défis : 2 projets demandent votre attention",
  body: "Bonjour Sacha Petit,\n\n■ Parcours Parkinson\n  - Météo à mettre à jour (dernière mise à jour : jamais)",
  occurrence: "rappels:2026-11-23",
  status: "non_envoye",
  attempts: 0,
  lastError: null,
  createdAt: new Date("2026-11-23T07:00:05Z"),
  sentAt: null,
};
const failedAlert: OutboxMail = {
  ...digest,
  id: 1,
  kind: "alerte_chargee",
  recipientEmail: "camille.durand@modernisation.gouv.fr",
  recipientName: "Camille Durand",
  subject: "Défis : 1 sponsor sans mise à jour depuis plus de 60 jours",
  body: "Bonjour Camille Durand,",
  status: "echec",
  attempts: 2,
  lastError: "Boîte aux lettres indisponible",
};

function serveOutbox({
  user = officerUser,
  runNow = () => ({ week: "2026-11-23", digests: 2, alerts: 1 }),
}: { user?: typeof officerUser; runNow?: () => RemindersRun | ProcedureError } = {}) {
  const received: OutboxFilters[] = [];
  const runs: unknown[] = [];
  mockAuth({ user });
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "reminders.outbox": (input): OutboxPage => {
      received.push(input as OutboxFilters);
      return {
        mails: [digest, failedAlert],
        total: 2,
        page: 1,
        pageSize: 20,
        deliveryConfigured: false,
        schedule: {
          nextRunAt: new Date("2026-11-30T07:00:00Z"),
          lastRunAt: new Date("2026-11-23T07:00:00Z"),
          lastOutcome: "Semaine du 23/11/2026 : 2 rappel(s), 1 alerte(s).",
        },
      };
    },
    "reminders.runNow": (input) => {
      runs.push(input);
      return runNow();
    },
  });
  return { received, runs };
}

function renderAt(url = "/rappels") {
  return renderPage(<RemindersPage />, { url, path: "/rappels" });
}

function location() {
  return screen.getByTestId("location").textContent;
}

describe("RemindersPage", () => {
  it("lists the mails with date, recipient, subject and status, each readable in full", async () => {
    serveOutbox();
    renderAt();
    expect(await screen.findByRole("heading", { level: 1, name: "Rappels et boîte d'envoi" })).toBeDefined();
    const open = await screen.findByRole("button", { name: /Défis : 2 projets demandent votre attention/ });
    expect(open.textContent).toContain("23/11/2026 08:00");
    expect(open.textContent).toContain("à Sacha Petit");
    expect(open.textContent).toContain("Non envoyé (pas de serveur SMTP)");
    expect(open.getAttribute("aria-expanded")).toBe("false");
    await userEvent.click(open);
    expect(open.getAttribute("aria-expanded")).toBe("true");
    const panel = document.getElementById(open.getAttribute("aria-controls") ?? "");
    expect(panel?.querySelector("pre")?.textContent).toBe(digest.body);
    expect(panel?.textContent).toContain("Destinataire : Sacha Petit (sacha.petit@sante.gouv.fr)");

    const failed = screen.getByRole("button", { name: /1 sponsor sans mise à jour/ });
    const failedPanel = document.getElementById(failed.getAttribute("aria-controls") ?? "");
    expect(failedPanel?.textContent).toContain("Échec (2 tentatives)");
    expect(failedPanel?.textContent).toContain("Dernière erreur : Boîte aux lettres indisponible");

    expect(screen.getByText(/Prochains rappels : 30\/11\/2026 08:00/)).toBeDefined();
    expect(screen.getByText(/Aucun serveur d'envoi \(SMTP\) n'est configuré/)).toBeDefined();
    expect(screen.getAllByRole("status").some((region) => region.textContent === "2 messages")).toBe(true);
  });

  it("prepares the week's reminders and announces what was written", async () => {
    const { runs, received } = serveOutbox();
    renderAt();
    await userEvent.click(await screen.findByRole("button", { name: "Préparer les rappels de la semaine" }));
    const announced = await screen.findByText(
      "Rappels de la semaine du 23/11/2026 préparés : 2 rappels aux sponsors, 1 alerte aux chargé·es de mission.",
    );
    expect(announced.closest("[role=status]")).not.toBeNull();
    expect(runs).toEqual([{}]);
    // The outbox is read again, with the new mails.
    await waitFor(() => expect(received.length).toBeGreaterThan(1));
  });

  it("says in French when this week's reminders were already prepared", async () => {
    const message =
      "Les rappels de la semaine du 23/11/2026 ont déjà été préparés le 23/11/2026. Les prochains le seront le lundi 30/11/2026 à 8 h.";
    serveOutbox({ runNow: () => new ProcedureError("CONFLICT", message, 409) });
    renderAt();
    await userEvent.click(await screen.findByRole("button", { name: "Préparer les rappels de la semaine" }));
    const refusal = await screen.findByText(message);
    expect(refusal.closest("[role=status]")).not.toBeNull();
  });

  it("filters by type and status through the address", async () => {
    const { received } = serveOutbox();
    renderAt("/rappels?statut=echec");
    await screen.findByRole("button", { name: /1 sponsor sans mise à jour/ });
    expect(received.at(-1)).toEqual({ status: "echec", page: 1 });
    const search = screen.getByRole("search", { name: "Filtrer les messages" });
    await userEvent.selectOptions(within(search).getByLabelText("Type"), "alerte_chargee");
    await waitFor(() => expect(location()).toBe("/rappels?statut=echec&type=alerte_chargee"));
    await waitFor(() =>
      expect(received.at(-1)).toEqual({ kind: "alerte_chargee", status: "echec", page: 1 }),
    );
    await userEvent.click(within(search).getByRole("button", { name: "Effacer les filtres" }));
    await waitFor(() => expect(location()).toBe("/rappels"));
  });

  it("is refused to a sponsor", async () => {
    serveOutbox({ user: sponsorUser });
    renderApp("/rappels");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Préparer les rappels de la semaine" })).toBeNull();
  });
});
