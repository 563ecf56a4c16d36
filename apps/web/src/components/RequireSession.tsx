import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Permission } from "@defis/domain";
import type { ReactNode } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { useCan, useSession } from "../lib/session";
import { useDocumentTitle } from "../lib/use-document-title";
import { ROUTES, signInPath } from "../routes";
import { ErrorState } from "./QueryStates";

/**
 * Layout route of every page that needs a signed-in person. Anonymous visitors
 * go to the sign-in page, which brings them back here afterwards. The Layout
 * around it waits for the session: here it is known, or failed to load.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.error)
    return (
      <ErrorState
        error={session.error}
        title="Votre session n'a pas pu être vérifiée"
        onRetry={session.refetch}
      />
    );
  if (!session.user) {
    // An expired session brings the person back here after signing in; a sign-out does not.
    const target = session.signedOut ? ROUTES.signIn : signInPath(`${location.pathname}${location.search}`);
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

function AccessDenied() {
  useDocumentTitle("Accès refusé");
  return (
    <div className={fr.cx("fr-my-7w")}>
      <h1>Accès refusé</h1>
      <Alert
        severity="warning"
        as="h2"
        title="Votre rôle ne permet pas d'ouvrir cette page"
        description="Si vous pensez devoir y accéder, demandez à un administrateur de Défis de modifier votre rôle."
        role={undefined}
      />
      <p className={fr.cx("fr-mt-3w")}>
        <Link className={fr.cx("fr-btn")} to={ROUTES.home}>
          Retour au portefeuille
        </Link>
      </p>
    </div>
  );
}

/** A page for the roles that hold `permission`; the others read why they cannot see it. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <AccessDenied />;
}
