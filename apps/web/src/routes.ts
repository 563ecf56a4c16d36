/** Every path of the app, in one place. */
export const ROUTES = {
  home: "/",
  laureate: (slug: string) => `/laureats/${encodeURIComponent(slug)}`,
  accessibility: "/accessibilite",
  legalNotice: "/mentions-legales",
  personalData: "/donnees-personnelles",
} as const;
