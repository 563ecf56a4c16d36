import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "./test/api-server";
import { adminUser, laureateItems, officerUser, overviewFixture, sponsorUser } from "./test/fixtures";
import { renderApp } from "./test/render";
import { followUpRows } from "./features/progress/progress-fixtures";

function servePortfolio() {
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "progress.portfolio": () => followUpRows,
    "laureates.list": () => laureateItems,
  });
}

function location() {
  return screen.getByTestId("location").textContent;
}

/** The header's main navigation (rendered once, shown as a menu on small screens). */
function navigationLinks() {
  const navigation = screen.getByRole("navigation", { name: "Menu principal" });
  return within(navigation)
    .getAllByRole("link")
    .map((link) => [link.textContent, link.getAttribute("href")]);
}

describe("route guard", () => {
  it("sends an anonymous visitor to the sign-in page, with the way back", async () => {
    mockAuth();
    renderApp("/journal?objet=laureat");
    await waitFor(() => expect(location()).toBe("/connexion?retour=%2Fjournal%3Fobjet%3Dlaureat"));
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion à Défis" })).toBeDefined();
  });

  it("keeps the legal pages public", async () => {
    mockAuth();
    renderApp("/mentions-legales");
    expect(await screen.findByRole("heading", { level: 1, name: "Mentions légales" })).toBeDefined();
    expect(location()).toBe("/mentions-legales");
    expect(screen.getAllByRole("link", { name: "Se connecter" })[0]?.getAttribute("href")).toBe("/connexion");
  });

  it("tells a sponsor that the journal is not for their role", async () => {
    mockAuth({ user: sponsorUser, demonstration: true });
    servePortfolio();
    renderApp("/journal");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeDefined();
    expect(screen.getByText("Votre rôle ne permet pas d'ouvrir cette page")).toBeDefined();
    expect(document.title).toBe("Accès refusé — Défis");
    expect(await screen.findByRole("region", { name: "Avertissement" })).toBeDefined();
  });

  it("sends the person to sign in again when the session expires", async () => {
    const auth = mockAuth({ user: officerUser });
    let expired = false;
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "progress.portfolio": () => followUpRows,
      "laureates.list": () =>
        expired ? new ProcedureError("UNAUTHORIZED", "Connectez-vous pour continuer.", 401) : laureateItems,
    });
    renderApp("/?categorie=numerique");
    await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
    expired = true;
    auth.expireSession();
    await userEvent.selectOptions(screen.getByLabelText("Catégorie"), "organisations");
    await waitFor(() => expect(location()).toBe("/connexion?retour=%2F%3Fcategorie%3Dorganisations"));
  });
});

describe("header", () => {
  it("draws the page once the session is known, the demonstration notice with it", async () => {
    mockAuth({ user: officerUser, demonstration: true });
    servePortfolio();
    renderApp("/");
    // Until /auth/me answers, neither the header nor the notice: drawn later, they would push the page down.
    expect(screen.getByText(/Vérification de votre session/).closest("main")).not.toBeNull();
    expect(screen.queryByRole("banner")).toBeNull();
    await screen.findByRole("navigation", { name: "Menu principal" });
    expect(screen.getByRole("region", { name: "Avertissement" }).textContent).toContain(
      "Données de démonstration",
    );
    await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
  });

  it("shows who is signed in, with their role, and the sections of an officer", async () => {
    mockAuth({ user: officerUser });
    servePortfolio();
    renderApp("/");
    const [person] = await screen.findAllByText(/Camille Durand \(démo\) — Chargé·e de mission DITP/);
    // Information, not an action.
    expect(person?.tagName).toBe("P");
    expect(person?.closest("a, button")).toBeNull();
    expect(person?.querySelector(".fr-icon-account-circle-line")).not.toBeNull();
    expect(screen.getAllByRole("button", { name: "Se déconnecter" }).length).toBeGreaterThan(0);
    expect(navigationLinks()).toEqual([
      ["Portefeuille", "/"],
      ["À relancer", "/a-relancer"],
      ["Pilotage", "/pilotage"],
      ["Revues", "/revues"],
      ["Finances", "/finances"],
      ["Essaimage", "/essaimage"],
      ["Contrôles", "/controles"],
      ["Indicateurs communs", "/indicateurs-communs"],
      ["Journal", "/journal"],
      ["Rappels", "/rappels"],
    ]);
    await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
  });

  it("shows a sponsor neither the journal nor the administration", async () => {
    mockAuth({ user: sponsorUser });
    servePortfolio();
    renderApp("/");
    expect((await screen.findAllByText(/Sacha Bernard \(démo\) — Sponsor ministériel/)).length).toBe(2);
    expect(navigationLinks()).toEqual([
      ["Portefeuille", "/"],
      ["Mes projets", "/mes-projets"],
      ["Pilotage", "/pilotage"],
      ["Revues", "/revues"],
      ["Finances", "/finances"],
      ["Essaimage", "/essaimage"],
    ]);
    await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
  });

  it("shows an administrator the accounts page", async () => {
    mockAuth({ user: adminUser });
    servePortfolio();
    renderApp("/");
    await screen.findAllByText(/Alex Martin \(démo\) — Administrateur/);
    expect(navigationLinks()).toContainEqual(["Administration", "/administration/utilisateurs"]);
    await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
  });

  it("signs out, forgets the data and goes to the sign-in page", async () => {
    const auth = mockAuth({ user: officerUser });
    servePortfolio();
    renderApp("/");
    await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
    const [signOut] = screen.getAllByRole("button", { name: "Se déconnecter" });
    if (!signOut) throw new Error("Bouton de déconnexion absent");
    await userEvent.click(signOut);
    await waitFor(() => expect(location()).toBe("/connexion"));
    expect(auth.logouts).toBe(1);
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion à Défis" })).toBeDefined();
    expect(screen.queryByText(/Camille Durand/)).toBeNull();
  });
});
