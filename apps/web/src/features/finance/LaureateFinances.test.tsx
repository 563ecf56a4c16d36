import {
  COMMITMENT_DEFINITIONS,
  type AcceptScheduleGapInput,
  type LaureateFinance,
  type MoveTrancheInput,
  type PlanScheduleInput,
  type RecordPaymentInput,
  type ReversePaymentInput,
  type ScheduleGap,
  type UpdateFundingRecordInput,
} from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { mockAuth, mockProcedures, ProcedureError } from "../../test/api-server";
import { laureateDetailFixture, officerUser, overviewFixture } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import {
  dropNextCall,
  financeFixture,
  leadershipUser,
  requestedInstalment,
  scheduleGapOf,
  UUID_PATTERN,
} from "./finance-fixtures";

const URL = "/laureats/registre-reunion?onglet=finances";
const NNBSP = "\u202f";
const NBSP = "\u00a0";
const euros = (text: string) => text.replaceAll(" ", NNBSP).replace(/,(\d\d)$/, `,$1${NBSP}€`);
/** Text queries compare with the page's text once its spaces are collapsed (no-break ones included). */
const collapsed = (text: string) => text.replace(/\s+/g, " ");

/** The laureate's page and its finances, as the server holds them (mutations may change them), and the mutations received. */
function serveLaureateFinances(
  finance: LaureateFinance | (() => LaureateFinance) = financeFixture,
  mutations: Record<string, (input: unknown) => unknown> = {},
  queries: Record<string, (input: unknown) => unknown> = {},
) {
  const calls: { path: string; input: unknown }[] = [];
  const recorded = Object.fromEntries(
    Object.entries(mutations).map(([path, resolve]) => [
      path,
      (input: unknown) => {
        calls.push({ path, input });
        return resolve(input);
      },
    ]),
  );
  mockProcedures({
    "programme.overview": () => overviewFixture,
    "laureates.bySlug": () => laureateDetailFixture,
    "finance.forLaureate": () => (typeof finance === "function" ? finance() : finance),
    "finance.scheduleGap": () => scheduleGapOf(typeof finance === "function" ? finance() : finance),
    ...queries,
    ...recorded,
  });
  return calls;
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));
}

async function openFinances() {
  const table = await screen.findByRole("table", { name: /Tranches de l'échéancier/ });
  return table;
}

describe("LaureateFinances", () => {
  it("shows every role the allocation, the commitment, the schedule (late tranches said so), the payments and the ledger", async () => {
    // Only the clock: a tranche is late by the day in Paris.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T10:00:00Z"));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    mockAuth({ user: leadershipUser });
    serveLaureateFinances();
    renderApp(URL);
    const tranches = await openFinances();
    expect(screen.getByRole("tab", { name: "Finances" }).getAttribute("aria-selected")).toBe("true");

    const allocation = screen.getByRole("region", { name: "Allocation" });
    const figure = (label: string) => within(allocation).getByText(label).nextElementSibling?.textContent;
    expect(figure("Montant alloué")).toMatch(new RegExp(`^${euros("23 456,78")} au `));
    expect(figure("Montant initialement alloué")).toBe(euros("20 000,00"));
    expect(figure("Versé")).toMatch(new RegExp(`^${euros("7 037,03")} au `));
    expect(figure("Restes à payer (engagé moins versé)")).toMatch(new RegExp(`^${euros("16 419,75")} au `));
    // "Engagé" says what it means for this laureate's funding mode.
    expect(figure("Engagé")).toBe(`Oui, EJ n° 2103456789${COMMITMENT_DEFINITIONS.subvention}`);

    const funding = screen.getByRole("region", { name: "Convention et engagement juridique" });
    expect(
      within(funding).getByText("Date de signature de la convention").nextElementSibling?.textContent,
    ).toBe("15 février 2024");
    expect(within(funding).getByText("Numéro RNA").nextElementSibling?.textContent).toBe("Non renseigné");
    expect(within(funding).getByText("Conditions de versement").nextElementSibling?.textContent).toBe(
      "Versements échelonnés",
    );

    expect(rowsOf(tranches)).toEqual([
      ["Tranche", "Montant prévu", "Date prévue", "Statut", "Jalon requis", "Étapes"],
      [
        "1. Avance",
        euros("7 037,03"),
        "01/03/2024",
        "Payé",
        "Aucun",
        "Service fait le 04/03/2024Demande de paiement le 05/03/2024 (DP n° DP-2024-0042)Payée le 20/03/2024",
      ],
      [
        "2. Acompte",
        euros("11 728,39"),
        "01/09/2024",
        "Demande de paiement en retard de 815 jours",
        "Aucun",
        "Service fait le 02/09/2024Demande de paiement le 03/09/2024 (DP n° DP-2024-0107)",
      ],
      [
        "3. Solde",
        euros("4 691,36"),
        "01/03/2025",
        "Prévu en retard de 634 jours",
        "Bilan partagé non atteint",
        "Aucune étape",
      ],
    ]);

    const payments = screen.getByRole("table", { name: /Versements enregistrés/ });
    expect(rowsOf(payments)[1]).toEqual([
      "n° 7",
      "20/03/2024",
      euros("7 037,03"),
      "MANDAT-0042",
      "Paiement d'une tranche",
      "Import d'un relevé",
      "—",
    ]);

    const ledger = screen.getByRole("table", { name: /Historique de l'allocation/ });
    expect(rowsOf(ledger).slice(1)).toEqual([
      [
        "10/06/2024 10:30",
        "Réaffectation",
        `+${euros("3 456,78")}`,
        euros("23 456,78"),
        "Report du reliquat du laboratoire",
        "Camille Durand (démo)",
        "Laboratoire d'innovation",
      ],
      [
        "17/02/2022 10:00",
        "Attribution",
        `+${euros("20 000,00")}`,
        euros("20 000,00"),
        "Décision du jury",
        "Non renseigné",
        "—",
      ],
    ]);
    expect(within(ledger).getByRole("link", { name: "Laboratoire d'innovation" }).getAttribute("href")).toBe(
      "/laureats/lab-interieur?onglet=finances",
    );

    // Read-only: the same figures, no action at all.
    for (const name of [
      /Modifier l'allocation/,
      /Modifier les informations de financement/,
      /^Service fait/,
      /^Demande de paiement/,
      /^Payé/,
      /^Annuler/,
      /Proposer un échéancier/,
      /Contre-passer/,
    ])
      expect(screen.queryByRole("button", { name })).toBeNull();
  });

  it("pays a tranche after a confirmation, and retries a lost call with the same idempotency key", async () => {
    mockAuth({ user: officerUser });
    let finance = financeFixture;
    const calls = serveLaureateFinances(() => finance, {
      "finance.moveTranche": () => {
        const paid = { ...requestedInstalment, status: "paye" as const, paidOn: "2024-10-15", version: 4 };
        finance = {
          ...finance,
          tranches: finance.tranches.map((tranche) => (tranche.id === paid.id ? paid : tranche)),
        };
        return { trancheId: 12, status: "paye" };
      },
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    const instalment = screen.getAllByRole("row")[2] as HTMLElement;
    // From "Demande de paiement", a tranche can only be paid or cancelled.
    expect(
      within(instalment)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Payé : Tranche 2 (acompte)", "Annuler : Tranche 2 (acompte)"]);

    await user.click(within(instalment).getByRole("button", { name: "Payé : Tranche 2 (acompte)" }));
    const heading = screen.getByRole("heading", { name: "Enregistrer le paiement — Tranche 2 (acompte)" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByLabelText<HTMLInputElement>(/Montant payé \(en euros\)/).value).toBe("11728,39");
    const date = screen.getByLabelText<HTMLInputElement>(/Date du paiement/);
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await user.clear(date);
    await user.type(date, "2024-10-15");
    await user.type(screen.getByLabelText(/Référence du paiement/), "MANDAT-0118");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));

    const confirmation = await screen.findByRole("heading", {
      name: "Confirmer le paiement — Tranche 2 (acompte)",
    });
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
    const figures = confirmation.parentElement?.querySelector("dl")?.textContent;
    expect(figures).toContain(`Montant payé${euros("11 728,39")}`);
    expect(figures).toContain("Date du paiement15 octobre 2024");
    expect(figures).toContain("Référence du paiementMANDAT-0118");
    expect(calls).toEqual([]);

    // The network loses the first call: the person is told, and the same button retries.
    const lost = dropNextCall("finance.moveTranche");
    await user.click(screen.getByRole("button", { name: "Confirmer le paiement" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Le paiement n'a pas été enregistré");
    expect(alert.textContent).toContain("Le service ne répond pas.");
    await user.click(screen.getByRole("button", { name: "Confirmer le paiement" }));
    expect(
      await screen.findByText(
        collapsed(`Tranche 2 (acompte) : paiement de ${euros("11 728,39")} enregistré le 15 octobre 2024.`),
      ),
    ).toBeDefined();

    const expected: MoveTrancheInput = {
      trancheId: 12,
      version: 3,
      to: "paye",
      on: "2024-10-15",
      reference: "MANDAT-0118",
      amountCents: 1_172_839,
      idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
    };
    expect(lost).toEqual([expected]);
    expect(calls).toEqual([{ path: "finance.moveTranche", input: expected }]);
    const [first] = lost as MoveTrancheInput[];
    expect((calls[0]?.input as MoveTrancheInput).idempotencyKey).toBe(first?.idempotencyKey);
    // The step is done: the focus goes back to the schedule.
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Échéancier"));
  });

  it("shows a step the server would refuse disabled, its reason given as the button's description", async () => {
    mockAuth({ user: officerUser });
    serveLaureateFinances(financeFixture);
    renderApp(URL);
    await openFinances();
    const blocked = screen.getByRole("button", { name: "Service fait : Tranche 3 (solde)" });
    expect(blocked).toHaveProperty("disabled", true);
    expect(document.getElementById(blocked.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Cette tranche attend le jalon « Bilan partagé » : le service fait ne peut être constaté qu'une fois ce jalon atteint.",
    );
    // Cancelling stays possible.
    expect(screen.getByRole("button", { name: "Annuler : Tranche 3 (solde)" })).toHaveProperty(
      "disabled",
      false,
    );
  });

  it("shows a past day (?etat-au=) as known then, without any action, and asks the API for it", async () => {
    mockAuth({ user: officerUser });
    const inputs: unknown[] = [];
    serveLaureateFinances(
      financeFixture,
      {},
      {
        "finance.forLaureate": (input) => {
          inputs.push(input);
          return financeFixture;
        },
      },
    );
    renderApp(`${URL}&etat-au=2024-06-30`);
    await openFinances();
    expect(inputs).toContainEqual({ slug: "registre-reunion", asOf: "2024-06-30" });
    expect(screen.getByText(/^État au 30\/06\/2024 : les chiffres tels qu'ils étaient connus/)).toBeDefined();
    expect(screen.queryByRole("button", { name: /Service fait|Annuler|Modifier|Enregistrer/ })).toBeNull();
  });

  it("gives the next action its own key, and asks a reason before cancelling a tranche", async () => {
    mockAuth({ user: officerUser });
    // The balance's milestone is reached: its "service fait" may go ahead.
    const reached = {
      ...financeFixture,
      tranches: financeFixture.tranches.map((tranche) =>
        tranche.gatingMilestone
          ? { ...tranche, gatingMilestone: { ...tranche.gatingMilestone, reached: true } }
          : tranche,
      ),
    };
    const calls = serveLaureateFinances(reached, {
      "finance.moveTranche": (input) => ({ trancheId: (input as MoveTrancheInput).trancheId, status: "ok" }),
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    await user.click(screen.getByRole("button", { name: "Service fait : Tranche 3 (solde)" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer le service fait" }));
    expect(await screen.findByText(/Tranche 3 \(solde\) : service fait le/)).toBeDefined();
    expect(calls[0]?.input).toMatchObject({ trancheId: 13, version: 1, to: "service_fait" });

    await user.click(screen.getByRole("button", { name: "Annuler : Tranche 3 (solde)" }));
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    const reason = screen.getByLabelText(/Motif de l'annulation/);
    expect(
      await screen.findByText("Indiquez le motif de l'annulation (5 caractères au moins)."),
    ).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(reason));
    await user.type(reason, "Projet arrêté par le porteur");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    expect(await screen.findByText(/Une tranche annulée ne peut pas être rétablie/)).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Confirmer l'annulation" }));
    expect(await screen.findByText(/Tranche 3 \(solde\) annulée le/)).toBeDefined();

    const [serviceFait, cancellation] = calls.map((call) => call.input as MoveTrancheInput);
    expect(cancellation).toMatchObject({
      trancheId: 13,
      to: "annule",
      reason: "Projet arrêté par le porteur",
    });
    expect(cancellation?.idempotencyKey).toMatch(UUID_PATTERN);
    expect(cancellation?.idempotencyKey).not.toBe(serviceFait?.idempotencyKey);
  });

  it("shows the server's refusal of a step next to its form", async () => {
    mockAuth({ user: officerUser });
    serveLaureateFinances(financeFixture, {
      "finance.moveTranche": () =>
        new ProcedureError(
          "CONFLICT",
          `Ce versement dépasserait le montant alloué : il reste ${euros("16 419,75")} à payer.`,
          409,
        ),
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    await user.click(screen.getByRole("button", { name: "Payé : Tranche 2 (acompte)" }));
    const amount = screen.getByLabelText(/Montant payé/);
    await user.clear(amount);
    await user.type(amount, "20 000");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    await user.click(await screen.findByRole("button", { name: "Confirmer le paiement" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      `Ce versement dépasserait le montant alloué : il reste ${euros("16 419,75")} à payer.`,
    );
  });

  it("proposes a schedule the officer adjusts before saving it", async () => {
    mockAuth({ user: officerUser });
    const calls = serveLaureateFinances(
      {
        ...financeFixture,
        tranches: [],
        payments: [],
        paymentTotals: { count: 0, totalCents: 0 },
        allocation: { amountCents: 2_345_678, originalAmountCents: 2_000_000, paidCents: 0, isDemo: false },
      },
      { "finance.planSchedule": (input) => ({ planned: (input as PlanScheduleInput).tranches.length }) },
    );
    const user = userEvent.setup();
    renderApp(URL);
    expect(await screen.findByText("Aucune tranche planifiée")).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Proposer un échéancier" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Proposer un échéancier"));
    const amounts = () =>
      screen.getAllByLabelText<HTMLInputElement>("Montant prévu (en euros)").map((input) => input.value);
    const kinds = () => screen.getAllByLabelText<HTMLSelectElement>("Type").map((select) => select.value);
    // 30 % avance, 50 % acompte, 20 % solde of 23 456,78 €: the solde takes the rounding.
    expect(kinds()).toEqual(["avance", "acompte", "solde"]);
    expect(amounts()).toEqual(["7037,03", "11728,40", "4691,35"]);

    await user.selectOptions(screen.getByLabelText(/Nombre d'acomptes/), "2");
    await user.click(screen.getByRole("button", { name: "Proposer la répartition" }));
    expect(kinds()).toEqual(["avance", "acompte", "acompte", "solde"]);

    const [, firstAcompte] = screen.getAllByLabelText("Montant prévu (en euros)");
    await user.clear(firstAcompte as HTMLElement);
    await user.type(firstAcompte as HTMLElement, "99 999");
    await user.click(screen.getByRole("button", { name: "Enregistrer l'échéancier" }));
    expect(await screen.findByText(/dépasse le montant disponible/)).toBeDefined();
    expect(calls).toEqual([]);

    await user.clear(firstAcompte as HTMLElement);
    await user.type(firstAcompte as HTMLElement, "5 000,5");
    const dates = screen.getAllByLabelText<HTMLInputElement>("Date prévue");
    await user.clear(dates[0] as HTMLElement);
    await user.type(dates[0] as HTMLElement, "2024-04-01");
    await user.click(screen.getByRole("button", { name: "Enregistrer l'échéancier" }));
    expect(await screen.findByText("L'échéancier a été enregistré : 4 tranches prévues.")).toBeDefined();

    const sent = calls[0]?.input as PlanScheduleInput;
    expect(sent.laureateSlug).toBe("registre-reunion");
    expect(sent.idempotencyKey).toMatch(UUID_PATTERN);
    expect(sent.tranches.map((tranche) => [tranche.kind, tranche.plannedAmountCents])).toEqual([
      ["avance", 703_703],
      ["acompte", 500_050],
      ["acompte", 586_420],
      ["solde", 469_135],
    ]);
    expect(sent.tranches[0]?.plannedOn).toBe("2024-04-01");
  });

  it("saves the funding record on the version read, and starts again from the current values after a conflict", async () => {
    mockAuth({ user: officerUser });
    const current = {
      laureateId: 27,
      version: 4,
      fundingMode: "subvention",
      conventionDate: "2024-02-20",
      ejNumber: "2109999999",
      siret: "13002526500013",
      rna: null,
      paymentConditions: "unique",
    };
    let refused = false;
    const calls = serveLaureateFinances(financeFixture, {
      "finance.updateFunding": () => {
        if (refused) return { version: 5 };
        refused = true;
        return new ProcedureError(
          "CONFLICT",
          "Ces informations ont été modifiées entre-temps. Les valeurs actuelles sont affichées : vérifiez-les puis recommencez.",
          409,
          current,
        );
      },
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    await user.click(screen.getByRole("button", { name: "Modifier les informations de financement" }));
    const ej = screen.getByLabelText<HTMLInputElement>(/Numéro d'engagement juridique/);
    expect(ej.value).toBe("2103456789");
    await user.clear(ej);
    await user.type(ej, "12345");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(
      await screen.findByText("Le numéro d'engagement juridique (EJ) Chorus compte 10 chiffres."),
    ).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(ej));
    expect(calls).toEqual([]);

    await user.clear(ej);
    await user.type(ej, "2103456790");
    await user.type(screen.getByLabelText(/Numéro RNA/), "w751234567");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Ces informations ont été modifiées entre-temps");
    expect(
      within(alert).getByText("Numéro d'engagement juridique (EJ)").nextElementSibling?.textContent,
    ).toBe("2109999999");
    await user.click(within(alert).getByRole("button", { name: "Reprendre les valeurs actuelles" }));
    expect(ej.value).toBe("2109999999");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Les informations de financement ont été enregistrées.")).toBeDefined();

    const [first, second] = calls.map((call) => call.input as UpdateFundingRecordInput);
    expect(first).toMatchObject({ version: 2, ejNumber: "2103456790", rna: "W751234567" });
    expect(second).toMatchObject({
      version: 4,
      conventionDate: "2024-02-20",
      ejNumber: "2109999999",
      paymentConditions: "unique",
      rna: null,
    });
  });

  it("reverses a payment after a confirmation, with its reason", async () => {
    mockAuth({ user: officerUser });
    const calls = serveLaureateFinances(financeFixture, {
      "finance.reversePayment": () => ({ reversalId: 8 }),
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    await user.click(screen.getByRole("button", { name: "Contre-passer le versement n° 7" }));
    await user.type(screen.getByLabelText(/Motif de la contre-passation/), "Doublon de l'import Chorus");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    expect(
      await screen.findByRole("heading", { name: "Confirmer la contre-passation du versement n° 7" }),
    ).toBeDefined();
    expect(calls).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Confirmer la contre-passation" }));
    expect(
      await screen.findByText(collapsed(`Le versement n° 7 (${euros("7 037,03")}) a été contre-passé.`)),
    ).toBeDefined();
    expect(calls).toEqual([
      {
        path: "finance.reversePayment",
        input: {
          paymentId: 7,
          reason: "Doublon de l'import Chorus",
          idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
        } satisfies ReversePaymentInput,
      },
    ]);
  });

  it("records a payment outside the schedule, with its reason, after a confirmation, and lists it as such", async () => {
    mockAuth({ user: officerUser });
    let finance = financeFixture;
    const calls = serveLaureateFinances(() => finance, {
      "finance.recordPayment": (input) => {
        const { amountCents, paidOn, reference, reason } = input as RecordPaymentInput;
        finance = {
          ...finance,
          payments: [
            ...finance.payments,
            {
              id: 9,
              trancheId: null,
              amountCents,
              paidOn,
              reference: reference ?? null,
              reversesPaymentId: null,
              reversedBy: null,
              reason,
              source: "saisie",
            },
          ],
          paymentTotals: {
            count: finance.paymentTotals.count + 1,
            totalCents: finance.paymentTotals.totalCents + amountCents,
          },
        };
        return { paymentId: 9 };
      },
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    await user.click(screen.getByRole("button", { name: "Versement hors échéancier" }));
    await user.type(screen.getByLabelText(/Montant versé/), "1 500,00");
    await user.type(screen.getByLabelText(/Date du versement/), "2024-05-02");
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    // The reason is required: the form says so next to the field, and sends nothing.
    expect(
      await screen.findByText("Indiquez pourquoi ce versement est hors échéancier (5 caractères au moins)."),
    ).toBeDefined();
    expect(calls).toEqual([]);
    await user.type(
      screen.getByLabelText(/Pourquoi ce versement est hors échéancier/),
      "Frais du jury régional",
    );
    await user.click(screen.getByRole("button", { name: "Vérifier avant d'enregistrer" }));
    await user.click(await screen.findByRole("button", { name: "Confirmer le versement" }));
    expect(
      await screen.findByText(
        collapsed(`Versement hors échéancier de ${euros("1 500,00")} enregistré le 2 mai 2024.`),
      ),
    ).toBeDefined();
    expect(calls).toEqual([
      {
        path: "finance.recordPayment",
        input: {
          laureateSlug: "registre-reunion",
          amountCents: 150_000,
          paidOn: "2024-05-02",
          reason: "Frais du jury régional",
          idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
        } satisfies RecordPaymentInput,
      },
    ]);
    const payments = await screen.findByRole("table", { name: /Versements enregistrés/ });
    await waitFor(() => expect(rowsOf(payments)).toHaveLength(3));
    expect(rowsOf(payments)[2]?.[4]).toBe("Hors échéancier : Frais du jury régional");
  });

  it("lists the latest payments with the count and sum of all, and pages through every one on demand", async () => {
    mockAuth({ user: leadershipUser });
    const [sample] = financeFixture.payments;
    if (!sample) throw new Error("La fixture a un versement.");
    const paymentOf = (id: number) => ({ ...sample, id, reference: `MANDAT-${String(id)}` });
    const pagesAsked: unknown[] = [];
    serveLaureateFinances(
      {
        ...financeFixture,
        payments: [paymentOf(120), paymentOf(119)],
        paymentTotals: { count: 120, totalCents: 84_444_360 },
      },
      {},
      {
        "finance.payments": (input) => {
          pagesAsked.push(input);
          const { page } = input as { page: number };
          const first = 120 - (page - 1) * 50;
          return {
            payments: Array.from({ length: Math.min(50, first) }, (_, index) => paymentOf(first - index)),
            totals: { count: 120, totalCents: 84_444_360 },
            page,
            pageSize: 50,
          };
        },
      },
    );
    const user = userEvent.setup();
    renderApp(URL);
    const latest = await screen.findByRole("table", {
      name: /^Versements enregistrés, au .* : les plus récents$/,
    });
    expect(
      rowsOf(latest)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(["n° 120", "n° 119"]);
    expect(
      screen.getByText(
        collapsed(`Les 2 derniers versements sur 120 versements en tout, pour ${euros("844 443,60")}.`),
      ),
    ).toBeDefined();
    await user.click(screen.getByRole("link", { name: "Voir tous les versements (120)" }));
    const page1 = await screen.findByRole("table", { name: /^Versements enregistrés, au .* : page 1$/ });
    expect(rowsOf(page1)).toHaveLength(51);
    await user.click(screen.getByRole("link", { name: "3" }));
    const page3 = await screen.findByRole("table", { name: /^Versements enregistrés, au .* : page 3$/ });
    expect(
      rowsOf(page3)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(Array.from({ length: 20 }, (_, index) => `n° ${String(20 - index)}`));
    expect(pagesAsked).toEqual([
      { slug: "registre-reunion", page: 1 },
      { slug: "registre-reunion", page: 3 },
    ]);
    await user.click(screen.getByRole("link", { name: "Revenir aux derniers versements" }));
    expect(
      await screen.findByRole("table", { name: /^Versements enregistrés, au .* : les plus récents$/ }),
    ).toBeDefined();
  });

  it("never shows a silent 0 for money paid without a commitment, and lets the officer set the mode", async () => {
    mockAuth({ user: officerUser });
    const calls = serveLaureateFinances(
      {
        ...financeFixture,
        funding: { ...financeFixture.funding, fundingMode: "non-precise" },
        committed: false,
        commitmentDefinition: COMMITMENT_DEFINITIONS["non-precise"],
        remainingToPay: { committed: false, remainingCents: null, paidWithoutCommitmentCents: 703_703 },
      },
      { "finance.updateFunding": () => ({ version: 3 }) },
    );
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    const allocation = screen.getByRole("region", { name: "Allocation" });
    const figure = (label: string) => within(allocation).getByText(label).nextElementSibling?.textContent;
    expect(figure("Restes à payer (engagé moins versé)")).toBe(
      `Non calculés : ${euros("7 037,03")} payés sans engagement`,
    );
    expect(figure("Engagé")).toBe(`Non${COMMITMENT_DEFINITIONS["non-precise"]}`);
    await user.click(screen.getByRole("button", { name: "Modifier les informations de financement" }));
    await user.selectOptions(screen.getByLabelText("Mode de financement"), "transfert");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Les informations de financement ont été enregistrées.")).toBeDefined();
    expect(calls.map((call) => (call.input as UpdateFundingRecordInput).fundingMode)).toEqual(["transfert"]);
  });

  it("says when the finances could not be read", async () => {
    mockAuth({ user: officerUser });
    mockProcedures({
      "programme.overview": () => overviewFixture,
      "laureates.bySlug": () => laureateDetailFixture,
      "finance.forLaureate": () =>
        new ProcedureError("INTERNAL_SERVER_ERROR", "Une erreur interne est survenue.", 500),
    });
    renderApp(URL);
    expect(await screen.findByText("Les données n'ont pas pu être chargées")).toBeDefined();
    expect(screen.getByRole("button", { name: "Réessayer" })).toBeDefined();
  });
  it("shows the gap between the schedule and the allocation, and keeps it with a reason", async () => {
    mockAuth({ user: officerUser });
    const raised: LaureateFinance = {
      ...financeFixture,
      allocation: {
        amountCents: 2_545_678,
        originalAmountCents: 2_000_000,
        paidCents: 703_703,
        isDemo: false,
      },
    };
    let accepted: ScheduleGap["accepted"] = null;
    const calls = serveLaureateFinances(
      raised,
      {
        "finance.acceptScheduleGap": (input) => {
          accepted = {
            gapCents: 200_000,
            reason: (input as AcceptScheduleGapInput).reason,
            acceptedAt: new Date("2026-11-25T10:00:00Z"),
            actorName: "Camille Durand",
          };
          return { laureateSlug: "registre-reunion", gapCents: 200_000 };
        },
      },
      { "finance.scheduleGap": () => ({ ...scheduleGapOf(raised), accepted }) },
    );
    const user = userEvent.setup();
    renderApp(URL);
    const section = await screen.findByRole("region", { name: "Écart échéancier / montant alloué" });
    const figure = (label: string) => within(section).getByText(label).nextElementSibling?.textContent;
    expect(figure("Montant alloué")).toBe(euros("25 456,78"));
    expect(figure("Prévu à l'échéancier (tranches annulées exceptées)")).toBe(euros("23 456,78"));
    expect(figure("Écart (alloué moins prévu)")).toMatch(new RegExp(`^\\+${euros("2 000,00")} au `));
    expect(
      within(section).getByText(
        collapsed(`${euros("2 000,00")} du montant alloué ne figurent dans aucune tranche.`),
      ),
    ).toBeDefined();

    await user.click(
      within(section).getByRole("button", { name: "Garder l'écart de « Registre des transports »" }),
    );
    await user.click(within(section).getByRole("button", { name: "Garder l'écart avec ce motif" }));
    expect(await within(section).findByText("Indiquez le motif (5 caractères au moins).")).toBeDefined();
    expect(calls).toEqual([]);
    await user.type(within(section).getByLabelText(/Motif de l'écart gardé/), "Solde ajusté au bilan final");
    await user.click(within(section).getByRole("button", { name: "Garder l'écart avec ce motif" }));
    expect(
      await within(section).findByText(
        /Écart gardé le .* par Camille Durand, motif : « Solde ajusté au bilan final »/,
      ),
    ).toBeDefined();
    expect(calls).toEqual([
      {
        path: "finance.acceptScheduleGap",
        input: {
          laureateSlug: "registre-reunion",
          gapCents: 200_000,
          reason: "Solde ajusté au bilan final",
          idempotencyKey: expect.stringMatching(UUID_PATTERN) as string,
        },
      },
    ]);
  });
  it("keeps the milestone a planned tranche waits for when the planned tranches are edited", async () => {
    mockAuth({ user: officerUser });
    const calls = serveLaureateFinances(financeFixture, {
      "finance.planSchedule": (input) => ({ planned: (input as PlanScheduleInput).tranches.length }),
    });
    const user = userEvent.setup();
    renderApp(URL);
    await openFinances();
    await user.click(screen.getByRole("button", { name: "Modifier les tranches prévues" }));
    await user.click(await screen.findByRole("button", { name: "Enregistrer l'échéancier" }));
    expect(await screen.findByText("L'échéancier a été enregistré : 1 tranche prévue.")).toBeDefined();
    expect(calls.map((call) => (call.input as PlanScheduleInput).tranches)).toEqual([
      [{ kind: "solde", plannedAmountCents: 469_136, plannedOn: "2025-03-01", gatingMilestoneId: 31 }],
    ]);
  });
});
