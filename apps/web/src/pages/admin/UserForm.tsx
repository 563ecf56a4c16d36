import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  ALL_ROLES,
  createUserSchema,
  ROLES,
  updateUserSchema,
  type LaureateListItem,
  type Role,
  type UserListItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type ChangeEvent, type SubmitEvent } from "react";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { fieldState, serverFieldErrorsOf, type Issue } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { ErrorText } from "../../components/ErrorText";
import { useFormErrors, type FieldErrors } from "../../lib/use-form-errors";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { ofName, SCOPE_VALUE_PROMPTS } from "./account-labels";
import { ScopeEditor, scopeIdsOf, type ScopeDraft } from "./ScopeEditor";

interface UserFormProps {
  /** The account to edit, or null to create one. */
  user: UserListItem | null;
  /** For the scope pickers; undefined while they load or when they could not be loaded. */
  laureates: LaureateListItem[] | undefined;
  onSaved: (saved: UserListItem) => Promise<void>;
  onCancel: () => void;
}

/** The form's fields; a scope line's value is `scope.<key>`. */
type Field = "email" | "displayName" | "role" | `scope.${number}` | "scope" | "password";

const FIELD_LABELS: Record<string, string> = {
  email: "Adresse électronique",
  displayName: "Nom",
  role: "Rôle",
  scope: "Périmètre",
  password: "Mot de passe",
};

function isRole(value: string): value is Role {
  return (ALL_ROLES as string[]).includes(value);
}

/**
 * The messages of the shared schema, one per field, keyed like the fields.
 * An empty choice asks to be made rather than calling the value unknown.
 */
function validationErrors(
  issues: readonly Issue[],
  drafts: readonly ScopeDraft[],
  role: Role | "",
): FieldErrors<Field> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (field === "scope" && typeof index === "number") {
      const draft = drafts[index];
      if (!draft) continue;
      errors[`scope.${draft.key}`] ??=
        draft.value === "" ? SCOPE_VALUE_PROMPTS[draft.kind].required : issue.message;
    } else {
      const key = typeof field === "string" ? field : "form";
      errors[key] ??= key === "role" && role === "" ? "Choisissez un rôle." : issue.message;
    }
  }
  return errors;
}

/** Creates an account (user null) or edits one; the same schemas as the API validate before sending. */
export function UserForm({ user, laureates, onSaved, onCancel }: UserFormProps) {
  const trpc = useTRPC();
  const formId = useId();
  const scopeIds = scopeIdsOf(formId);
  const ids = {
    heading: `${formId}-titre`,
    email: `${formId}-email`,
    displayName: `${formId}-nom`,
    role: `${formId}-role`,
    password: `${formId}-mot-de-passe`,
  };
  const focus = usePendingFocus(ids.heading);

  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [role, setRole] = useState<Role | "">(user?.role ?? "");
  const [scope, setScope] = useState<ScopeDraft[]>(() =>
    (user?.scope ?? []).map((entry, index) => ({ key: index, ...entry })),
  );
  const [nextScopeKey, setNextScopeKey] = useState(user?.scope.length ?? 0);
  const [password, setPassword] = useState("");
  const fieldErrors = useFormErrors<Field>({
    fields: [
      "email",
      "displayName",
      "role",
      ...scope.map((draft) => `scope.${draft.key}` as const),
      "scope",
      "password",
    ],
    idOf: (field) =>
      field.startsWith("scope.")
        ? scopeIds.value(Number(field.slice("scope.".length)))
        : field === "scope"
          ? scopeIds.add
          : ids[field as keyof typeof ids],
  });
  const { errors } = fieldErrors;
  /** A typed field's wiring: its id, value and error state; typing clears its error. */
  const typed = (
    field: "email" | "displayName" | "password",
    value: string,
    set: (value: string) => void,
  ) => ({
    id: ids[field],
    value,
    "aria-invalid": errors[field] ? true : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      set(event.target.value);
      fieldErrors.clear(field);
    },
  });

  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: onSaved, onError: fieldErrors.fromServer }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({ onSuccess: onSaved, onError: fieldErrors.fromServer }),
  );
  const mutation = user ? update : create;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const fields = {
      displayName,
      role,
      // Only sponsors have a scope; lines typed before switching role are kept on screen, not sent.
      scope: role === "sponsor" ? scope.map(({ kind, value }) => ({ kind, value })) : [],
      password: password === "" ? undefined : password,
    };
    const refuse = (issues: readonly Issue[]) => {
      mutation.reset();
      fieldErrors.show(validationErrors(issues, scope, role));
    };
    if (user) {
      const parsed = updateUserSchema.safeParse({ userId: user.id, ...fields });
      if (!parsed.success) {
        refuse(parsed.error.issues);
        return;
      }
      fieldErrors.clear();
      update.mutate(parsed.data);
    } else {
      const parsed = createUserSchema.safeParse({ email, ...fields });
      if (!parsed.success) {
        refuse(parsed.error.issues);
        return;
      }
      fieldErrors.clear();
      create.mutate(parsed.data);
    }
  }

  function addScopeLine() {
    setScope([...scope, { key: nextScopeKey, kind: "ministere", value: "" }]);
    setNextScopeKey(nextScopeKey + 1);
    fieldErrors.clear("scope");
    focus(scopeIds.kind(nextScopeKey));
  }

  function removeScopeLine(key: number) {
    setScope(scope.filter((draft) => draft.key !== key));
    fieldErrors.clear(`scope.${key}`);
    focus(scopeIds.add);
  }

  function changeScopeLine(key: number, change: Partial<Omit<ScopeDraft, "key">>) {
    setScope(scope.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));
    fieldErrors.clear(`scope.${key}`);
  }

  const serverFieldErrors = Object.entries(serverFieldErrorsOf(mutation.error));
  const title = user ? `Modifier le compte ${ofName(user.displayName)}` : "Créer un compte";

  return (
    <Panel headingId={ids.heading} title={title} headingLevel={2}>
      {user && (
        <p>
          Adresse électronique : <strong>{user.email}</strong> (elle ne peut pas être modifiée).
        </p>
      )}
      <p className={fr.cx("fr-text--sm")}>Sauf mention contraire, tous les champs sont obligatoires.</p>

      {mutation.error && (
        <Alert
          severity="error"
          role="alert"
          as="h3"
          className={fr.cx("fr-mb-3w")}
          title={user ? "Les modifications n'ont pas été enregistrées" : "Le compte n'a pas été créé"}
          description={
            serverFieldErrors.length > 0 ? (
              <>
                Corrigez les champs signalés :
                <ul>
                  {serverFieldErrors.map(([field, message]) => (
                    <li key={field}>
                      {FIELD_LABELS[field] ?? field} : {message}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <ErrorText error={mutation.error} />
            )
          }
        />
      )}

      <form noValidate onSubmit={submit} aria-labelledby={ids.heading}>
        {!user && (
          <Input
            label="Adresse électronique"
            hintText="Format attendu : prenom.nom@ministere.gouv.fr"
            {...fieldState(errors.email)}
            nativeInputProps={{
              ...typed("email", email, setEmail),
              type: "email",
              autoComplete: "off",
              spellCheck: false,
            }}
          />
        )}
        <Input
          label="Nom"
          hintText="Prénom et nom, tels qu'ils apparaîtront dans le journal des actions"
          {...fieldState(errors.displayName)}
          nativeInputProps={{ ...typed("displayName", displayName, setDisplayName), autoComplete: "off" }}
        />
        <Select
          label="Rôle"
          hint="Tous les rôles lisent tout le portefeuille ; le périmètre d'un sponsor limite les lauréats sur lesquels il agit."
          {...fieldState(errors.role)}
          nativeSelectProps={{
            id: ids.role,
            value: role,
            "aria-invalid": errors.role ? true : undefined,
            onChange: (event) => {
              const value = event.target.value;
              setRole(isRole(value) ? value : "");
              fieldErrors.clear("role");
              fieldErrors.clear("scope");
            },
          }}
        >
          <option value="" disabled>
            Choisir un rôle
          </option>
          {ALL_ROLES.map((key) => (
            <option key={key} value={key}>
              {ROLES[key]}
            </option>
          ))}
        </Select>

        {role === "sponsor" && (
          <ScopeEditor
            formId={formId}
            scope={scope}
            laureates={laureates}
            errors={errors}
            onAdd={addScopeLine}
            onChange={changeScopeLine}
            onRemove={removeScopeLine}
          />
        )}

        <Input
          label="Mot de passe (facultatif)"
          hintText={
            user
              ? "Au moins 12 caractères. Laisser vide pour ne pas le changer."
              : "Au moins 12 caractères. Laisser vide pour un compte ProConnect uniquement."
          }
          {...fieldState(errors.password)}
          nativeInputProps={{
            ...typed("password", password, setPassword),
            type: "password",
            autoComplete: "new-password",
          }}
        />

        <SubmitOrCancel
          label={user ? "Enregistrer les modifications" : "Créer le compte"}
          pending={mutation.isPending}
          onCancel={onCancel}
        />
      </form>
    </Panel>
  );
}
