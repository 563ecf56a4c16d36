import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { useState } from "react";
import { Navigate, useSearchParams } from "react-router";
import type { DemoAccount } from "../../lib/auth-api";
import { useAuthOptions, useSession } from "../../lib/session";
import { useDocumentTitle } from "../../lib/use-document-title";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { landingPathFor, ROUTES, safeReturnPath } from "../../routes";
import { DemoAccounts } from "./DemoAccounts";
import { redirectErrorOf } from "./sign-in-errors";
import { SignInForm } from "./SignInForm";
import { FIELD_IDS, useSignIn } from "./use-sign-in";

export default function SignInPage() {
  useDocumentTitle("Connexion");
  const [params] = useSearchParams();
  const requested = params.get("retour");
  // Without a page to return to, ProConnect comes back here, where each role finds its landing page.
  const proConnectReturn = requested ? safeReturnPath(requested) : ROUTES.signIn;
  const redirectError = redirectErrorOf(params.get("erreur"));
  const session = useSession();
  const options = useAuthOptions();
  const { submit, fieldErrors, serverError, submitting } = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const focus = usePendingFocus();

  // Signed in (already, or just now): on to the page that asked for it.
  if (session.user)
    return (
      <Navigate to={requested ? safeReturnPath(requested) : landingPathFor(session.user.role)} replace />
    );

  const chooseDemoAccount = (account: DemoAccount) => {
    const demoPassword = options.data?.demoPassword ?? null;
    if (demoPassword !== null) {
      void submit({ email: account.email, password: demoPassword });
      return;
    }
    setEmail(account.email);
    setPassword("");
    focus(FIELD_IDS.password);
  };

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center", "fr-my-6w")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Connexion à Défis</h1>
        {redirectError && (
          <Alert
            className={fr.cx("fr-mb-4w")}
            severity={redirectError.severity}
            as="h2"
            title={redirectError.title}
            description={redirectError.description}
          />
        )}
        {serverError && (
          <Alert
            className={fr.cx("fr-mb-4w")}
            severity="error"
            as="h2"
            title="Connexion impossible"
            description={serverError}
          />
        )}
        {options.data?.proConnect && (
          <section aria-labelledby="proconnect-titre">
            <h2 id="proconnect-titre" className={fr.cx("fr-h4")}>
              Avec ProConnect
            </h2>
            <p className={fr.cx("fr-text--sm")}>
              L'identifiant des agents de l'État, avec votre compte professionnel.
            </p>
            <ProConnectButton url={`/auth/proconnect/login?retour=${encodeURIComponent(proConnectReturn)}`} />
            <p className={fr.cx("fr-hr-or")}>ou</p>
          </section>
        )}
        <SignInForm
          email={email}
          password={password}
          onEmailChange={setEmail}
          onPasswordChange={setPassword}
          fieldErrors={fieldErrors}
          submitting={submitting}
          onSubmit={() => void submit({ email, password })}
        />
        {options.data && options.data.demoAccounts.length > 0 && (
          <DemoAccounts
            accounts={options.data.demoAccounts}
            demoPassword={options.data.demoPassword}
            onChoose={chooseDemoAccount}
            disabled={submitting}
          />
        )}
      </div>
    </div>
  );
}
