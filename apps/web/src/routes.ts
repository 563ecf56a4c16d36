/** The glossary entries of the help page a "?" link may point to (their anchors). */
export type HelpTerm =
  | "tranche"
  | "service-fait"
  | "engage"
  | "restes-a-payer"
  | "taux-de-versement"
  | "prevu"
  | "meteo"
  | "sante-calculee"
  | "meteo-a-verifier"
  | "fraicheur"
  | "jalon"
  | "relance";

/** Every path of the app, in one place. */
export const ROUTES = {
  home: "/",
  laureate: (slug: string) => `/laureats/${encodeURIComponent(slug)}`,
  /** The "Finances" tab of a laureate's page. */
  laureateFinances: (slug: string) => `/laureats/${encodeURIComponent(slug)}?onglet=finances`,
  /** A section of the "Finances" tab, by the id of its heading (features/finance/finance-anchors.ts). */
  laureateFinancesSection: (slug: string, headingId: string) =>
    `/laureats/${encodeURIComponent(slug)}?onglet=finances#${headingId}`,
  /** The "Fiche" tab, at an element of it (its edit button). */
  laureateFactsAt: (slug: string, elementId: string) => `/laureats/${encodeURIComponent(slug)}#${elementId}`,
  /** The "Suivi" tab of a laureate's page: milestones, météo, comments. */
  laureateProgress: (slug: string) => `/laureats/${encodeURIComponent(slug)}?onglet=suivi`,
  /** A sponsor's laureates and what needs updating. */
  myProjects: "/mes-projets",
  guidedUpdate: (slug: string) => `/mes-projets/${encodeURIComponent(slug)}/mise-a-jour`,
  /** Stale and late items, by sponsor (programme officers). */
  toChase: "/a-relancer",
  /** The "Essaimage" tab of a laureate's page. */
  laureateReplication: (slug: string) => `/laureats/${encodeURIComponent(slug)}?onglet=essaimage`,
  /** The direction's dashboard, as of a day (`?etat-au=`). */
  dashboard: "/pilotage",
  /** The synthesis of /pilotage laid out for two A4 pages, as of a day (`?etat-au=`). */
  dashboardNote: "/pilotage/note-de-synthese",
  /** Portfolio reviews (COPIL) and their frozen figures. */
  reviews: "/revues",
  review: (id: number) => `/revues/${String(id)}`,
  finances: "/finances",
  replication: "/essaimage",
  financesImport: "/finances/import",
  /** The import of measures of impact indicators (officers). */
  measuresImport: "/indicateurs/import-mesures",
  journal: "/journal",
  /** The consistency controls (officers and administrators), a section per kind (`#controle-<kind>`). */
  controls: "/controles",
  /** The officers' catalogue of common impact indicators, added up on /pilotage. */
  commonIndicators: "/indicateurs-communs",
  /** Weekly reminders and the outbox of the mail the app wrote. */
  reminders: "/rappels",
  /** The accounts page (pages/admin/, written separately): wired in App.tsx. */
  admin: "/administration/utilisateurs",
  signIn: "/connexion",
  /** Help: first steps by role, usual journeys, the glossary and its rules of computation. */
  help: "/aide",
  /** One term of the help's glossary: the "?" links beside the places it appears. */
  helpTerm: (term: HelpTerm) => `/aide#${term}`,
  accessibility: "/accessibilite",
  legalNotice: "/mentions-legales",
  personalData: "/donnees-personnelles",
} as const;

/** What App.tsx matches for the paths that carry a parameter, beside the builders above that fill them. */
export const ROUTE_PATTERNS = {
  laureate: "/laureats/:slug",
  guidedUpdate: "/mes-projets/:slug/mise-a-jour",
  review: "/revues/:id",
} as const;

/** The sign-in page, with the page to come back to afterwards. */
export function signInPath(returnTo: string): string {
  return `${ROUTES.signIn}?retour=${encodeURIComponent(returnTo)}`;
}

/** Where a person lands after signing in without a page to return to: sponsors on their projects, the direction on its dashboard. */
export function landingPathFor(role: string): string {
  if (role === "sponsor") return ROUTES.myProjects;
  return role === "direction" ? ROUTES.dashboard : ROUTES.home;
}

/**
 * Only a path of this site may follow a sign-in: "//example.org" or
 * "https://…" would send the person elsewhere (an open redirect).
 */
export function safeReturnPath(value: string | null): string {
  return value?.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : ROUTES.home;
}
