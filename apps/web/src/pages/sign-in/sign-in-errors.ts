/**
 * Why the server sent someone back to the sign-in page (?erreur=…): the
 * ProConnect callback and the guard speak in codes, the page in French.
 */
interface RedirectError {
  severity: "error" | "warning" | "info";
  title: string;
  description: string;
}

const REDIRECT_ERRORS: Record<string, RedirectError> = {
  "compte-inconnu": {
    severity: "error",
    title: "Aucun compte Défis pour cette identité ProConnect",
    description:
      "ProConnect a confirmé votre identité, mais aucun compte Défis actif ne correspond à votre adresse. Demandez à un administrateur de Défis de vous ouvrir un compte.",
  },
  "session-expiree": {
    severity: "info",
    title: "Votre session a expiré",
    description: "Connectez-vous de nouveau pour continuer.",
  },
  "proconnect-echec": {
    severity: "error",
    title: "La connexion avec ProConnect a échoué",
    description:
      "ProConnect n'a pas pu confirmer votre identité. Réessayez ; si le problème persiste, connectez-vous avec votre adresse électronique et votre mot de passe.",
  },
  "proconnect-refus": {
    severity: "warning",
    title: "Connexion ProConnect annulée",
    description: "La connexion a été annulée ou refusée sur ProConnect. Vous pouvez réessayer.",
  },
  "proconnect-indisponible": {
    severity: "error",
    title: "ProConnect est indisponible",
    description:
      "ProConnect ne répond pas pour le moment. Réessayez plus tard, ou connectez-vous avec votre adresse électronique et votre mot de passe.",
  },
};

/** Null for no code or an unknown one: a hand-edited address shows no error. */
export function redirectErrorOf(code: string | null): RedirectError | null {
  return code !== null && Object.hasOwn(REDIRECT_ERRORS, code) ? (REDIRECT_ERRORS[code] ?? null) : null;
}
