import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { ROUTES } from "../routes";
import { DemoNotice } from "./DemoNotice";

const MAIN_ID = "contenu";
const FOOTER_ID = "pied-de-page";

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
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
        quickAccessItems={[headerFooterDisplayItem]}
        navigation={[
          { text: "Portefeuille", linkProps: { to: ROUTES.home }, isActive: pathname === ROUTES.home },
        ]}
      />
      <DemoNotice />
      <main id={MAIN_ID} tabIndex={-1} className="fr-container fr-pb-6w">
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
          headerFooterDisplayItem,
        ]}
      />
    </>
  );
}
