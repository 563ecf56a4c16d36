import type { DeleteCommentInput, GuidedUpdateInput, UpdateMilestoneInput } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { officerUser, sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { leadershipUser } from "../finance/finance-fixtures";
import { followUpRows, laureateProgressFixture } from "./progress-fixtures";
import { takenDecision } from "../reviews/decision-fixtures";
import { serveFollowUp } from "./serve-follow-up";
import { upToDateImpactFixture } from "../impact/impact-fixtures";

const SUIVI = "/laureats/registre-reunion?onglet=suivi";

const serveProgress = (extra: Record<string, (input: unknown) => unknown> = {}) =>
  serveFollowUp(upToDateImpactFixture, extra);

describe("the follow-up tab of a laureate", () => {
  it("shows declared and computed météo, the flag, freshness, milestones, météo history and comments", async () => {
    mockAuth({ user: leadershipUser });
    serveProgress();
    renderApp(SUIVI);
    const health = await screen.findByRole("region", { name: "Météo déclarée et santé calculée" });
    expect(health.textContent).toContain(
      "La météo déclarée (« Soleil ») est bien meilleure que ce qu'indiquent les faits (« Couvert »)",
    );
    expect(health.textContent).toContain("Jalon « Prototype testé » en retard de 45 jour(s). (Couvert)");
    const milestones = screen.getByRole("table", { name: "2 jalons, dont 1 en retard" });
    expect(within(milestones).getAllByRole("row")[2]?.textContent).toContain("En retard de 45 j");
    expect(within(milestones).getAllByRole("row")[2]?.textContent).toContain(
      "Requis pour le service fait de 1 tranche",
    );
    const freshness = screen.getByRole("table", { name: /Dernières mises à jour/ });
    expect(freshness.textContent).toContain("Sacha Bernard (démo)");
    expect(within(freshness).getAllByRole("row").at(-1)?.textContent).toBe(
      "Indicateur « Délai de traitement d'une inscription »Mesure attendue le 31 octobre 2026—À relancer",
    );
    const decisions = await screen.findByRole("table", { name: /^Décisions des revues pour/ });
    const [decisionRow] = within(decisions).getAllByRole("row").slice(1);
    expect(decisionRow?.textContent).toContain("Relancer le sponsor pour la mise à jour de la météo");
    expect(decisionRow?.textContent).toContain("Camille Martin");
    expect(decisionRow?.textContent).toContain("En cours");
    expect(within(decisions).getByRole("link", { name: "25 novembre 2026" }).getAttribute("href")).toBe(
      "/revues/2",
    );
    expect(screen.getByRole("table", { name: "Historique de la météo par période" }).textContent).toContain(
      "Le calendrier est tenu.",
    );
    expect(screen.getAllByText("Versions précédentes (1)")).toHaveLength(2);
    // Leadership reads, never edits.
    expect(screen.queryByRole("button", { name: /Modifier|Ajouter|Supprimer/ })).toBeNull();
  });

  it("edits a milestone on the version read; after a conflict, shows the current values and reapplies on them", async () => {
    mockAuth({ user: officerUser });
    const received: UpdateMilestoneInput[] = [];
    serveProgress({
      "progress.updateMilestone": (input) => {
        const update = input as UpdateMilestoneInput;
        received.push(update);
        return update.version === 4
          ? new ProcedureError("CONFLICT", "Le jalon « Prototype testé » a été modifié entre-temps.", 409, {
              id: 12,
              version: 5,
              title: "Prototype testé sur deux sites",
              description: "",
              dueOn: "2026-12-15",
              status: "en_cours",
              reachedOn: null,
              evidenceNote: "",
              evidenceUrl: null,
            })
          : { milestoneId: 12 };
      },
    });
    renderApp(SUIVI);
    await userEvent.click(
      await screen.findByRole("button", { name: "Modifier le jalon « Prototype testé »" }),
    );
    const form = await screen.findByRole("form", { name: "Modifier le jalon « Prototype testé »" });
    await userEvent.selectOptions(within(form).getByLabelText(/^Statut/), "atteint");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    // A reached milestone needs its date: nothing is sent without it.
    expect(
      await within(form).findByText("Indiquez la date à laquelle le jalon a été atteint."),
    ).toBeDefined();
    expect(received).toHaveLength(0);
    await userEvent.type(within(form).getByLabelText("Atteint le"), "2026-11-20");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    const conflict = (
      await screen.findByRole("heading", { name: "Ce jalon a été modifié entre-temps" })
    ).closest(".fr-alert") as HTMLElement;
    expect(conflict.textContent).toContain("Titre : Prototype testé sur deux sites");
    expect(conflict.textContent).toContain("Échéance : 15 décembre 2026");
    await userEvent.click(within(conflict).getByRole("button", { name: "Reprendre les valeurs actuelles" }));
    await userEvent.selectOptions(within(form).getByLabelText(/^Statut/), "atteint");
    await userEvent.type(within(form).getByLabelText("Atteint le"), "2026-11-20");
    await userEvent.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({
      milestoneId: 12,
      version: 5,
      title: "Prototype testé sur deux sites",
      status: "atteint",
      reachedOn: "2026-11-20",
    });
    expect(await screen.findByText("Le jalon a été enregistré.")).toBeDefined();
  });

  it("names who corrected a comment, and lets a sponsor reword only the comments they wrote", async () => {
    mockAuth({ user: sponsorUser });
    serveProgress();
    renderApp(SUIVI);
    const successes = await screen.findByRole("region", { name: "Réussites" });
    // The sponsor stays the author; the officer who corrected it is named, with the date.
    expect(successes.textContent).toContain(
      "Sacha Bernard (démo), le 04/11/2026 09:00, modifié par Camille Durand (démo) le 24/11/2026 10:30",
    );
    expect(within(successes).getByText(/Deux agences volontaires pour le teste\./)).toBeDefined();
    // Reworded by its own author: the date alone.
    const risks = screen.getByRole("region", { name: "Risques et blocages" });
    expect(risks.textContent).toContain(", modifié le 23/11/2026 09:00");
    expect(risks.textContent).not.toContain("modifié par");
    expect(within(risks).getByRole("button", { name: "Modifier ce commentaire" })).toBeDefined();
    expect(within(successes).getByRole("button", { name: "Modifier ce commentaire" })).toBeDefined();
    // The officer's own comment: the sponsor reads it, cannot reword it.
    const next = screen.getByRole("region", { name: "Prochaines actions" });
    expect(within(next).getByText("Présenter le prototype au comité de pilotage.")).toBeDefined();
    expect(within(next).queryByRole("button", { name: /Modifier/ })).toBeNull();
  });

  it("lets an officer correct any comment", async () => {
    mockAuth({ user: officerUser });
    serveProgress();
    renderApp(SUIVI);
    await screen.findByRole("region", { name: "Réussites" });
    expect(screen.getAllByRole("button", { name: "Modifier ce commentaire" })).toHaveLength(3);
    expect(screen.getAllByRole("button", { name: "Supprimer ce commentaire" })).toHaveLength(3);
  });

  it("lets a sponsor delete only their own comments, after a confirmation that a conflict shows again", async () => {
    mockAuth({ user: sponsorUser });
    const received: DeleteCommentInput[] = [];
    let deleted = false;
    serveProgress({
      "progress.forLaureate": () =>
        deleted
          ? {
              ...laureateProgressFixture,
              comments: laureateProgressFixture.comments.filter((comment) => comment.id !== 21),
            }
          : laureateProgressFixture,
      "progress.deleteComment": (input) => {
        const deletion = input as DeleteCommentInput;
        received.push(deletion);
        if (received.length === 1) {
          return new ProcedureError("CONFLICT", "Ce commentaire a été modifié entre-temps.", 409, {
            id: 21,
            version: 3,
            body: "Agents peu disponibles en été.",
          });
        }
        deleted = true;
        return { commentId: deletion.commentId };
      },
    });
    renderApp(SUIVI);
    const next = await screen.findByRole("region", { name: "Prochaines actions" });
    // The officer's comment: the sponsor cannot delete it.
    expect(within(next).queryByRole("button", { name: /Supprimer/ })).toBeNull();
    const risks = screen.getByRole("region", { name: "Risques et blocages" });
    const deleteButton = within(risks).getByRole("button", { name: "Supprimer ce commentaire" });

    // Cancelling deletes nothing and gives the focus back.
    await userEvent.click(deleteButton);
    const question = await screen.findByRole("heading", {
      name: "Supprimer ce commentaire « Risques et blocages » ?",
    });
    await waitFor(() => expect(document.activeElement).toBe(question));
    await userEvent.click(screen.getByRole("button", { name: "Annuler" }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(risks).getByRole("button", { name: "Supprimer ce commentaire" }),
      ),
    );
    expect(received).toHaveLength(0);

    await userEvent.click(within(risks).getByRole("button", { name: "Supprimer ce commentaire" }));
    const step = (
      await screen.findByRole("heading", { name: "Supprimer ce commentaire « Risques et blocages » ?" })
    ).closest("section") as HTMLElement;
    expect(step.textContent).toContain(
      "L'historique du lauréat gardera son texte, qui l'a supprimé et quand.",
    );
    await userEvent.click(within(step).getByRole("button", { name: "Confirmer la suppression" }));
    expect(await within(step).findByText("Ce commentaire a été modifié entre-temps.")).toBeDefined();
    expect(received[0]).toEqual({ laureateSlug: "registre-reunion", commentId: 21, version: 2 });

    await userEvent.click(within(step).getByRole("button", { name: "Confirmer la suppression" }));
    expect(await screen.findByText("Le commentaire a été supprimé.")).toBeDefined();
    await waitFor(() => expect(within(risks).queryByText(/Agents peu disponibles/)).toBeNull());
    expect(within(risks).getByText("Aucun commentaire.")).toBeDefined();
    expect(received).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Risques et blocages" }));
  });

  it("offers a sponsor the guided update of a laureate in their scope", async () => {
    mockAuth({ user: sponsorUser });
    serveProgress();
    renderApp(SUIVI);
    const link = await screen.findByRole("link", { name: "Faire la mise à jour guidée" });
    expect(link.getAttribute("href")).toBe("/mes-projets/registre-reunion/mise-a-jour");
  });
});

describe("the guided update", () => {
  const URL = "/mes-projets/registre-reunion/mise-a-jour";

  it("takes the sponsor through météo, milestones and comments, and sends only what changed, in one call", async () => {
    mockAuth({ user: sponsorUser });
    const received: GuidedUpdateInput[] = [];
    serveProgress({
      "progress.submitUpdate": (input) => {
        received.push(input as GuidedUpdateInput);
        return { period: "2026-11", commentIds: [30] };
      },
    });
    renderApp(URL);
    expect(await screen.findByText("Étape 1 sur 4")).toBeDefined();
    await userEvent.click(screen.getByLabelText(/^Couvert/));
    // The previous synthesis is a reference beside an empty field, never glued to the new text.
    const synthesis = screen.getByLabelText(/^Synthèse/);
    expect((synthesis as HTMLTextAreaElement).value).toBe("");
    const reference = screen.getByRole("region", { name: "Pour mémoire : synthèse de novembre 2026" });
    expect(reference.textContent).toContain("Le calendrier est tenu.");
    await userEvent.type(synthesis, "Le prototype a glissé d'un mois.");
    await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));

    const prototype = await screen.findByRole("group", { name: /Prototype testé/ });
    await userEvent.selectOptions(within(prototype).getByLabelText(/^Statut/), "atteint");
    await userEvent.type(within(prototype).getByLabelText("Atteint le"), "2026-11-24");
    await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));

    await userEvent.type(
      await screen.findByLabelText("Prochaines actions"),
      "Présenter le prototype au comité",
    );
    await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));

    expect(await screen.findByText("Étape 4 sur 4")).toBeDefined();
    expect(screen.getByText(/Prototype testé : En cours → Atteint le 24 novembre 2026/)).toBeDefined();
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer la mise à jour" }));
    expect(await screen.findByRole("heading", { name: "Mise à jour enregistrée" })).toBeDefined();
    // The next project due, in the order of "Mes projets": the other one whose météo is stale.
    const next = await screen.findByRole("link", {
      name: "Mettre à jour le projet suivant « Laboratoire d'innovation »",
    });
    expect(next.getAttribute("href")).toBe("/mes-projets/lab-interieur/mise-a-jour");
    expect(received).toEqual([
      {
        laureateSlug: "registre-reunion",
        weather: {
          period: "2026-11",
          level: "couvert",
          synthesis: "Le prototype a glissé d'un mois.",
          version: 1,
        },
        milestones: [
          {
            milestoneId: 12,
            version: 4,
            status: "atteint",
            reachedOn: "2026-11-24",
            evidenceNote: "",
            evidenceUrl: null,
          },
        ],
        comments: [{ kind: "prochaines_actions", body: "Présenter le prototype au comité" }],
        measures: [],
      },
    ]);
  });

  it("takes the sponsor back to the step of a wrong entry, and reapplies the entries after a conflict", async () => {
    mockAuth({ user: sponsorUser });
    const received: GuidedUpdateInput[] = [];
    let stored = laureateProgressFixture;
    serveProgress({
      "progress.forLaureate": () => stored,
      "progress.submitUpdate": (input) => {
        received.push(input as GuidedUpdateInput);
        if (received.length === 1) {
          // Meanwhile, the DITP revised the month's météo.
          stored = {
            ...laureateProgressFixture,
            weather: laureateProgressFixture.weather.map((report) => ({
              ...report,
              level: "nuage" as const,
              version: 2,
            })),
          };
          return new ProcedureError(
            "CONFLICT",
            "La météo de cette période a été déclarée ou modifiée entre-temps.",
            409,
            {
              version: 2,
              level: "nuage",
              synthesis: "Le calendrier est tenu.",
            },
          );
        }
        return { period: "2026-11", commentIds: [] };
      },
    });
    renderApp(URL);
    const synthesis = await screen.findByLabelText(/^Synthèse/);
    await userEvent.clear(synthesis);
    for (let step = 0; step < 3; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    await userEvent.click(await screen.findByRole("button", { name: "Enregistrer la mise à jour" }));
    expect(await screen.findByText("Étape 1 sur 4")).toBeDefined();
    expect(screen.getByText("Rédigez une synthèse de 10 caractères au moins.")).toBeDefined();
    expect(received).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/^Synthèse/), "Une synthèse revue par le sponsor.");
    for (let step = 0; step < 3; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    await userEvent.click(await screen.findByRole("button", { name: "Enregistrer la mise à jour" }));
    const conflict = await screen.findByRole("heading", {
      name: "Le suivi a été modifié pendant votre saisie",
    });
    const alert = conflict.closest("div.fr-alert") as HTMLElement;
    await userEvent.click(
      await within(alert).findByRole("button", {
        name: "Relire les valeurs actuelles et réappliquer mes saisies",
      }),
    );
    for (let step = 0; step < 2; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    await userEvent.click(await screen.findByRole("button", { name: "Enregistrer la mise à jour" }));
    await screen.findByRole("heading", { name: "Mise à jour enregistrée" });
    expect(received[1]?.weather).toEqual({
      period: "2026-11",
      level: "soleil",
      synthesis: "Une synthèse revue par le sponsor.",
      version: 2,
    });
  });
});

describe("the guided update's respect for what was written, and for the scope", () => {
  const URL = "/mes-projets/registre-reunion/mise-a-jour";

  it("starts again from the previous synthesis in one click, the caret after it", async () => {
    mockAuth({ user: sponsorUser });
    const received: GuidedUpdateInput[] = [];
    serveProgress({
      "progress.submitUpdate": (input) => {
        received.push(input as GuidedUpdateInput);
        return { period: "2026-11", commentIds: [] };
      },
      "progress.myProjects": () => ({ rows: [followUpRows[1]], staleAfterDays: 30 }),
    });
    renderApp(URL);
    await userEvent.click(await screen.findByRole("button", { name: "Repartir du texte précédent" }));
    const synthesis = screen.getByLabelText<HTMLTextAreaElement>(/^Synthèse/);
    await waitFor(() => expect(document.activeElement).toBe(synthesis));
    expect(synthesis.selectionStart).toBe("Le calendrier est tenu.".length);
    // Typing goes on after the text (the keyboard, not a caret placed by the test).
    await userEvent.keyboard(" Le partenaire a signé.");
    expect(synthesis.value).toBe("Le calendrier est tenu. Le partenaire a signé.");
    for (let step = 0; step < 3; step += 1)
      await userEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    await userEvent.click(await screen.findByRole("button", { name: "Enregistrer la mise à jour" }));
    expect(
      await screen.findByText("Aucun autre projet n'attend de mise à jour : tout est à jour."),
    ).toBeDefined();
    expect(screen.queryByRole("link", { name: /Mettre à jour le projet suivant/ })).toBeNull();
    expect(received[0]?.weather.synthesis).toBe("Le calendrier est tenu. Le partenaire a signé.");
  });

  it("shows a sponsor the review decisions of their own laureates only", async () => {
    const asked: unknown[] = [];
    mockAuth({ user: { ...sponsorUser, scope: [{ kind: "ministere", value: "solidarites-sante" }] } });
    serveProgress({
      "reviews.laureateDecisions": (input) => {
        asked.push(input);
        return [takenDecision];
      },
    });
    renderApp(SUIVI);
    await screen.findByRole("region", { name: "Météo déclarée et santé calculée" });
    expect(screen.queryByRole("heading", { name: "Décisions des revues" })).toBeNull();
    expect(asked).toEqual([]);
  });

  it("tells a sponsor outside the laureate's scope before any step, and offers no form", async () => {
    mockAuth({ user: { ...sponsorUser, scope: [{ kind: "ministere", value: "solidarites-sante" }] } });
    serveProgress();
    renderApp(URL);
    expect(await screen.findByText("Ce lauréat n'est pas dans votre périmètre")).toBeDefined();
    expect(screen.queryByText("Étape 1 sur 4")).toBeNull();
    expect(screen.queryByRole("button", { name: "Étape suivante" })).toBeNull();
  });
});

describe("the sponsor's projects and the officer's chase list", () => {
  it("lists a sponsor's laureates, those needing an update first", async () => {
    mockAuth({ user: sponsorUser });
    mockProcedures({
      "programme.overview": () => null,
      "progress.myProjects": () => ({ rows: followUpRows, staleAfterDays: 30 }),
    });
    renderApp("/mes-projets");
    expect(await screen.findByRole("heading", { name: "Mes projets", level: 1 })).toBeDefined();
    expect(screen.getByText(/2 lauréats demandent une mise à jour/)).toBeDefined();
    const cards = screen.getAllByRole("article");
    expect(cards[0]?.textContent).toContain("Météo : dernière mise à jour le 12/09/2026");
    expect(cards[1]?.textContent).toContain(
      "Jalon « Prototype testé » en retard de 45 j (échéance 12 octobre 2026)",
    );
    expect(within(cards[1] as HTMLElement).getByText("Météo à vérifier")).toBeDefined();
    expect(
      within(cards[1] as HTMLElement)
        .getByRole("link", { name: "Mettre à jour « Registre des transports »" })
        .getAttribute("href"),
    ).toBe("/mes-projets/registre-reunion/mise-a-jour");
  });

  it("groups what to chase by sponsor, with the laureates nobody covers apart", async () => {
    mockAuth({ user: officerUser });
    mockProcedures({
      "programme.overview": () => null,
      "progress.toChase": () => ({
        rows: followUpRows,
        staleAfterDays: 30,
        deliveryConfigured: false,
        sponsors: [
          {
            id: 3,
            displayName: "Sacha Bernard (démo)",
            email: "sacha.bernard@demo.defis.gouv.fr",
            lastReminder: null,
            chasedToday: false,
          },
        ],
      }),
    });
    renderApp("/a-relancer");
    const sponsor = await screen.findByRole("region", { name: /Sacha Bernard \(démo\)/ });
    expect(within(sponsor).getByRole("heading", { name: "Laboratoire d'innovation" })).toBeDefined();
    expect(within(sponsor).getByText("Sans mise à jour depuis plus de 60 jours")).toBeDefined();
    const nobody = screen.getByRole("region", { name: /Sans sponsor désigné/ });
    expect(within(nobody).getByRole("heading", { name: "Registre des transports" })).toBeDefined();
    const diverging = screen.getByRole("region", { name: /^Météo à vérifier/ });
    expect(
      within(diverging).getByRole("link", { name: "Registre des transports" }).getAttribute("href"),
    ).toBe("/laureats/registre-reunion?onglet=suivi");
  });

  it("keeps the chase list from a sponsor", async () => {
    mockAuth({ user: sponsorUser });
    mockProcedures({ "programme.overview": () => null });
    renderApp("/a-relancer");
    expect(await screen.findByText("Votre rôle ne permet pas d'ouvrir cette page")).toBeDefined();
  });
});
