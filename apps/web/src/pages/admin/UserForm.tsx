import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  ALL_ROLES,
  createUserSchema,
  ROLES,
  SCOPE_KINDS,
  updateUserSchema,
  type LaureateListItem,
  type Role,
  type ScopeKind,
  type UserListItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { describeError, useTRPC } from "../../lib/trpc";
import { ofName, SCOPE_VALUE_PROMPTS, scopeValueOptions } from "./account-labels";

interface UserFormProps {
  /** The account to edit, or null to create one. */
  user: UserListItem | null;
  /** For the scope pickers; undefined while they load or when they could not be loaded. */
  laureates: LaureateListItem[] | undefined;
  onSaved: (saved: UserListItem) => Promise<void>;
  onCancel: () => void;
}

/** One line of the scope editor; `key` follows the line when others are removed. */
interface ScopeDraft {
  key: number;
  kind: ScopeKind;
  value: string;
}

type FieldErrors = Partial<Record<string, string>>;

const FIELD_LABELS: Record<string, string> = {
  email: "Adresse électronique",
  displayName: "Nom",
  role: "Rôle",
  scope: "Périmètre",
  password: "Mot de passe",
};

const SCOPE_KIND_KEYS = Object.keys(SCOPE_KINDS) as ScopeKind[];

function isScopeKind(value: string): value is ScopeKind {
  return (SCOPE_KIND_KEYS as string[]).includes(value);
}

function isRole(value: string): value is Role {
  return (ALL_ROLES as string[]).includes(value);
}

/**
 * The messages of the shared schema, one per field, keyed like the fields.
 * An empty choice asks to be made rather than calling the value unknown.
 */
function validationErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  drafts: readonly ScopeDraft[],
  role: Role | "",
): FieldErrors {
  const errors: FieldErrors = {};
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

function firstMessages(fieldErrors: Partial<Record<string, string[]>> | null | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    if (messages?.[0]) errors[field] = messages[0];
  }
  return errors;
}

function fieldState(message: string | undefined) {
  return message ? { state: "error" as const, stateRelatedMessage: message } : {};
}

/** Creates an account (user null) or edits one; the same schemas as the API validate before sending. */
export function UserForm({ user, laureates, onSaved, onCancel }: UserFormProps) {
  const trpc = useTRPC();
  const formId = useId();
  const ids = {
    heading: `${formId}-titre`,
    email: `${formId}-email`,
    displayName: `${formId}-nom`,
    role: `${formId}-role`,
    scopeLegend: `${formId}-perimetre-legende`,
    scopeMessages: `${formId}-perimetre-messages`,
    scopeAdd: `${formId}-perimetre-ajouter`,
    password: `${formId}-mot-de-passe`,
    scopeKind: (key: number) => `${formId}-perimetre-${key}-type`,
    scopeValue: (key: number) => `${formId}-perimetre-${key}-valeur`,
  };

  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [role, setRole] = useState<Role | "">(user?.role ?? "");
  const [scope, setScope] = useState<ScopeDraft[]>(() =>
    (user?.scope ?? []).map((entry, index) => ({ key: index, ...entry })),
  );
  const [nextScopeKey, setNextScopeKey] = useState(user?.scope.length ?? 0);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  // Where focus goes once the next render is on screen: the heading on opening,
  // the first invalid field after a refused submission, a new scope line.
  const pendingFocus = useRef<string | null>(ids.heading);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const showServerFieldErrors = {
    onError: (error: { data?: { fieldErrors?: Partial<Record<string, string[]>> | null } | null }) => {
      setErrors(firstMessages(error.data?.fieldErrors));
    },
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: onSaved, ...showServerFieldErrors }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({ onSuccess: onSaved, ...showServerFieldErrors }),
  );
  const mutation = user ? update : create;

  function refuse(nextErrors: FieldErrors) {
    mutation.reset();
    setErrors(nextErrors);
    const order = [
      "email",
      "displayName",
      "role",
      ...scope.map((draft) => `scope.${draft.key}`),
      "scope",
      "password",
    ];
    const first = order.find((key) => nextErrors[key]);
    if (!first) return;
    pendingFocus.current = first.startsWith("scope.")
      ? ids.scopeValue(Number(first.slice("scope.".length)))
      : first === "scope"
        ? ids.scopeAdd
        : ids[first as "email" | "displayName" | "role" | "password"];
  }

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
    if (user) {
      const parsed = updateUserSchema.safeParse({ userId: user.id, ...fields });
      if (!parsed.success) {
        refuse(validationErrors(parsed.error.issues, scope, role));
        return;
      }
      setErrors({});
      update.mutate(parsed.data);
    } else {
      const parsed = createUserSchema.safeParse({ email, ...fields });
      if (!parsed.success) {
        refuse(validationErrors(parsed.error.issues, scope, role));
        return;
      }
      setErrors({});
      create.mutate(parsed.data);
    }
  }

  function clearError(key: string) {
    if (errors[key]) setErrors(({ [key]: _cleared, ...rest }) => rest);
  }

  function addScopeLine() {
    setScope([...scope, { key: nextScopeKey, kind: "ministere", value: "" }]);
    setNextScopeKey(nextScopeKey + 1);
    clearError("scope");
    pendingFocus.current = ids.scopeKind(nextScopeKey);
  }

  function removeScopeLine(key: number) {
    setScope(scope.filter((draft) => draft.key !== key));
    clearError(`scope.${key}`);
    pendingFocus.current = ids.scopeAdd;
  }

  function changeScopeLine(key: number, change: Partial<Omit<ScopeDraft, "key">>) {
    setScope(scope.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));
    clearError(`scope.${key}`);
  }

  const serverError = mutation.error ? describeError(mutation.error) : null;
  const serverFieldErrors = Object.entries(firstMessages(mutation.error?.data?.fieldErrors));
  const title = user ? `Modifier le compte ${ofName(user.displayName)}` : "Créer un compte";

  return (
    <section
      aria-labelledby={ids.heading}
      className={fr.cx("fr-p-3w", "fr-mb-4w")}
      style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}` }}
    >
      <h2 id={ids.heading} tabIndex={-1}>
        {title}
      </h2>
      {user && (
        <p>
          Adresse électronique : <strong>{user.email}</strong> (elle ne peut pas être modifiée).
        </p>
      )}
      <p className={fr.cx("fr-text--sm")}>Sauf mention contraire, tous les champs sont obligatoires.</p>

      {serverError && (
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
              <>
                {serverError.message}
                {serverError.requestId && <> (référence : {serverError.requestId})</>}
              </>
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
              id: ids.email,
              type: "email",
              autoComplete: "off",
              spellCheck: false,
              value: email,
              "aria-invalid": errors.email ? true : undefined,
              onChange: (event) => {
                setEmail(event.target.value);
                clearError("email");
              },
            }}
          />
        )}
        <Input
          label="Nom"
          hintText="Prénom et nom, tels qu'ils apparaîtront dans le journal des actions"
          {...fieldState(errors.displayName)}
          nativeInputProps={{
            id: ids.displayName,
            autoComplete: "off",
            value: displayName,
            "aria-invalid": errors.displayName ? true : undefined,
            onChange: (event) => {
              setDisplayName(event.target.value);
              clearError("displayName");
            },
          }}
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
              clearError("role");
              clearError("scope");
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
          <fieldset
            className={fr.cx("fr-fieldset", errors.scope ? "fr-fieldset--error" : undefined)}
            aria-labelledby={`${ids.scopeLegend} ${ids.scopeMessages}`}
          >
            <legend id={ids.scopeLegend} className={fr.cx("fr-fieldset__legend")}>
              Périmètre du sponsor
              <span className={fr.cx("fr-hint-text")}>
                Le sponsor agit sur les lauréats de chaque élément : tous ceux d'un ministère, un lauréat
                précis, ou tous ceux d'un porteur.
              </span>
            </legend>
            {scope.length === 0 && (
              <p className={fr.cx("fr-fieldset__element")}>Aucun élément pour l'instant.</p>
            )}
            {scope.map((draft, index) => (
              <ScopeLine
                key={draft.key}
                position={index + 1}
                draft={draft}
                laureates={laureates}
                error={errors[`scope.${draft.key}`]}
                kindId={ids.scopeKind(draft.key)}
                valueId={ids.scopeValue(draft.key)}
                onChange={(change) => changeScopeLine(draft.key, change)}
                onRemove={() => removeScopeLine(draft.key)}
              />
            ))}
            <div className={fr.cx("fr-fieldset__element")}>
              <Button
                type="button"
                priority="secondary"
                size="small"
                iconId="fr-icon-add-line"
                nativeButtonProps={{ id: ids.scopeAdd }}
                onClick={addScopeLine}
              >
                Ajouter un élément au périmètre
              </Button>
            </div>
            <div id={ids.scopeMessages} className={fr.cx("fr-messages-group")} aria-live="polite">
              {errors.scope && <p className={fr.cx("fr-message", "fr-message--error")}>{errors.scope}</p>}
            </div>
          </fieldset>
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
            id: ids.password,
            type: "password",
            autoComplete: "new-password",
            value: password,
            "aria-invalid": errors.password ? true : undefined,
            onChange: (event) => {
              setPassword(event.target.value);
              clearError("password");
            },
          }}
        />

        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-mt-3w")}>
          <li>
            <Button type="submit">{user ? "Enregistrer les modifications" : "Créer le compte"}</Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={onCancel}>
              Annuler
            </Button>
          </li>
        </ul>
        {mutation.isPending && (
          <p role="status" className={fr.cx("fr-text--sm")}>
            Enregistrement en cours…
          </p>
        )}
      </form>
    </section>
  );
}

interface ScopeLineProps {
  position: number;
  draft: ScopeDraft;
  laureates: LaureateListItem[] | undefined;
  error: string | undefined;
  kindId: string;
  valueId: string;
  onChange: (change: Partial<Omit<ScopeDraft, "key">>) => void;
  onRemove: () => void;
}

function ScopeLine({
  position,
  draft,
  laureates,
  error,
  kindId,
  valueId,
  onChange,
  onRemove,
}: ScopeLineProps) {
  const options = scopeValueOptions(draft.kind, laureates ?? []);
  // A saved entry stays selectable even if the list of laureates is not (yet) there.
  if (draft.value !== "" && !options.some((option) => option.value === draft.value)) {
    options.unshift({ value: draft.value, label: draft.value });
  }
  const needsLaureates = draft.kind !== "ministere" && laureates === undefined;
  return (
    <div className={fr.cx("fr-fieldset__element")}>
      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend", "fr-fieldset__legend--regular")}>
          Élément {position}
        </legend>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
            <Select
              label="Type"
              nativeSelectProps={{
                id: kindId,
                value: draft.kind,
                onChange: (event) => {
                  const kind = event.target.value;
                  if (isScopeKind(kind)) onChange({ kind, value: "" });
                },
              }}
            >
              {SCOPE_KIND_KEYS.map((kind) => (
                <option key={kind} value={kind}>
                  {SCOPE_KINDS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-7")}>
            <Select
              label={SCOPE_KINDS[draft.kind]}
              hint={needsLaureates ? "La liste des lauréats n'est pas disponible pour l'instant." : undefined}
              {...fieldState(error)}
              nativeSelectProps={{
                id: valueId,
                value: draft.value,
                "aria-invalid": error ? true : undefined,
                onChange: (event) => onChange({ value: event.target.value }),
              }}
            >
              <option value="" disabled>
                {SCOPE_VALUE_PROMPTS[draft.kind].placeholder}
              </option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              className={fr.cx("fr-mb-3w")}
              onClick={onRemove}
            >
              Retirer <span className={fr.cx("fr-sr-only")}>l'élément {position}</span>
            </Button>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
