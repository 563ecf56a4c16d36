import type { UserListItem } from "@defis/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { apiServer, mockProcedures, ProcedureError, TEST_API_BASE_URL } from "../../test/api-server";
import { followUpSettings, laureateItems, programmeCalendar } from "../../test/fixtures";
import { renderPage } from "../../test/render";
import UsersPage from "./UsersPage";
import { followUpRows } from "../../features/progress/progress-fixtures";

const admin: UserListItem = {
  id: 1,
  email: "alice.martin@modernisation.gouv.fr",
  displayName: "Alice Martin",
  role: "administrateur",
  scope: [],
  active: true,
  hasPassword: true,
  lastLoginAt: new Date("2024-03-05T23:30:00Z"),
  createdAt: new Date("2024-01-02T08:00:00Z"),
};

const sponsor: UserListItem = {
  id: 2,
  email: "bruno.sponsor@interieur.gouv.fr",
  displayName: "Bruno Sponsor",
  role: "sponsor",
  scope: [
    { kind: "laureat", value: "registre-reunion" },
    { kind: "ministere", value: "interieur" },
    { kind: "porteur", value: "DEAL de La Réunion" },
  ],
  active: false,
  hasPassword: false,
  lastLoginAt: null,
  createdAt: new Date("2024-01-03T08:00:00Z"),
};

/** A mutation failure as the server's error formatter shapes it. */
class MutationFailure {
  constructor(
    readonly code: "CONFLICT" | "BAD_REQUEST",
    readonly message: string,
    readonly fieldErrors: Record<string, string[]> | null = null,
  ) {}
}

const FAILURES = {
  CONFLICT: { jsonRpcCode: -32009, httpStatus: 409 },
  BAD_REQUEST: { jsonRpcCode: -32600, httpStatus: 400 },
} as const;

type Call = { path: string; input: unknown };

/**
 * tRPC mutations: POST /trpc/<paths>?batch=1 with {"0": <superjson envelope>},
 * answered with one entry per call.
 */
function mockMutations(resolvers: Record<string, (input: unknown) => unknown>): Call[] {
  const calls: Call[] = [];
  apiServer.use(
    http.post(`${TEST_API_BASE_URL}/trpc/:paths`, async ({ request, params }) => {
      const paths = String(params.paths).split(",");
      const body = (await request.json()) as Record<string, Parameters<typeof superjson.deserialize>[0]>;
      let status = 200;
      const results = paths.map((path, index) => {
        const resolver = resolvers[path];
        if (!resolver) throw new Error(`Mutation non simulée dans le test : ${path}`);
        const envelope = body[String(index)];
        const input = envelope ? superjson.deserialize(envelope) : undefined;
        calls.push({ path, input });
        const output = resolver(input);
        if (output instanceof MutationFailure) {
          const { jsonRpcCode, httpStatus } = FAILURES[output.code];
          status = paths.length > 1 ? 207 : httpStatus;
          return {
            error: superjson.serialize({
              message: output.message,
              code: jsonRpcCode,
              data: {
                code: output.code,
                httpStatus,
                path,
                requestId: "req-test",
                supportReference: null,
                fieldErrors: output.fieldErrors,
                current: null,
              },
            }),
          };
        }
        return { result: { data: superjson.serialize(output) } };
      });
      return HttpResponse.json(results, { status });
    }),
  );
  return calls;
}

/** The accounts as the server holds them; mutations change them, reloads read them. */
function serveAccounts(initial: UserListItem[] = [admin, sponsor]) {
  const accounts = [...initial];
  mockProcedures({
    "users.list": () => accounts,
    "progress.portfolio": () => followUpRows,
    "laureates.list": () => laureateItems,
    "progress.settings": () => followUpSettings,
    "programme.calendar": () => programmeCalendar,
  });
  return accounts;
}

function accountRows() {
  const table = screen.getByRole("table");
  return within(table).getAllByRole("row").slice(1);
}

function rowOf(name: string) {
  const row = accountRows().find((candidate) => within(candidate).queryByText(name));
  if (!row) throw new Error(`Aucune ligne pour ${name}`);
  return row;
}

async function openCreateForm() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: "Créer un compte" }));
  const heading = screen.getByRole("heading", { name: "Créer un compte", level: 2 });
  const form = screen.getByRole("form", { name: "Créer un compte" });
  return { user, heading, form };
}

/** The message a field is described by (DSFR links it with aria-describedby). */
function describedBy(field: HTMLElement): string {
  return (field.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

describe("UsersPage", () => {
  it("lists the accounts with their role, readable scope, status and last sign-in", async () => {
    serveAccounts();
    renderPage(<UsersPage />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Administration des comptes" }),
    ).toBeDefined();
    expect(document.title).toBe("Administration des comptes — Défis");
    await waitFor(() =>
      expect(within(rowOf("Bruno Sponsor")).queryByText(/Registre des transports/)).not.toBeNull(),
    );

    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe(
      "2 comptes, dont 1 désactivé",
    );
    const adminRow = rowOf("Alice Martin");
    expect(adminRow.textContent).toContain("alice.martin@modernisation.gouv.fr");
    expect(adminRow.textContent).toContain("Administrateur");
    expect(adminRow.textContent).toContain("Tous les lauréats");
    expect(adminRow.textContent).toContain("Actif");
    // 23:30 UTC is already the next day in Paris.
    expect(adminRow.textContent).toContain("6 mars 2024");

    const sponsorRow = rowOf("Bruno Sponsor");
    const scopeItems = within(sponsorRow)
      .getAllByRole("listitem")
      .map((item) => item.textContent.replace(/\s+/g, " "))
      .filter((text) => !/Modifier|activer/.test(text));
    expect(scopeItems).toEqual([
      "Lauréat : Registre des transports",
      "Ministère : Ministère de l'Intérieur",
      "Porteur : DEAL de La Réunion",
    ]);
    expect(sponsorRow.textContent).toContain("Sponsor ministériel");
    expect(sponsorRow.textContent).toContain("Désactivé");
    expect(sponsorRow.textContent).toContain("Jamais");
    expect(
      within(sponsorRow).getByRole("button", { name: "Modifier le compte de Bruno Sponsor" }),
    ).toBeDefined();
    expect(
      within(sponsorRow).getByRole("button", { name: "Réactiver le compte de Bruno Sponsor" }),
    ).toBeDefined();
    expect(
      within(adminRow).getByRole("button", { name: "Désactiver le compte d'Alice Martin" }),
    ).toBeDefined();
  });

  it("creates a sponsor with a ministry scope, then reloads the list and returns focus", async () => {
    const accounts = serveAccounts();
    const calls = mockMutations({
      "users.create": (input) => {
        const created: UserListItem = {
          ...(input as Pick<UserListItem, "email" | "displayName" | "role" | "scope">),
          id: 3,
          active: true,
          hasPassword: false,
          lastLoginAt: null,
          createdAt: new Date(),
        };
        accounts.push(created);
        return created;
      },
    });
    renderPage(<UsersPage />);
    const { user, heading, form } = await openCreateForm();
    expect(document.activeElement).toBe(heading);

    const inForm = within(form);
    await user.type(inForm.getByLabelText(/^Adresse électronique/), "  Chloe.Durand@Interieur.gouv.fr ");
    await user.type(inForm.getByLabelText(/^Nom/), "Chloé Durand");
    expect(inForm.queryByRole("group", { name: /Périmètre du sponsor/ })).toBeNull();
    await user.selectOptions(inForm.getByLabelText(/^Rôle/), "sponsor");
    const scope = inForm.getByRole("group", { name: /Périmètre du sponsor/ });
    await user.click(within(scope).getByRole("button", { name: "Ajouter un élément au périmètre" }));
    const line = within(scope).getByRole("group", { name: "Élément 1" });
    expect(document.activeElement).toBe(within(line).getByLabelText("Type"));
    await user.selectOptions(within(line).getByLabelText("Ministère"), "Ministère de l'Intérieur");
    await user.click(inForm.getByRole("button", { name: "Créer le compte" }));

    const status = await screen.findByText("Le compte de Chloé Durand a été créé.");
    expect(status.closest("[role=status]")).not.toBeNull();
    expect(calls).toEqual([
      {
        path: "users.create",
        input: {
          email: "chloe.durand@interieur.gouv.fr",
          displayName: "Chloé Durand",
          role: "sponsor",
          scope: [{ kind: "ministere", value: "interieur" }],
        },
      },
    ]);
    expect(rowOf("Chloé Durand").textContent).toContain("Ministère\u00a0: Ministère de l'Intérieur");
    expect(screen.queryByRole("form", { name: "Créer un compte" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Créer un compte" }));
  });

  it("shows the schema's errors next to the fields and sends nothing", async () => {
    serveAccounts();
    const calls = mockMutations({ "users.create": () => admin });
    renderPage(<UsersPage />);
    const { user, form } = await openCreateForm();
    const inForm = within(form);

    const email = inForm.getByLabelText(/^Adresse électronique/);
    await user.type(email, "chloe.durand@");
    await user.type(inForm.getByLabelText(/^Nom/), "Chloé Durand");
    await user.selectOptions(inForm.getByLabelText(/^Rôle/), "sponsor");
    await user.type(inForm.getByLabelText(/^Mot de passe/), "court");
    await user.click(inForm.getByRole("button", { name: "Créer le compte" }));

    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(email)).toContain("L'adresse électronique n'est pas valide.");
    expect(document.activeElement).toBe(email);
    const scope = inForm.getByRole("group", { name: /Périmètre du sponsor/ });
    expect(scope.getAttribute("aria-labelledby")).toBeTruthy();
    expect(scope.textContent).toContain("Un sponsor doit avoir un périmètre.");
    expect(describedBy(inForm.getByLabelText(/^Mot de passe/))).toContain(
      "Le mot de passe doit compter au moins 12 caractères.",
    );
    expect(describedBy(inForm.getByLabelText(/^Nom/))).toBe("");

    // An empty scope line asks for a choice.
    await user.click(within(scope).getByRole("button", { name: "Ajouter un élément au périmètre" }));
    await user.clear(email);
    await user.type(email, "chloe.durand@interieur.gouv.fr");
    await user.clear(inForm.getByLabelText(/^Mot de passe/));
    await user.click(inForm.getByRole("button", { name: "Créer le compte" }));
    const ministry = within(scope).getByLabelText("Ministère");
    expect(describedBy(ministry)).toContain("Choisissez un ministère.");
    expect(document.activeElement).toBe(ministry);
    expect(calls).toEqual([]);
  });

  it("shows the server's conflict message in an alert", async () => {
    serveAccounts();
    mockMutations({
      "users.create": () => new MutationFailure("CONFLICT", "Un compte existe déjà pour cette adresse."),
    });
    renderPage(<UsersPage />);
    const { user, form } = await openCreateForm();
    const inForm = within(form);
    await user.type(inForm.getByLabelText(/^Adresse électronique/), "alice.martin@modernisation.gouv.fr");
    await user.type(inForm.getByLabelText(/^Nom/), "Alice Martin");
    await user.selectOptions(inForm.getByLabelText(/^Rôle/), "charge_mission");
    await user.click(inForm.getByRole("button", { name: "Créer le compte" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Le compte n'a pas été créé");
    expect(alert.textContent).toContain("Un compte existe déjà pour cette adresse.");
    // A business refusal: plain French, no support reference.
    expect(alert.textContent).not.toContain("référence");
    expect(screen.getByRole("form", { name: "Créer un compte" })).toBeDefined();
  });

  it("lists the server's field errors and marks the fields", async () => {
    serveAccounts();
    mockMutations({
      "users.update": () =>
        new MutationFailure("BAD_REQUEST", '[{"code":"too_small"}]', { displayName: ["Le nom est requis."] }),
    });
    renderPage(<UsersPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Modifier le compte d'Alice Martin" }));
    const form = screen.getByRole("form", { name: "Modifier le compte d'Alice Martin" });
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { name: "Modifier le compte d'Alice Martin" }),
    );
    expect(within(form).queryByLabelText(/^Adresse électronique/)).toBeNull();
    expect(within(form).getByLabelText<HTMLSelectElement>(/^Rôle/).value).toBe("administrateur");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les modifications" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Nom : Le nom est requis.");
    expect(alert.textContent).not.toContain("too_small");
    expect(describedBy(within(form).getByLabelText(/^Nom/))).toContain("Le nom est requis.");
  });

  it("edits a sponsor's scope and keeps the other entries", async () => {
    const accounts = serveAccounts();
    const calls = mockMutations({
      "users.update": (input) => {
        const changes = input as Pick<UserListItem, "displayName" | "role" | "scope">;
        const saved = { ...sponsor, ...changes };
        accounts.splice(1, 1, saved);
        return saved;
      },
    });
    renderPage(<UsersPage />);
    const user = userEvent.setup();
    await waitFor(() =>
      expect(within(rowOf("Bruno Sponsor")).queryByText(/Registre des transports/)).not.toBeNull(),
    );
    const trigger = screen.getByRole("button", { name: "Modifier le compte de Bruno Sponsor" });
    await user.click(trigger);
    const form = screen.getByRole("form", { name: "Modifier le compte de Bruno Sponsor" });
    const scope = within(form).getByRole("group", { name: /Périmètre du sponsor/ });
    await user.click(within(scope).getByRole("button", { name: "Retirer l'élément 1" }));
    expect(within(scope).queryAllByRole("group")).toHaveLength(2);
    expect(document.activeElement).toBe(
      within(scope).getByRole("button", { name: "Ajouter un élément au périmètre" }),
    );
    await user.click(within(form).getByRole("button", { name: "Enregistrer les modifications" }));

    await screen.findByText("Le compte de Bruno Sponsor a été modifié.");
    expect(calls[0]?.input).toEqual({
      userId: 2,
      displayName: "Bruno Sponsor",
      role: "sponsor",
      scope: [
        { kind: "ministere", value: "interieur" },
        { kind: "porteur", value: "DEAL de La Réunion" },
      ],
    });
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Modifier le compte de Bruno Sponsor" }),
    );
  });

  it("deactivates an account only after confirmation", async () => {
    const accounts = serveAccounts();
    const calls = mockMutations({
      "users.deactivate": (input) => {
        const { userId } = input as { userId: number };
        const index = accounts.findIndex((account) => account.id === userId);
        const account = accounts[index];
        if (!account) throw new Error(`Compte inconnu : ${userId}`);
        const saved = { ...account, active: false };
        accounts.splice(index, 1, saved);
        return saved;
      },
    });
    renderPage(<UsersPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Désactiver le compte d'Alice Martin" }));

    const question = screen.getByRole("heading", { name: "Désactiver le compte d'Alice Martin ?" });
    expect(document.activeElement).toBe(question);
    expect(screen.getByText("Ses sessions ouvertes seront fermées immédiatement.")).toBeDefined();
    expect(calls).toEqual([]);

    // Cancelling sends nothing and gives focus back.
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    expect(screen.queryByRole("heading", { name: /\?$/ })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Désactiver le compte d'Alice Martin" }),
    );
    expect(calls).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Désactiver le compte d'Alice Martin" }));
    await user.click(screen.getByRole("button", { name: "Désactiver le compte" }));
    await screen.findByText("Le compte d'Alice Martin a été désactivé ; ses sessions ont été fermées.");
    expect(calls).toEqual([{ path: "users.deactivate", input: { userId: 1 } }]);
    expect(rowOf("Alice Martin").textContent).toContain("Désactivé");
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Réactiver le compte d'Alice Martin" }),
    );
  });

  it("shows why a deactivation was refused", async () => {
    serveAccounts();
    mockMutations({
      "users.deactivate": () =>
        new MutationFailure("CONFLICT", "Vous ne pouvez pas désactiver votre propre compte."),
    });
    renderPage(<UsersPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Désactiver le compte d'Alice Martin" }));
    await user.click(screen.getByRole("button", { name: "Désactiver le compte" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Vous ne pouvez pas désactiver votre propre compte.");
    expect(rowOf("Alice Martin").textContent).toContain("Actif");
  });

  it("shows loading, then the error with a retry", async () => {
    mockProcedures({
      "users.list": () =>
        new ProcedureError("INTERNAL_SERVER_ERROR", "Une erreur interne est survenue.", 500),
      "progress.portfolio": () => followUpRows,
      "laureates.list": () => laureateItems,
      "progress.settings": () => followUpSettings,
      "programme.calendar": () => programmeCalendar,
    });
    renderPage(<UsersPage />);
    expect(screen.getByText(/Chargement des comptes/)).toBeDefined();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Une erreur interne est survenue.");
    expect(within(alert).getByRole("button", { name: "Réessayer" })).toBeDefined();
  });

  it("says so when there is no account", async () => {
    serveAccounts([]);
    renderPage(<UsersPage />);
    expect(await screen.findByText("Aucun compte")).toBeDefined();
  });
});
