import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import type { SessionUser } from "@defis/domain";
import { can } from "@defis/domain/roles";
import { useState, type ReactNode } from "react";
import { matchPath, useLocation } from "react-router";
import { useSession, useSessionActions } from "../lib/session";
import { ROUTE_PATTERNS, ROUTES } from "../routes";
import { ControlsNavLabel } from "../features/controls/ControlsNavLabel";
import { DemoNotice } from "./DemoNotice";
import { HeaderPerson } from "./HeaderPerson";
import { ErrorState, LoadingState } from "./QueryStates";

const MAIN_ID = "contenu";
const FOOTER_ID = "pied-de-page";

/** The sections a person may open, by permission: the others are not shown at all. */
function navigationFor(user: SessionUser | null, pathname: string): MainNavigationProps.Item[] | undefined {
  if (!user) return undefined;
  const items: MainNavigationProps.Item[] = [
    {
      text: "Portefeuille",
      linkProps: { to: ROUTES.home },
      isActive: pathname === ROUTES.home || matchPath(ROUTE_PATTERNS.laureate, pathname) !== null,
    },
    ...(user.role === "sponsor"
      ? [
          {
            text: "Mes projets",
            linkProps: { to: ROUTES.myProjects },
            isActive: pathname.startsWith(ROUTES.myProjects),
          },
        ]
      : []),
    ...(can(user.role, "chaseUpdates")
      ? [{ text: "À relancer", linkProps: { to: ROUTES.toChase }, isActive: pathname === ROUTES.toChase }]
      : []),
    // Every role reads the dashboard and the reviews; only officers and administrators open a review.
    { text: "Pilotage", linkProps: { to: ROUTES.dashboard }, isActive: pathname === ROUTES.dashboard },
    {
      text: "Revues",
      linkProps: { to: ROUTES.reviews },
      isActive: pathname.startsWith(ROUTES.reviews),
    },
    // Every role reads the money; only officers and administrators move it.
    { text: "Finances", linkProps: { to: ROUTES.finances }, isActive: pathname === ROUTES.finances },
    // Every role reads the replication picture too.
    { text: "Essaimage", linkProps: { to: ROUTES.replication }, isActive: pathname === ROUTES.replication },
  ];
  // The officers' work list, with what remains to fix (the domain feature draws the count).
  if (can(user.role, "readControls"))
    items.push({
      text: <ControlsNavLabel />,
      linkProps: { to: ROUTES.controls },
      isActive: pathname === ROUTES.controls,
    });
  if (can(user.role, "defineIndicators"))
    items.push({
      text: "Indicateurs communs",
      linkProps: { to: ROUTES.commonIndicators },
      isActive: pathname === ROUTES.commonIndicators,
    });
  if (can(user.role, "readAudit"))
    items.push({ text: "Journal", linkProps: { to: ROUTES.journal }, isActive: pathname === ROUTES.journal });
  if (can(user.role, "readOutbox"))
    items.push({
      text: "Rappels",
      linkProps: { to: ROUTES.reminders },
      isActive: pathname === ROUTES.reminders,
    });
  if (can(user.role, "manageUsers"))
    items.push({
      text: "Administration",
      linkProps: { to: ROUTES.admin },
      isActive: pathname.startsWith(ROUTES.admin),
    });
  return items;
}

/**
 * The first paint, until /auth/me answers. The header's menu and the
 * demonstration notice depend on the session: drawn without it, they would
 * push the page down once it arrives (cumulative layout shift).
 */
function SessionCheck() {
  return (
    // Padded, so that the message's margin does not collapse into the body's and move it.
    <main id={MAIN_ID} tabIndex={-1} className="fr-container fr-py-1v">
      <LoadingState label="Vérification de votre session" />
    </main>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const { user, isPending } = useSession();
  const { signOut } = useSessionActions();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  if (isPending) return <SessionCheck />;

  const handleSignOut = () => {
    setSigningOut(true);
    setSignOutError(null);
    signOut()
      .catch((error: unknown) => setSignOutError(error))
      .finally(() => setSigningOut(false));
  };

  // "Aide" on every page, signed in or not: first steps, journeys, the glossary.
  const help = { iconId: "fr-icon-question-line", text: "Aide", linkProps: { to: ROUTES.help } } as const;
  const quickAccessItems: HeaderProps["quickAccessItems"] = user
    ? [
        <HeaderPerson key="person" user={user} />,
        help,
        {
          iconId: "fr-icon-logout-box-r-line",
          text: "Se déconnecter",
          buttonProps: { type: "button", onClick: handleSignOut, disabled: signingOut },
        },
        headerFooterDisplayItem,
      ]
    : pathname === ROUTES.signIn
      ? [help, headerFooterDisplayItem]
      : [
          help,
          { iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { to: ROUTES.signIn } },
          headerFooterDisplayItem,
        ];

  return (
    <>
      <SkipLinks
        links={[
          { anchor: `#${MAIN_ID}`, label: "Contenu" },
          { anchor: `#${FOOTER_ID}`, label: "Pied de page" },
        ]}
      />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        homeLinkProps={{ to: ROUTES.home, title: "Accueil — Défis" }}
        serviceTitle="Défis"
        serviceTagline="Suivi de l'appel à défis « Co-construire avec les usagers et les agents »"
        quickAccessItems={quickAccessItems}
        navigation={navigationFor(user, pathname)}
      />
      <DemoNotice />
      <main id={MAIN_ID} tabIndex={-1} className="fr-container fr-pb-6w">
        {signOutError !== null && (
          <ErrorState error={signOutError} title="La déconnexion a échoué" onRetry={handleSignOut} />
        )}
        {children}
      </main>
      <Footer
        id={FOOTER_ID}
        accessibility="non compliant"
        accessibilityLinkProps={{ to: ROUTES.accessibility }}
        termsLinkProps={{ to: ROUTES.legalNotice }}
        contentDescription="Défis suit l'enveloppe de 3 millions d'euros de France Relance répartie entre les 27 lauréats de l'appel à défis piloté par la Direction interministérielle de la transformation publique."
        bottomItems={[
          { text: "Données personnelles", linkProps: { to: ROUTES.personalData } },
          { text: "Aide", linkProps: { to: ROUTES.help } },
          headerFooterDisplayItem,
        ]}
      />
    </>
  );
}
