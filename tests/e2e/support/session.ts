import type { Locator, Page } from "playwright-core";

/** The default demonstration password: the sign-in page offers it in one click in demonstration mode. */
export const DEMO_PASSWORD = "defis-demo-2022";

export const SIGN_IN_PATH = "/connexion";
export const SIGN_IN_HEADING = "Connexion à Défis";
/** The server runs in production mode: a Secure cookie with the __Host- prefix. */
export const SESSION_COOKIE = "__Host-defis_session";
export const INVALID_CREDENTIALS = "Adresse électronique ou mot de passe incorrect.";

/** Someone who can sign in, as the header names them once they have. */
export interface Account {
  email: string;
  displayName: string;
  roleLabel: string;
}

/** The demonstration accounts the server seeds in demonstration mode (packages/db/src/seed/demo-accounts.ts). */
export const DEMO = {
  admin: { email: "admin@defis.example", displayName: "Alex Martin (démo)", roleLabel: "Administrateur" },
  officer: {
    email: "charge.mission@defis.example",
    displayName: "Camille Durand (démo)",
    roleLabel: "Chargé·e de mission DITP",
  },
  sponsorInterieur: {
    email: "sponsor.interieur@defis.example",
    displayName: "Dominique Bernard (démo)",
    roleLabel: "Sponsor ministériel",
  },
  sponsorSante: {
    email: "sponsor.sante@defis.example",
    displayName: "Sacha Petit (démo)",
    roleLabel: "Sponsor ministériel",
  },
  direction: {
    email: "direction@defis.example",
    displayName: "Claude Moreau (démo)",
    roleLabel: "Direction",
  },
} as const satisfies Record<string, Account>;

export function signInPathFor(returnTo: string): string {
  return `${SIGN_IN_PATH}?retour=${encodeURIComponent(returnTo)}`;
}

function pathAndQuery(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/**
 * "Name — Role" among the header's tools. The header renders its tools twice
 * (desktop bar and mobile menu): only the one on screen counts.
 */
export function headerPerson(page: Page, account: Account): Locator {
  return page
    .getByRole("banner")
    .getByText(`${account.displayName} — ${account.roleLabel}`, { exact: true })
    .filter({ visible: true });
}

export function signOutButton(page: Page): Locator {
  return page.getByRole("button", { name: "Se déconnecter", exact: true });
}

/** The alert the sign-in page shows when the server refuses the credentials. */
export function signInRefusal(page: Page, message: string): Locator {
  return page.getByRole("alert").filter({ hasText: message });
}

/** Waits for the sign-in page, with its demonstration accounts, which come from their own request. */
export async function waitForSignInPage(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === SIGN_IN_PATH);
  await page.getByRole("heading", { level: 1, name: SIGN_IN_HEADING, exact: true }).waitFor();
  await page.getByRole("region", { name: "Comptes de démonstration" }).getByRole("button").first().waitFor();
}

/**
 * Types the credentials into the sign-in form and submits it, without judging
 * the outcome: the caller waits for what it expects (the next page or a refusal).
 * The page must already show the sign-in form.
 */
export async function submitSignInForm(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Avec votre adresse électronique" });
  await form.getByRole("textbox", { name: /^Adresse électronique/ }).fill(email);
  await form.getByLabel("Mot de passe", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Se connecter", exact: true }).click();
}

async function waitForSignedIn(page: Page, account: Account, returnTo: string): Promise<void> {
  await page.waitForURL((url) => pathAndQuery(url) === returnTo);
  await headerPerson(page, account).waitFor();
}

/** Signs in through the form of the sign-in page, then waits to be back on `returnTo`. */
export async function signInWithPassword(
  page: Page,
  account: Account,
  password: string = DEMO_PASSWORD,
  returnTo = "/",
): Promise<void> {
  await page.goto(signInPathFor(returnTo));
  await page.getByRole("heading", { level: 1, name: SIGN_IN_HEADING, exact: true }).waitFor();
  await submitSignInForm(page, account.email, password);
  await waitForSignedIn(page, account, returnTo);
}

/** Signs in with the demonstration account's own button, then waits to be back on `returnTo`. */
export async function signInAsDemo(page: Page, account: Account, returnTo = "/"): Promise<void> {
  await page.goto(signInPathFor(returnTo));
  await page
    .getByRole("region", { name: "Comptes de démonstration" })
    .getByRole("button", { name: `Se connecter en tant que ${account.displayName}`, exact: true })
    .click();
  await waitForSignedIn(page, account, returnTo);
}

/** "Se déconnecter" in the header, then the sign-in page, without a way back. */
export async function signOut(page: Page): Promise<void> {
  await signOutButton(page).click();
  await page.waitForURL((url) => url.pathname === SIGN_IN_PATH && url.search === "");
  await page.getByRole("heading", { level: 1, name: SIGN_IN_HEADING, exact: true }).waitFor();
  await signOutButton(page).waitFor({ state: "hidden" });
}

/**
 * Signs in over HTTP, for checks made outside a browser; returns the Cookie
 * header that carries the session.
 */
export async function sessionCookieFor(
  baseUrl: string,
  account: Account,
  password: string = DEMO_PASSWORD,
): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ email: account.email, password }),
  });
  if (response.status !== 200) {
    throw new Error(
      `Connexion de ${account.email} refusée (HTTP ${response.status}) : ${await response.text()}`,
    );
  }
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`Pas de cookie ${SESSION_COOKIE} dans la réponse de connexion.`);
  return cookie.split(";")[0] ?? cookie;
}
