import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import { laureateItems, officerUser, overviewFixture, sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { followUpRows } from "../../features/progress/progress-fixtures";

const DEMO_ACCOUNTS = [
  { email: officerUser.email, displayName: officerUser.displayName, role: officerUser.role },
  { email: sponsorUser.email, displayName: sponsorUser.displayName, role: sponsorUser.role },
];

/** What the portfolio needs once signed in. */
function servePortfolio() {
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "progress.portfolio": () => followUpRows,
    "progress.myProjects": () => ({ rows: followUpRows, staleAfterDays: 30 }),
    "laureates.list": () => laureateItems,
  });
}

/** The portfolio, loaded: no request of this test is left in flight for the next one. */
async function portfolioShown() {
  await screen.findByRole("table", { name: "Lauréats de l'appel à défis" });
}

function location() {
  return screen.getByTestId("location").textContent;
}

async function fillAndSubmit(email: string, password: string) {
  if (email) await userEvent.type(await screen.findByLabelText(/Adresse électronique/), email);
  if (password) await userEvent.type(screen.getByLabelText("Mot de passe"), password);
  await userEvent.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe("SignInPage", () => {
  it("signs in with the schema's normalised email, then goes back to the page asked for", async () => {
    const calls = mockAuth({ login: () => officerUser });
    servePortfolio();
    renderApp("/connexion?retour=%2F%3Fcategorie%3Dnumerique");
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion à Défis" })).toBeDefined();
    expect(document.title).toBe("Connexion — Défis");
    const email = screen.getByLabelText(/Adresse électronique/);
    expect(email.getAttribute("type")).toBe("email");
    expect(email.getAttribute("autocomplete")).toBe("username");
    await fillAndSubmit("  Camille.Durand@demo.defis.gouv.fr ", "mot de passe");
    await waitFor(() => expect(location()).toBe("/?categorie=numerique"));
    expect(calls.logins).toEqual([{ email: "camille.durand@demo.defis.gouv.fr", password: "mot de passe" }]);
    // The header lists it twice: in the desktop tools and in the mobile menu.
    expect((await screen.findAllByText(/Camille Durand \(démo\) — Chargé·e de mission DITP/)).length).toBe(2);
    await portfolioShown();
  });

  it("never follows a return address to another site", async () => {
    mockAuth({ login: () => officerUser });
    servePortfolio();
    renderApp("/connexion?retour=%2F%2Fexemple.org%2Fpiege");
    await fillAndSubmit("camille.durand@demo.defis.gouv.fr", "secret");
    await waitFor(() => expect(location()).toBe("/"));
    await portfolioShown();
  });

  it("shows the server's message when the password is wrong", async () => {
    mockAuth();
    renderApp("/connexion");
    await fillAndSubmit("camille.durand@demo.defis.gouv.fr", "faux");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Adresse électronique ou mot de passe incorrect.");
    expect(location()).toBe("/connexion");
  });

  it("shows the limiter's message after too many attempts", async () => {
    mockAuth({
      login: () => ({
        status: 429,
        body: { error: { message: "Trop de tentatives. Réessayez dans 15 minutes." } },
      }),
    });
    renderApp("/connexion");
    await fillAndSubmit("camille.durand@demo.defis.gouv.fr", "faux");
    expect((await screen.findByRole("alert")).textContent).toContain("Trop de tentatives");
  });

  it("explains each wrong field beside it and sends nothing", async () => {
    const calls = mockAuth();
    renderApp("/connexion");
    await fillAndSubmit("pas-une-adresse", "");
    expect(await screen.findByText("L'adresse électronique n'est pas valide.")).toBeDefined();
    expect(screen.getByText("Le mot de passe est requis.")).toBeDefined();
    const email = screen.getByLabelText(/Adresse électronique/);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(email);
    expect(calls.logins).toEqual([]);
  });

  it("hides the password, with the design system's show toggle", async () => {
    mockAuth();
    renderApp("/connexion");
    const password = await screen.findByLabelText("Mot de passe");
    expect(password.getAttribute("type")).toBe("password");
    expect(password.getAttribute("autocomplete")).toBe("current-password");
    // The DSFR script switches the type in a browser; jsdom runs without it.
    expect(screen.getByRole("checkbox", { name: "Afficher le mot de passe" })).toBeDefined();
  });

  it("signs in with a demonstration account in one click when the demonstration password is public", async () => {
    const calls = mockAuth({
      demonstration: true,
      options: { demoAccounts: DEMO_ACCOUNTS, demoPassword: "demonstration" },
      login: () => sponsorUser,
    });
    servePortfolio();
    renderApp("/connexion");
    const demo = await screen.findByRole("region", { name: "Comptes de démonstration" });
    expect(demo.textContent).toContain("Sponsor ministériel");
    expect(demo.textContent).toContain("Chargé·e de mission DITP");
    await userEvent.click(
      within(demo).getByRole("button", { name: "Se connecter en tant que Sacha Bernard (démo)" }),
    );
    // Without a page to return to, a sponsor lands on their projects.
    await waitFor(() => expect(location()).toBe("/mes-projets"));
    expect(calls.logins).toEqual([{ email: sponsorUser.email, password: "demonstration" }]);
    expect(await screen.findByRole("region", { name: "Avertissement" })).toBeDefined();
    expect(await screen.findByRole("heading", { name: "Mes projets", level: 1 })).toBeDefined();
  });

  it("fills the email and asks for the password when the demonstration password is not public", async () => {
    const calls = mockAuth({
      demonstration: true,
      options: { demoAccounts: DEMO_ACCOUNTS, demoPassword: null },
    });
    renderApp("/connexion");
    // Anonymous visitors of a demonstration instance are warned too.
    expect(await screen.findByRole("region", { name: "Avertissement" })).toBeDefined();
    await userEvent.click(
      await screen.findByRole("button", { name: "Se connecter en tant que Camille Durand (démo)" }),
    );
    expect(screen.getByLabelText<HTMLInputElement>(/Adresse électronique/).value).toBe(officerUser.email);
    expect(document.activeElement).toBe(screen.getByLabelText("Mot de passe"));
    expect(calls.logins).toEqual([]);
  });

  it("offers ProConnect only when the server has it, with the way back", async () => {
    mockAuth({ options: { proConnect: true } });
    renderApp("/connexion?retour=%2Fjournal");
    const button = await screen.findByRole("link", { name: /S’identifier avec\s*ProConnect/ });
    expect(button.getAttribute("href")).toBe("/auth/proconnect/login?retour=%2Fjournal");
  });

  it("shows no ProConnect button nor demonstration accounts otherwise", async () => {
    mockAuth();
    renderApp("/connexion");
    await screen.findByRole("heading", { level: 1, name: "Connexion à Défis" });
    await waitFor(() => expect(screen.queryByText(/ProConnect/)).toBeNull());
    expect(screen.queryByRole("region", { name: "Comptes de démonstration" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Avertissement" })).toBeNull();
  });

  it("explains why ProConnect sent the person back", async () => {
    mockAuth({ options: { proConnect: true } });
    renderApp("/connexion?erreur=compte-inconnu");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Aucun compte Défis pour cette identité ProConnect");
    expect(alert.textContent).toContain("Demandez à un administrateur");
  });

  it("sends a signed-in person on to the home page", async () => {
    mockAuth({ user: officerUser });
    servePortfolio();
    renderApp("/connexion");
    await waitFor(() => expect(location()).toBe("/"));
    await portfolioShown();
  });
});
