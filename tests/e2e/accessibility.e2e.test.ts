import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./support/app-server";
import { expectNoAxeViolations } from "./support/axe";
import { launchBrowser, openPage, type ColorScheme } from "./support/browser";
import { FINANCES_HEADING, FINANCES_PATH, laureateFinancesPath } from "./support/finances";
import { openAt, waitForReplicationPage } from "./support/pages";
import {
  DEMO,
  INVALID_CREDENTIALS,
  SIGN_IN_HEADING,
  SIGN_IN_PATH,
  signInAsDemo,
  signInRefusal,
  submitSignInForm,
  waitForSignInPage,
  type Account,
} from "./support/session";

const HOME_HEADING = "Portefeuille des lauréats";
const EDITED_LAUREATE = {
  path: "/laureats/prevention-perte-autonomie",
  heading: "Prévention de la perte d'autonomie des personnes âgées",
};
const USERS_PAGE = { path: "/administration/utilisateurs", heading: "Administration des comptes" };
const FINANCES_PAGE = { path: FINANCES_PATH, heading: FINANCES_HEADING };
/** A laureate with a paid avance and tranches still planned: its schedule offers every kind of step. */
const SCHEDULED_LAUREATE = {
  path: laureateFinancesPath("dggn-lab-innovation"),
  heading: "Laboratoire d'innovation de la gendarmerie nationale",
};

const REPLICATION_PAGE = { path: "/essaimage", heading: "Essaimage" };
/** A demonstration laureate with a scorecard (history included) and adoptions. */
const REPLICATION_LAUREATE = {
  path: "/laureats/sgmi-intrapreneuriat?onglet=essaimage",
  heading: "Dispositif d'intrapreneuriat du ministère de l'Intérieur",
};

/** The demonstration's laureate whose declared météo the facts contradict, in the santé sponsor's scope. */
const FOLLOWED_LAUREATE = {
  path: "/laureats/chu-toulouse-parkinson?onglet=suivi",
  heading: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
};

async function waitForFollowUp(page: Page): Promise<void> {
  await page.getByRole("table", { name: /jalons, dont/ }).waitFor();
  await page.getByRole("table", { name: "Historique de la météo par période" }).waitFor();
}

async function waitForLaureateReplication(page: Page): Promise<void> {
  await page.getByRole("table", { name: "Grille d'essaimage en vigueur" }).waitFor();
}

/** A page in the state a visitor sees once the data has arrived, possibly after acting on it. */
interface PageCheck {
  name: string;
  path: string;
  heading: string;
  readyWhen?: (page: Page) => Promise<void>;
  /** What the visitor does before the check: open a form, trigger an error… */
  act?: (page: Page, scheme: ColorScheme) => Promise<void>;
}

/** Who looks at the pages: each role reaches its own pages, anonymous visitors only the public ones. */
interface Visit {
  visitor: Account | null;
  checks: PageCheck[];
}

/** The finances page once its last table, the months, has arrived. */
async function waitForFinancesTables(page: Page): Promise<void> {
  await page.getByRole("table", { name: /^Montant alloué par lauréat, au / }).waitFor();
  await page.getByRole("table", { name: /^Versements prévus et réalisés par mois, au / }).waitFor();
}

/** A laureate's Finances tab once its figures have arrived. */
async function waitForLaureateFinances(page: Page): Promise<void> {
  await page.getByRole("table", { name: /^Tranches de l'échéancier, au / }).waitFor();
  await page.getByRole("table", { name: /^Versements enregistrés, au / }).waitFor();
}

async function openLaureateEditForm(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Modifier la fiche", exact: true }).click();
  await page.getByRole("form", { name: "Modifier la fiche" }).waitFor();
}

const VISITS: Visit[] = [
  {
    visitor: null,
    checks: [
      {
        name: "sign-in page",
        path: SIGN_IN_PATH,
        heading: SIGN_IN_HEADING,
        readyWhen: waitForSignInPage,
      },
      {
        name: "sign-in page with its field errors",
        path: SIGN_IN_PATH,
        heading: SIGN_IN_HEADING,
        act: async (page) => {
          await page.getByRole("button", { name: "Se connecter", exact: true }).click();
          await page.getByText("Le mot de passe est requis.", { exact: true }).waitFor();
        },
      },
      {
        name: "sign-in page refusing a wrong password",
        path: SIGN_IN_PATH,
        heading: SIGN_IN_HEADING,
        act: async (page) => {
          await submitSignInForm(page, DEMO.sponsorSante.email, "pas le bon mot de passe");
          await signInRefusal(page, INVALID_CREDENTIALS).waitFor();
        },
      },
      { name: "accessibility statement", path: "/accessibilite", heading: "Déclaration d'accessibilité" },
      { name: "legal notice", path: "/mentions-legales", heading: "Mentions légales" },
      { name: "personal data", path: "/donnees-personnelles", heading: "Données personnelles" },
    ],
  },
  {
    visitor: DEMO.direction,
    checks: [
      {
        name: "portfolio table",
        path: "/",
        heading: HOME_HEADING,
        readyWhen: (page) => page.getByRole("table", { name: "Lauréats de l'appel à défis" }).waitFor(),
      },
      {
        name: "filtered portfolio",
        path: "/?categorie=numerique",
        heading: HOME_HEADING,
        readyWhen: (page) =>
          page
            .getByRole("status")
            .filter({ hasText: /^5 lauréats correspondant/ })
            .waitFor(),
      },
      {
        name: "portfolio cards",
        path: "/?vue=cartes",
        heading: HOME_HEADING,
        readyWhen: (page) => page.locator(".fr-card").first().waitFor(),
      },
      {
        name: "laureate page",
        path: "/laureats/deal-reunion-registre-transports",
        heading: "Modernisation du Registre des transports de La Réunion",
      },
      { name: "laureate follow-up, read only", ...FOLLOWED_LAUREATE, readyWhen: waitForFollowUp },
      { name: "replication", ...REPLICATION_PAGE, readyWhen: waitForReplicationPage },
      { name: "laureate replication", ...REPLICATION_LAUREATE, readyWhen: waitForLaureateReplication },
      { name: "journal refused to a read-only role", path: "/journal", heading: "Accès refusé" },
      { name: "unknown address", path: "/nimporte-quoi", heading: "Page introuvable" },
    ],
  },
  {
    visitor: DEMO.officer,
    checks: [
      {
        name: "common indicators' catalogue",
        path: "/indicateurs-communs",
        heading: "Indicateurs communs",
        readyWhen: (page) => page.getByRole("button", { name: "Ajouter au catalogue" }).waitFor(),
      },
      {
        name: "journal",
        path: "/journal",
        heading: "Journal des modifications",
        readyWhen: (page) => page.getByRole("table", { name: "Journal des modifications" }).waitFor(),
      },
      {
        name: "finances",
        ...FINANCES_PAGE,
        readyWhen: waitForFinancesTables,
      },
      {
        name: "laureates to chase",
        path: "/a-relancer",
        heading: "À relancer",
        readyWhen: (page) => page.getByRole("region", { name: /^Météo à vérifier/ }).waitFor(),
      },
      {
        name: "outbox",
        path: "/rappels",
        heading: "Rappels et boîte d'envoi",
        readyWhen: (page) => page.locator(".fr-accordion").first().waitFor(),
      },
      { name: "laureate follow-up", ...FOLLOWED_LAUREATE, readyWhen: waitForFollowUp },
      {
        name: "laureate follow-up with the milestone form open",
        ...FOLLOWED_LAUREATE,
        readyWhen: waitForFollowUp,
        act: async (page) => {
          await page.getByRole("button", { name: "Ajouter un jalon", exact: true }).click();
          const form = page.getByRole("form", { name: "Ajouter un jalon" });
          await form.getByRole("button", { name: "Enregistrer", exact: true }).click();
          await form.getByText("Le titre du jalon compte 3 caractères au moins.", { exact: true }).waitFor();
        },
      },
      {
        name: "laureate follow-up with the météo form open",
        ...FOLLOWED_LAUREATE,
        readyWhen: waitForFollowUp,
        act: async (page) => {
          await page.getByRole("button", { name: /^Modifier la météo de / }).click();
          await page.getByRole("form", { name: /^Météo de / }).waitFor();
        },
      },
      {
        name: "finances with the allocation form open",
        ...FINANCES_PAGE,
        readyWhen: waitForFinancesTables,
        act: async (page) => {
          await page
            .getByRole("button", { name: /^Modifier l'allocation de « / })
            .first()
            .click();
          await page.getByRole("form", { name: /^Modifier l'allocation de « / }).waitFor();
        },
      },
      {
        name: "laureate finances",
        ...SCHEDULED_LAUREATE,
        readyWhen: waitForLaureateFinances,
      },
      {
        name: "laureate finances with a tranche step form open",
        ...SCHEDULED_LAUREATE,
        readyWhen: waitForLaureateFinances,
        act: async (page) => {
          await page.getByRole("button", { name: "Service fait : Tranche 2 (acompte)", exact: true }).click();
          await page.getByRole("form", { name: "Constater le service fait — Tranche 2 (acompte)" }).waitFor();
        },
      },
      {
        name: "laureate finances with the schedule planner open",
        ...SCHEDULED_LAUREATE,
        readyWhen: waitForLaureateFinances,
        act: async (page) => {
          await page.getByRole("button", { name: "Proposer un échéancier", exact: true }).click();
          const planner = page.getByRole("form", { name: "Proposer un échéancier" });
          await planner.getByRole("group", { name: "Tranche prévue 1", exact: true }).waitFor();
        },
      },
      {
        name: "laureate replication with the scorecard form open",
        ...REPLICATION_LAUREATE,
        readyWhen: waitForLaureateReplication,
        act: async (page) => {
          await page.getByRole("button", { name: "Noter à nouveau", exact: true }).click();
          await page.getByRole("form", { name: "Noter le potentiel d'essaimage" }).waitFor();
        },
      },
      {
        name: "laureate replication with the adoption form open",
        ...REPLICATION_LAUREATE,
        readyWhen: waitForLaureateReplication,
        act: async (page) => {
          await page.getByRole("button", { name: "Enregistrer une adoption", exact: true }).click();
          await page.getByRole("form", { name: "Enregistrer une adoption" }).waitFor();
        },
      },
      {
        name: "laureate edit form",
        path: EDITED_LAUREATE.path,
        heading: EDITED_LAUREATE.heading,
        act: openLaureateEditForm,
      },
      {
        name: "laureate edit form with an error",
        path: EDITED_LAUREATE.path,
        heading: EDITED_LAUREATE.heading,
        act: async (page) => {
          await openLaureateEditForm(page);
          await page.getByRole("textbox", { name: "Porteur du projet" }).fill("");
          await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
          await page.getByText("Le porteur est requis.", { exact: true }).waitFor();
        },
      },
      {
        name: "laureate history",
        path: EDITED_LAUREATE.path,
        heading: EDITED_LAUREATE.heading,
        // The history shows a table only once the record has changed: change it first.
        act: async (page, scheme) => {
          await openLaureateEditForm(page);
          await page
            .getByRole("textbox", { name: "Porteur du projet" })
            .fill(`Porteur vu en thème ${scheme}`);
          await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
          await page.getByRole("status").filter({ hasText: "La fiche a été enregistrée." }).waitFor();
          await page.getByRole("tab", { name: "Historique", exact: true }).click();
          await page.getByRole("table", { name: "Historique des modifications de la fiche" }).waitFor();
        },
      },
    ],
  },
  {
    visitor: DEMO.sponsorSante,
    checks: [
      {
        name: "sponsor's projects",
        path: "/mes-projets",
        heading: "Mes projets",
        readyWhen: (page) => page.getByRole("article").first().waitFor(),
      },
      {
        name: "guided update, météo",
        path: "/mes-projets/chu-toulouse-parkinson/mise-a-jour",
        heading: "Mise à jour de « Outil de dialogue pour accompagner les patients atteints de Parkinson »",
        readyWhen: (page) => page.getByText("Étape 1 sur 4").waitFor(),
      },
      {
        name: "guided update, milestones",
        path: "/mes-projets/chu-toulouse-parkinson/mise-a-jour",
        heading: "Mise à jour de « Outil de dialogue pour accompagner les patients atteints de Parkinson »",
        act: async (page) => {
          await page.getByRole("button", { name: "Étape suivante", exact: true }).click();
          await page.getByText("Étape 2 sur 4").waitFor();
        },
      },
    ],
  },
  {
    visitor: DEMO.admin,
    checks: [
      {
        name: "accounts",
        ...USERS_PAGE,
        readyWhen: (page) => page.getByRole("table").waitFor(),
      },
      {
        name: "accounts with the sponsor creation form open",
        ...USERS_PAGE,
        readyWhen: (page) => page.getByRole("table").waitFor(),
        act: async (page) => {
          await page.getByRole("button", { name: "Créer un compte", exact: true }).click();
          const form = page.getByRole("form", { name: "Créer un compte" });
          await form.getByRole("combobox", { name: /^Rôle/ }).selectOption({ label: "Sponsor ministériel" });
          await form.getByRole("button", { name: "Ajouter un élément au périmètre" }).click();
          await form.getByRole("group", { name: "Élément 1" }).waitFor();
        },
      },
      {
        name: "accounts with a deactivation to confirm",
        ...USERS_PAGE,
        act: async (page) => {
          await page
            .getByRole("button", { name: `Désactiver le compte de ${DEMO.sponsorSante.displayName}` })
            .click();
          await page
            .getByRole("heading", { name: `Désactiver le compte de ${DEMO.sponsorSante.displayName} ?` })
            .waitFor();
        },
      },
    ],
  },
];

const SCHEMES: ColorScheme[] = ["light", "dark"];

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

for (const scheme of SCHEMES) {
  describe(`accessibilité en thème ${scheme}`, () => {
    for (const { visitor, checks } of VISITS) {
      describe(visitor ? `${visitor.roleLabel} (${visitor.email})` : "sans connexion", () => {
        let context: BrowserContext;
        let page: Page;

        beforeAll(async () => {
          ({ context, page } = await openPage(browser, server.baseUrl, scheme));
          if (visitor) await signInAsDemo(page, visitor);
        });

        afterAll(async () => {
          await context.close();
        });

        for (const { name, path, heading, readyWhen, act } of checks) {
          it(`${name} (${path}) has no axe violation`, async () => {
            await openAt(page, path, heading);
            await readyWhen?.(page);
            await act?.(page, scheme);
            const theme = await page.evaluate(() => document.documentElement.getAttribute("data-fr-theme"));
            // Contrast is only judged in dark mode if the DSFR really switched to its dark palette.
            expect(theme).toBe(scheme);
            await expectNoAxeViolations(page, `${name}, ${path} (thème ${scheme})`);
          });
        }
      });
    }
  });
}
