/** Every path of the app, in one place. */
export const ROUTES = {
  home: "/",
  laureate: (slug: string) => `/laureats/${encodeURIComponent(slug)}`,
  /** The "Finances" tab of a laureate's page. */
  laureateFinances: (slug: string) => `/laureats/${encodeURIComponent(slug)}?onglet=finances`,
  /** The "Essaimage" tab of a laureate's page. */
  laureateReplication: (slug: string) => `/laureats/${encodeURIComponent(slug)}?onglet=essaimage`,
  finances: "/finances",
  replication: "/essaimage",
  financesImport: "/finances/import",
  journal: "/journal",
  /** The accounts page (pages/admin/, written separately): wired in App.tsx. */
  admin: "/administration/utilisateurs",
  signIn: "/connexion",
  accessibility: "/accessibilite",
  legalNotice: "/mentions-legales",
  personalData: "/donnees-personnelles",
} as const;

/** The sign-in page, with the page to come back to afterwards. */
export function signInPath(returnTo: string): string {
  return `${ROUTES.signIn}?retour=${encodeURIComponent(returnTo)}`;
}

/**
 * Only a path of this site may follow a sign-in: "//example.org" or
 * "https://…" would send the person elsewhere (an open redirect).
 */
export function safeReturnPath(value: string | null): string {
  return value?.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : ROUTES.home;
}
