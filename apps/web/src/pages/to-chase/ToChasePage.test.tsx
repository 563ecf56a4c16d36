import type { SponsorContact, ToChaseView } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { followUpRows } from "../../features/progress/progress-fixtures";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { officerUser } from "../../test/fixtures";
import { renderPage } from "../../test/render";
import ToChasePage from "./ToChasePage";

const sacha: SponsorContact = {
  id: 3,
  displayName: "Sacha Bernard (démo)",
  email: "sacha.bernard@interieur.gouv.fr",
  lastReminder: { kind: "rappel_sponsor", status: "non_envoye", createdAt: new Date("2026-11-23T07:00:00Z") },
  chasedToday: false,
};
const dominique: SponsorContact = {
  id: 5,
  displayName: "Dominique Martin",
  email: "dominique.martin@sante.gouv.fr",
  lastReminder: null,
  chasedToday: false,
};

function serve(view: Partial<ToChaseView> = {}) {
  const reminded: unknown[] = [];
  const assigned: unknown[] = [];
  let current: ToChaseView = {
    rows: followUpRows,
    staleAfterDays: 30,
    sponsors: [sacha, dominique],
    ...view,
  };
  mockAuth({ user: officerUser });
  mockProcedures({
    "progress.toChase": () => ({ ...current, deliveryConfigured: false }),
    "reminders.remindSponsor": (input) => {
      reminded.push(input);
      current = {
        ...current,
        sponsors: current.sponsors.map((sponsor) =>
          sponsor.id === 3 ? { ...sponsor, chasedToday: true } : sponsor,
        ),
      };
      return { mailId: 9, recipientEmail: sacha.email, subject: "Relance", body: "…", laureates: 1 };
    },
    "users.assignSponsor": (input) => {
      assigned.push(input);
      if (assigned.length > 1)
        return new ProcedureError(
          "CONFLICT",
          "Ce lauréat est déjà dans le périmètre de Dominique Martin.",
          409,
        );
      current = {
        ...current,
        rows: current.rows.map((row) =>
          row.laureateSlug === "registre-reunion"
            ? { ...row, sponsors: [{ id: 5, displayName: "Dominique Martin" }] }
            : row,
        ),
      };
      return { laureateSlug: "registre-reunion", sponsorId: 5, sponsorName: "Dominique Martin" };
    },
  });
  return { reminded, assigned };
}

describe("À relancer", () => {
  it("gives each late sponsor's address, since when they wait and their last reminder", async () => {
    serve();
    renderPage(<ToChasePage />);
    const section = await screen.findByRole("region", { name: /Sacha Bernard \(démo\)/ });
    expect(within(section).getByRole("link", { name: sacha.email }).getAttribute("href")).toBe(
      `mailto:${sacha.email}`,
    );
    expect(section.textContent).toContain("En attente depuis : le 12 septembre 2026");
    expect(section.textContent).toContain("Dernier rappel : Rappel hebdomadaire au sponsor, écrit le");
    expect(section.textContent).toContain("statut : Non envoyé (pas de serveur SMTP)");
  });

  it("lists a sponsor whose only wait is an indicator to measure, with its due date", async () => {
    const [first] = followUpRows;
    if (!first) throw new Error("Fixture manquante.");
    serve({
      rows: [
        {
          ...first,
          staleParts: [],
          lateIndicators: [{ id: 8, name: "Ateliers collaboratifs animés", dueOn: "2026-09-30" }],
        },
      ],
    });
    renderPage(<ToChasePage />);
    const section = await screen.findByRole("region", { name: /Sacha Bernard \(démo\)/ });
    expect(section.textContent).toContain(
      "Indicateur « Ateliers collaboratifs animés » à mettre à jour (mesure attendue le 30 septembre 2026)",
    );
    expect(section.textContent).toContain("En attente depuis : le 30 septembre 2026");
  });

  it("reminds a sponsor in one action, then shows the action disabled with its reason", async () => {
    const { reminded } = serve();
    const user = userEvent.setup();
    renderPage(<ToChasePage />);
    const button = await screen.findByRole("button", { name: "Relancer maintenant Sacha Bernard (démo)" });
    await user.click(button);
    expect(reminded).toEqual([{ sponsorId: 3 }]);
    await screen.findByText(/Relance écrite pour Sacha Bernard \(démo\) \(1 projet\)/);
    const again = screen.getByRole("button", { name: "Relancer maintenant Sacha Bernard (démo)" });
    expect(again).toHaveProperty("disabled", true);
    expect(document.getElementById(again.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Sacha Bernard (démo) a déjà été relancé·e aujourd'hui : une relance par jour au plus.",
    );
  });

  it("says why a sponsor reminded today cannot be reminded again, as the button's description", async () => {
    serve({ sponsors: [{ ...sacha, chasedToday: true }, dominique] });
    renderPage(<ToChasePage />);
    const button = await screen.findByRole("button", { name: "Relancer maintenant Sacha Bernard (démo)" });
    expect(button).toHaveProperty("disabled", true);
    const reasonId = button.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(reasonId)?.textContent).toBe(
      "Sacha Bernard (démo) a déjà été relancé·e aujourd'hui : une relance par jour au plus.",
    );
  });

  it("gives a sponsor to a laureate that had none, and says so", async () => {
    const { assigned } = serve();
    const user = userEvent.setup();
    renderPage(<ToChasePage />);
    const orphans = await screen.findByRole("region", { name: /Sans sponsor désigné/ });
    await user.click(within(orphans).getByRole("button", { name: "Attribuer « Registre des transports »" }));
    expect(await within(orphans).findByText("Choisissez un sponsor.")).toBeDefined();
    expect(assigned).toEqual([]);
    await user.selectOptions(within(orphans).getByLabelText(/Sponsor à désigner/), "Dominique Martin");
    await user.click(within(orphans).getByRole("button", { name: "Attribuer « Registre des transports »" }));
    expect(assigned).toEqual([{ laureateSlug: "registre-reunion", sponsorId: 5 }]);
    expect(
      await screen.findByText("« Registre des transports » est maintenant suivi par Dominique Martin."),
    ).toBeDefined();
    await waitFor(() => expect(screen.queryByRole("region", { name: /Sans sponsor désigné/ })).toBeNull());
  });

  it("links the terms it uses to their definition in the help", async () => {
    serve();
    renderPage(<ToChasePage />);
    const link = await screen.findByRole("link", { name: "Comment la fraîcheur est-elle calculée ?" });
    expect(link.getAttribute("href")).toBe("/aide#fraicheur");
  });
});
