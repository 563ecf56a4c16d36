import type { PlanScheduleInput, ReallocateInput, SetAllocationInput } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import superjson from "superjson";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  apiServer,
  mockAuth,
  mockProcedures,
  ProcedureError,
  TEST_API_BASE_URL,
} from "../../test/api-server";
import { laureateItems, officerUser, sponsorUser } from "../../test/fixtures";
import { renderApp, renderPage } from "../../test/render";
import {
  financeFixture,
  financeOverview,
  lateTranchesFixture,
  leadershipUser,
  monthlyFixture,
  UUID_PATTERN,
} from "../../features/finance/finance-fixtures";
import FinancesPage from "./FinancesPage";
import { followUpRows } from "../../features/progress/progress-fixtures";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
/** "1 234,56 €" as Intl writes it: narrow no-break spaces between groups, a no-break space before €. */
const euros = (text: string) => text.replaceAll(" ", NNBSP).replace(/,(\d\d)$/, `,$1${NBSP}€`);
/** Text queries compare with the page's text once its spaces are collapsed (no-break ones included). */
const collapsed = (text: string) => text.replace(/\s+/g, " ");

function serveFinances(resolvers: Record<string, (input: unknown) => unknown> = {}) {
  mockProcedures({
    "programme.overview": () => financeOverview,
    "progress.portfolio": () => followUpRows,
    "laureates.list": () => laureateItems,
    "finance.monthly": () => monthlyFixture,
    "finance.lateTranches": () => lateTranchesFixture,
    "finance.scheduleGap": () => ({ allocatedCents: 0, plannedCents: 0, gapCents: 0, accepted: null }),
    "finance.forLaureate": () => financeFixture,
    ...resolvers,
  });
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));
}

describe("FinancesPage", () => {
  beforeEach(() => {
    // Only the clock: the figures are dated the day they were read, in Paris.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T10:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the envelope's figures, French-formatted and dated", async () => {
    mockAuth({ user: sponsorUser });
    serveFinances();
    renderPage(<FinancesPage />);
    expect(await screen.findByRole("heading", { level: 1, name: "Finances" })).toBeDefined();
    expect(document.title).toBe("Finances — Défis");

    const tiles = await screen.findByRole("list", { name: "Chiffres clés de l'enveloppe" });
    const tile = (label: string) => {
      const item = within(tiles)
        .getAllByRole("listitem")
        .find((candidate) => candidate.querySelector("p")?.textContent === label);
      if (!item) throw new Error(`Tuile absente : ${label}`);
      return item.querySelector(".defis-kpi-value")?.textContent;
    };
    expect(tile("Enveloppe")).toBe(euros("3 000 000,00"));
    expect(tile("Alloué")).toBe(euros("123 456,78"));
    expect(tile("Réserve non allouée")).toBe(euros("2 876 543,22"));
    expect(tile("Engagé")).toBe(euros("100 000,00"));
    expect(tile("Non engagé")).toBe(euros("23 456,78"));
    expect(tile("Versé")).toBe(euros("30 000,00"));
    expect(tile("Restes à payer")).toBe(euros("70 000,00"));
    expect(tile("Bloqué par un jalon")).toBe(euros("12 000,00"));
    // 3 000 000 / 12 345 678 cents.
    expect(tile("% versé")).toBe(`24,3${NBSP}%`);
    expect(within(tiles).getAllByText(/au 25 novembre 2026/)).toHaveLength(9);

    const allocations = screen.getByRole("table", {
      name: "Montant alloué par lauréat, au 25 novembre 2026",
    });
    expect(rowsOf(allocations).slice(1)).toEqual([
      [
        "Laboratoire d'innovation : ses finances",
        "Ministère de l'Intérieur",
        "Transfert de crédits",
        euros("100 000,00"),
        "Non",
        euros("0,00"),
        // Not committed: said so, not shown as a reste à payer of 0.
        "Non engagé",
        euros("0,00"),
      ],
      [
        "Registre des transports : ses finances",
        "Ministère de l'Intérieur",
        "Transfert de crédits",
        euros("23 456,78"),
        "Non",
        euros("0,00"),
        "Non engagé",
        euros("0,00"),
      ],
    ]);
    expect(
      within(allocations)
        .getByRole("link", { name: "Registre des transports : ses finances" })
        .getAttribute("href"),
    ).toBe("/laureats/registre-reunion?onglet=finances");

    const byCategory = screen.getByRole("table", { name: "Par catégorie, au 25 novembre 2026" });
    expect(rowsOf(byCategory)).toEqual([
      [
        "Catégorie",
        "Lauréats",
        "Alloué",
        "Engagé",
        "Non engagé",
        "Versé",
        "% versé",
        "Restes à payer",
        "Bloqué par un jalon",
      ],
      [
        "Transformation des organisations",
        "1",
        euros("100 000,00"),
        euros("100 000,00"),
        euros("0,00"),
        euros("30 000,00"),
        `30${NBSP}%`,
        euros("70 000,00"),
        euros("0,00"),
      ],
      [
        "Solutions numériques",
        "1",
        euros("23 456,78"),
        euros("0,00"),
        euros("23 456,78"),
        euros("0,00"),
        `0${NBSP}%`,
        euros("0,00"),
        euros("0,00"),
      ],
    ]);
    // Amounts line up on the right.
    expect(within(byCategory).getAllByRole("cell")[1]?.className).toBe("defis-table-amount");
    for (const name of ["Par ministère de rattachement", "Par territoire", "Par mode de financement"])
      expect(screen.getByRole("table", { name: `${name}, au 25 novembre 2026` })).toBeDefined();

    const monthly = await screen.findByRole("table", {
      name: "Versements prévus et réalisés par mois, au 25 novembre 2026",
    });
    expect(rowsOf(monthly).slice(1)).toEqual([
      ["mars 2024", euros("30 000,00"), euros("30 000,00"), euros("30 000,00"), euros("30 000,00")],
      ["septembre 2024", euros("50 000,00"), euros("0,00"), euros("80 000,00"), euros("30 000,00")],
      ["mars 2025", euros("20 000,00"), `-5${NNBSP}000,00${NBSP}€`, euros("100 000,00"), euros("25 000,00")],
    ]);
    expect(screen.queryByRole("button", { name: /Modifier l'allocation/ })).toBeNull();
  });

  it("lists the late tranches, the money they hold, and links each to its laureate's finances", async () => {
    mockAuth({ user: sponsorUser });
    serveFinances();
    renderPage(<FinancesPage />);
    const late = await screen.findByRole("table", { name: /^Tranches en retard au 25 novembre 2026/ });
    expect(late.querySelector("caption")?.textContent).toBe(
      `Tranches en retard au 25 novembre 2026, de la plus ancienne à la plus récente ; total : ${euros("41 728,39")}`,
    );
    expect(rowsOf(late)).toEqual([
      ["Lauréat", "Tranche", "Statut", "Date prévue", "Retard", "Montant prévu"],
      [
        "Registre des transports : ses finances",
        "2. Acompte",
        "Demande de paiement",
        "01/09/2024",
        "En retard de 815 jours",
        euros("11 728,39"),
      ],
      [
        "Laboratoire d'innovation : ses finances",
        "1. Avance",
        "Prévu",
        "24/11/2026",
        "En retard de 1 jour",
        euros("30 000,00"),
      ],
    ]);
    expect(
      within(late).getByRole("link", { name: "Registre des transports : ses finances" }).getAttribute("href"),
    ).toBe("/laureats/registre-reunion?onglet=finances");
    expect(screen.getByText(/2 tranches en retard/).parentElement?.textContent).toContain(euros("41 728,39"));
  });

  it("says when nothing is planned or paid yet, and when a figure could not be read", async () => {
    mockAuth({ user: sponsorUser });
    serveFinances({
      "finance.monthly": () => [],
      "programme.overview": () =>
        new ProcedureError("INTERNAL_SERVER_ERROR", "Une erreur interne est survenue.", 500),
    });
    renderPage(<FinancesPage />);
    expect(await screen.findByText("Aucun versement prévu ni réalisé")).toBeDefined();
    expect((await screen.findAllByText("Les données n'ont pas pu être chargées")).length).toBeGreaterThan(0);
    expect(await screen.findByRole("table", { name: /Montant alloué par lauréat/ })).toBeDefined();
  });

  it("shows leadership the same figures without any action", async () => {
    mockAuth({ user: leadershipUser });
    serveFinances();
    // The whole app: the page and its navigation once the session is known.
    renderApp("/finances");
    await screen.findByRole("table", { name: /Montant alloué par lauréat/ });
    expect(await screen.findByRole("list", { name: "Chiffres clés de l'enveloppe" })).toBeDefined();
    expect(screen.getAllByRole("link", { name: "Finances" })[0]?.getAttribute("aria-current")).toBe("page");
    expect(screen.queryByRole("button", { name: /Modifier l'allocation/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Réaffecter un montant" })).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "Actions" })).toBeNull();
  });

  it("shows a past day (?etat-au=) as known then, read-only, and keeps the day in its links", async () => {
    mockAuth({ user: officerUser });
    const inputs: Record<string, unknown> = {};
    const recorded =
      (name: string, answer: unknown) =>
      (input: unknown): unknown => {
        inputs[name] = input;
        return answer;
      };
    serveFinances({
      "programme.overview": recorded("programme.overview", financeOverview),
      "finance.monthly": recorded("finance.monthly", monthlyFixture),
      "finance.lateTranches": recorded("finance.lateTranches", lateTranchesFixture),
    });
    renderApp("/finances?etat-au=2024-06-30");
    expect(
      await screen.findByRole("table", { name: /^Montant alloué par lauréat, au 30 juin 2024/ }),
    ).toBeDefined();
    expect(screen.getByText(/^État au 30\/06\/2024 : les chiffres tels qu'ils étaient connus/)).toBeDefined();
    for (const procedure of ["programme.overview", "finance.monthly", "finance.lateTranches"]) {
      await waitFor(() => expect(inputs[procedure]).toEqual({ asOf: "2024-06-30" }));
    }
    // Nothing can be changed from a past day, even by an officer.
    expect(screen.queryByRole("button", { name: /Modifier l'allocation/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Réaffecter un montant" })).toBeNull();
    expect(screen.queryByRole("link", { name: /Importer un relevé/ })).toBeNull();
    const late = await screen.findByRole("table", { name: /^Tranches en retard/ });
    expect(
      within(late).getByRole("link", { name: "Registre des transports : ses finances" }).getAttribute("href"),
    ).toBe("/laureats/registre-reunion?onglet=finances&etat-au=2024-06-30");
    expect(screen.getByRole("link", { name: "Revenir à aujourd'hui" }).getAttribute("href")).toBe(
      "/finances",
    );
  });

  it("changes an allocation after a confirmation, shows the server's refusal, then succeeds", async () => {
    mockAuth({ user: officerUser });
    const sent: SetAllocationInput[] = [];
    let refuse = true;
    serveFinances({
      "finance.setAllocation": (input) => {
        sent.push(input as SetAllocationInput);
        if (refuse) {
          refuse = false;
          return new ProcedureError(
            "CONFLICT",
            `L'enveloppe ne suffit pas : la réserve non allouée est de ${euros("10 000,00")}.`,
            409,
          );
        }
        return { laureateSlug: "lab-interieur", amountBeforeCents: 10_000_000, amountAfterCents: 15_000_050 };
      },
    });
    const user = userEvent.setup();
    renderPage(<FinancesPage />);
    await user.click(
      await screen.findByRole("button", { name: "Modifier l'allocation de « Laboratoire d'innovation »" }),
    );
    const heading = screen.getByRole("heading", {
      name: "Modifier l'allocation de « Laboratoire d'innovation »",
    });
    expect(document.activeElement).toBe(heading);

    const amount = screen.getByLabelText<HTMLInputElement>(/Nouveau montant alloué \(en euros\)/);
    expect(amount.value).toBe("100000");
    // A thousands comma is refused rather than guessed.
    await user.clear(amount);
    await user.type(amount, "150,000.50");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    expect(await screen.findByText(/Saisissez un montant en euros, par exemple 12 345,67/)).toBeDefined();
    expect(screen.getByText("Indiquez le motif (5 caractères au moins).")).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(amount));

    await user.clear(amount);
    await user.type(amount, "150 000,50");
    await user.type(screen.getByLabelText(/Motif de la modification/), "Révision du budget du projet");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));

    const confirmation = await screen.findByRole("heading", {
      name: "Confirmer la nouvelle allocation de « Laboratoire d'innovation »",
    });
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
    const figures = confirmation.parentElement?.querySelector("dl")?.textContent;
    expect(figures).toContain(`Montant alloué actuel${euros("100 000,00")}`);
    expect(figures).toContain(`Nouveau montant alloué${euros("150 000,50")}`);
    expect(figures).toContain(`Variation+${euros("50 000,50")}`);
    expect(figures).toContain(
      `Réserve non allouée après l'opération${euros("2 826 542,72")} (au lieu de ${euros("2 876 543,22")})`,
    );
    expect(sent).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Confirmer la nouvelle allocation" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("L'allocation n'a pas été modifiée");
    expect(alert.textContent).toContain(
      `L'enveloppe ne suffit pas : la réserve non allouée est de 10${NNBSP}000,00${NBSP}€.`,
    );
    expect(sent).toEqual([
      {
        laureateSlug: "lab-interieur",
        amountCents: 15_000_050,
        reason: "Révision du budget du projet",
        idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
      },
    ]);

    await user.click(screen.getByRole("button", { name: "Confirmer la nouvelle allocation" }));
    expect(
      await screen.findByText(
        collapsed(`L'allocation de « Laboratoire d'innovation » est désormais de ${euros("150 000,50")}.`),
      ),
    ).toBeDefined();
    expect(screen.queryByRole("heading", { name: /Confirmer la nouvelle allocation/ })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe("allocation-lab-interieur-modifier"));
  });

  it("reallocates between two laureates, showing the amounts before and after and the unchanged reserve", async () => {
    mockAuth({ user: officerUser });
    const sent: ReallocateInput[] = [];
    serveFinances({
      "finance.reallocate": (input) => {
        sent.push(input as ReallocateInput);
        return {
          from: { amountBeforeCents: 10_000_000, amountAfterCents: 9_000_000 },
          to: { amountBeforeCents: 2_345_678, amountAfterCents: 3_345_678 },
        };
      },
    });
    const user = userEvent.setup();
    renderPage(<FinancesPage />);
    await user.click(await screen.findByRole("button", { name: "Réaffecter un montant" }));
    await user.selectOptions(screen.getByLabelText("Lauréat d'origine"), "lab-interieur");
    await user.selectOptions(screen.getByLabelText("Lauréat de destination"), "registre-reunion");
    await user.type(screen.getByLabelText(/Montant à réaffecter/), "10000");
    await user.type(screen.getByLabelText(/Motif de la réaffectation/), "Reliquat non consommé");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));

    const table = await screen.findByRole("table", { name: "Allocations avant et après la réaffectation" });
    expect(rowsOf(table).slice(1)).toEqual([
      ["Laboratoire d'innovation", "Origine", euros("100 000,00"), euros("90 000,00")],
      ["Registre des transports", "Destination", euros("23 456,78"), euros("33 456,78")],
    ]);
    expect(screen.getByText(/Réserve non allouée après l'opération/).textContent).toContain(
      `${euros("2 876 543,22")} (inchangée)`,
    );
    await user.click(screen.getByRole("button", { name: "Confirmer la réaffectation" }));
    expect(
      await screen.findByText(
        collapsed(
          `${euros("10 000,00")} ont été réaffectés de « Laboratoire d'innovation » à « Registre des transports ».`,
        ),
      ),
    ).toBeDefined();
    expect(sent).toEqual([
      {
        fromLaureateSlug: "lab-interieur",
        toLaureateSlug: "registre-reunion",
        amountCents: 1_000_000,
        reason: "Reliquat non consommé",
        idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
      },
    ]);
  });

  it("offers the rebalanced schedule once an allocation rises, and applies it through planSchedule", async () => {
    mockAuth({ user: officerUser });
    const raised = {
      ...financeFixture,
      allocation: {
        amountCents: 2_545_678,
        originalAmountCents: 2_000_000,
        paidCents: 703_703,
        isDemo: false,
      },
    };
    let gap = { allocatedCents: 2_345_678, plannedCents: 2_345_678, gapCents: 0, accepted: null };
    const planned: PlanScheduleInput[] = [];
    serveFinances({
      "finance.scheduleGap": () => gap,
      "finance.forLaureate": () => raised,
      "finance.setAllocation": () => {
        gap = { ...gap, allocatedCents: 2_545_678, gapCents: 200_000 };
        return {
          laureateSlug: "registre-reunion",
          amountBeforeCents: 2_345_678,
          amountAfterCents: 2_545_678,
        };
      },
      "finance.planSchedule": (input) => {
        planned.push(input as PlanScheduleInput);
        gap = { ...gap, plannedCents: 2_545_678, gapCents: 0 };
        return { planned: 1 };
      },
    });
    const user = userEvent.setup();
    renderPage(<FinancesPage />);
    await user.click(
      await screen.findByRole("button", { name: "Modifier l'allocation de « Registre des transports »" }),
    );
    const amount = screen.getByLabelText<HTMLInputElement>(/Nouveau montant alloué \(en euros\)/);
    await user.clear(amount);
    await user.type(amount, "25456,78");
    await user.type(screen.getByLabelText(/Motif de la modification/), "Hausse votée en comité");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    const confirmation = await screen.findByRole("heading", { name: /Confirmer la nouvelle allocation/ });
    // Before anything is written, the gap the new amount leaves with the schedule.
    expect(confirmation.parentElement?.querySelector("dl")?.textContent).toContain(
      `Écart échéancier / montant alloué après l'opération+${euros("2 000,00")} (échéancier prévu : ${euros("23 456,78")})`,
    );
    await user.click(screen.getByRole("button", { name: "Confirmer la nouvelle allocation" }));

    const proposal = await screen.findByRole("table", {
      name: "Échéancier rééquilibré proposé pour « Registre des transports »",
    });
    expect(screen.getByText(/écart échéancier \/ montant alloué/).textContent).toContain(
      `+${euros("2 000,00")}`,
    );
    // Only the planned solde changes; the paid advance and the requested instalment stay.
    expect(rowsOf(proposal).slice(1)).toEqual([["3. Solde", euros("4 691,36"), euros("6 691,36")]]);
    await user.click(
      screen.getByRole("button", {
        name: "Appliquer l'échéancier rééquilibré de « Registre des transports »",
      }),
    );
    expect(
      await screen.findByText(
        "L'échéancier de « Registre des transports » suit désormais le montant alloué.",
      ),
    ).toBeDefined();
    expect(planned).toEqual([
      {
        laureateSlug: "registre-reunion",
        tranches: [
          { kind: "solde", plannedAmountCents: 669_136, plannedOn: "2025-03-01", gatingMilestoneId: 31 },
        ],
        idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
      },
    ]);
    expect(screen.queryByRole("table", { name: /Échéancier rééquilibré proposé/ })).toBeNull();
  });

  it("puts the server's field messages (BAD_REQUEST) back beside the fields", async () => {
    mockAuth({ user: officerUser });
    serveFinances();
    // The test server's ProcedureError carries no field messages: this answer is written out.
    apiServer.use(
      http.post(`${TEST_API_BASE_URL}/trpc/finance.setAllocation`, () =>
        HttpResponse.json(
          [
            {
              error: superjson.serialize({
                message: "Données invalides : Le motif est limité à 500 caractères.",
                code: -32600,
                data: {
                  code: "BAD_REQUEST",
                  httpStatus: 400,
                  path: "finance.setAllocation",
                  requestId: "req-test",
                  supportReference: null,
                  fieldErrors: { reason: ["Le motif est limité à 500 caractères."] },
                  current: null,
                },
              }),
            },
          ],
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderPage(<FinancesPage />);
    await user.click(
      await screen.findByRole("button", { name: "Modifier l'allocation de « Registre des transports »" }),
    );
    await user.clear(screen.getByLabelText(/Nouveau montant alloué/));
    await user.type(screen.getByLabelText(/Nouveau montant alloué/), "30000");
    await user.type(screen.getByLabelText(/Motif de la modification/), "Un motif accepté ici");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    await user.click(await screen.findByRole("button", { name: "Confirmer la nouvelle allocation" }));

    const reason = await screen.findByLabelText(/Motif de la modification/);
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(screen.getByText("Le motif est limité à 500 caractères.")).toBeDefined();
    expect(screen.getByRole("alert").textContent).toContain("L'allocation n'a pas été modifiée");
  });
});
