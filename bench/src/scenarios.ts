import type pg from "pg";
import { dashboardFiguresAsOf } from "../../apps/api/src/dashboard/portfolio-as-of.js";
import { laureateMoneyRows, paymentRows } from "../../apps/api/src/exports/portfolio-queries.js";
import { laureateFinance, monthlyPayments } from "../../apps/api/src/finance/finance-queries.js";
import { listLaureates } from "../../apps/api/src/laureates/laureate-queries.js";
import { getProgrammeOverview } from "../../apps/api/src/programme/overview.js";
import { parisDay } from "../../apps/api/src/paris-day.js";
import { listFollowUp } from "../../apps/api/src/progress/follow-up-list.js";
import { loadLaureateProgress } from "../../apps/api/src/progress/progress-queries.js";
import type { Dataset } from "./dataset.js";
import { get, trpcQuery, type Client } from "./http.js";
import type { Work } from "./measure.js";

/**
 * One line of the table: a subject timed against its reference in the same
 * run. Adding a workload is adding one entry to a list below.
 */
export interface Scenario {
  name: string;
  subject: Work;
  reference: Work;
  /** What the reference is, in the table. */
  referenceLabel: string;
  /**
   * Held to the latency target (≤ 1.5 × reference + 1 ms at p50; p95 < 50 ms at the large size):
   * the overview and the figures; the other lines are measured for information.
   */
  latencyTarget: boolean;
  /** Heavy workloads (whole exports) get fewer rounds. */
  heavy?: boolean;
}

type Statement = { query: string; params: unknown[] };

/** The statements a query function sends, as drizzle hands them to the driver. */
async function statementsOf(dataset: Dataset, run: () => Promise<unknown>): Promise<Statement[]> {
  dataset.recording.recorder = [];
  try {
    await run();
    return dataset.recording.recorder;
  } finally {
    dataset.recording.recorder = null;
  }
}

/**
 * The same SQL without the app: every statement sent at once on a plain pg
 * pool (no HTTP, no tRPC, no session, no drizzle), the fastest it can be.
 */
async function sameSql(dataset: Dataset, pool: pg.Pool, run: () => Promise<unknown>): Promise<Work> {
  const statements = await statementsOf(dataset, run);
  return () => Promise.all(statements.map(({ query, params }) => pool.query(query, params)));
}

/** A laureate with money on it at every size: the demonstration's and a synthetic one's ledgers differ in size. */
export const FINANCE_SLUG = "prevention-perte-autonomie";
const FILTERS = { category: "parcours-usagers", q: "reunion" } as const;
/** The follow-up's SQL does not depend on the day; its computed health does, in JavaScript. */
const TODAY = parisDay();

/** The HTTP/tRPC path against the same SQL sent directly to PostgreSQL. */
export async function sqlScenarios(dataset: Dataset, pool: pg.Pool, app: Client): Promise<Scenario[]> {
  const db = dataset.handle.db;
  const sql = (run: () => Promise<unknown>) => sameSql(dataset, pool, run);
  const referenceLabel = "même SQL en direct";
  return [
    {
      name: "Vue d'ensemble du programme (`programme.overview`)",
      subject: () => trpcQuery(app, "programme.overview"),
      reference: await sql(() => getProgrammeOverview(db, parisDay())),
      referenceLabel,
      latencyTarget: true,
    },
    {
      name: "Chiffres mensuels des finances (`finance.monthly`)",
      subject: () => trpcQuery(app, "finance.monthly"),
      reference: await sql(() => monthlyPayments(db, parisDay())),
      referenceLabel,
      latencyTarget: true,
    },
    {
      name: "Tableau de bord de la direction (`dashboard.figures`)",
      subject: () => trpcQuery(app, "dashboard.figures", {}),
      reference: await sql(() => dashboardFiguresAsOf(db, TODAY)),
      referenceLabel,
      latencyTarget: true,
    },
    {
      name: "Tableau de bord à une date passée (`dashboard.figures`, état au 30/06/2024)",
      subject: () => trpcQuery(app, "dashboard.figures", { asOf: "2024-06-30" }),
      reference: await sql(() => dashboardFiguresAsOf(db, "2024-06-30")),
      referenceLabel,
      latencyTarget: true,
    },
    {
      name: "Finances d'un lauréat (`finance.forLaureate`)",
      subject: () => trpcQuery(app, "finance.forLaureate", { slug: FINANCE_SLUG }),
      reference: await sql(() => laureateFinance(db, FINANCE_SLUG)),
      referenceLabel,
      latencyTarget: false,
    },
    {
      name: "Portefeuille filtré (`laureates.list`, catégorie + recherche)",
      subject: () => trpcQuery(app, "laureates.list", FILTERS),
      reference: await sql(() => listLaureates(db, FILTERS, TODAY)),
      referenceLabel,
      latencyTarget: false,
    },
    {
      name: "Santé et météo du portefeuille (`progress.portfolio`)",
      subject: () => trpcQuery(app, "progress.portfolio"),
      reference: await sql(() => listFollowUp(db, TODAY)),
      referenceLabel,
      latencyTarget: false,
    },
    {
      name: "Suivi d'un lauréat (`progress.forLaureate`)",
      subject: () => trpcQuery(app, "progress.forLaureate", { slug: FINANCE_SLUG }),
      reference: await sql(() => loadLaureateProgress(db, FINANCE_SLUG, TODAY)),
      referenceLabel,
      latencyTarget: false,
    },
    {
      name: "Export des lauréats (CSV)",
      subject: () => get(app, "/api/exports/laureats.csv"),
      reference: await sql(() => laureateMoneyRows(db)),
      referenceLabel,
      latencyTarget: false,
    },
    {
      name: "Export des paiements (CSV)",
      subject: () => get(app, "/api/exports/paiements.csv"),
      reference: await sql(() => paymentRows(db)),
      referenceLabel,
      latencyTarget: false,
      heavy: true,
    },
  ];
}

/** The framework's cost: the whole list through tRPC against a bare Express route returning the same payload. */
export function frameworkScenarios(app: Client, bareExpressUrl: string): Scenario[] {
  return [
    {
      name: "Portefeuille complet (`laureates.list`)",
      subject: () => trpcQuery(app, "laureates.list", {}),
      reference: async () => (await fetch(`${bareExpressUrl}/laureates`)).text(),
      referenceLabel: "route Express nue, même requête et même charge utile",
      latencyTarget: false,
    },
  ];
}

/** The embedded mode against the server, through the same app and the same data. */
export function engineScenarios(pglite: Client, postgres: Client): Scenario[] {
  const pair = (name: string, path: string, input?: unknown): Scenario => ({
    name,
    subject: () => trpcQuery(pglite, path, input),
    reference: () => trpcQuery(postgres, path, input),
    referenceLabel: "la même procédure sur PostgreSQL",
    latencyTarget: false,
  });
  return [
    pair("PGlite : `programme.overview`", "programme.overview"),
    pair("PGlite : `finance.monthly`", "finance.monthly"),
    pair("PGlite : `finance.forLaureate`", "finance.forLaureate", { slug: FINANCE_SLUG }),
    pair("PGlite : `laureates.list` filtré", "laureates.list", FILTERS),
  ];
}
