import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { LaureateListItem, UserListItem } from "@defis/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { AccountStatusConfirmation } from "./AccountStatusConfirmation";
import { FollowUpSettingsSection } from "./FollowUpSettingsSection";
import { ProgrammeCalendarSection } from "./ProgrammeCalendarSection";
import { ofName, roleLabel, scopeEntryLabel } from "./account-labels";
import { UserForm } from "./UserForm";

/** What opens above the table; one at a time. */
type Panel =
  { kind: "create" } | { kind: "edit"; user: UserListItem } | { kind: "status"; user: UserListItem };

const CREATE_BUTTON_ID = "comptes-creer";
const editButtonId = (user: UserListItem) => `compte-${user.id}-modifier`;
const statusButtonId = (user: UserListItem) => `compte-${user.id}-statut`;

export default function UsersPage() {
  useDocumentTitle("Administration des comptes");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  // For readable scopes and the scope pickers; the page works without it (slugs are shown instead).
  const laureates = useQuery(trpc.laureates.list.queryOptions({}));
  const { panel, notice, open, close, finish: closeWith, clearNotice } = useSectionPanel<Panel>();

  /** The list is reloaded before the panel closes, so focus returns to an up-to-date row. */
  async function finish(message: string) {
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    closeWith(message);
  }

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Administration des comptes</h1>
      <p className={fr.cx("fr-text--lead")}>
        Créez les comptes des agents, attribuez leur rôle et, pour les sponsors ministériels, leur périmètre.
        Un compte désactivé ne peut plus se connecter.
      </p>

      <SectionNotice notice={notice} onClose={clearNotice} />

      <Button
        iconId="fr-icon-user-add-line"
        className={fr.cx("fr-mb-3w")}
        nativeButtonProps={{ id: CREATE_BUTTON_ID, "aria-expanded": panel?.kind === "create" }}
        onClick={() => open({ kind: "create" }, CREATE_BUTTON_ID)}
      >
        Créer un compte
      </Button>

      {panel?.kind === "create" && (
        <UserForm
          user={null}
          laureates={laureates.data}
          onSaved={(saved) => finish(`Le compte ${ofName(saved.displayName)} a été créé.`)}
          onCancel={close}
        />
      )}
      {panel?.kind === "edit" && (
        <UserForm
          key={panel.user.id}
          user={panel.user}
          laureates={laureates.data}
          onSaved={(saved) => finish(`Le compte ${ofName(saved.displayName)} a été modifié.`)}
          onCancel={close}
        />
      )}
      {panel?.kind === "status" && (
        <AccountStatusConfirmation
          key={panel.user.id}
          user={panel.user}
          onDone={(saved) =>
            finish(
              saved.active
                ? `Le compte ${ofName(saved.displayName)} a été réactivé.`
                : `Le compte ${ofName(saved.displayName)} a été désactivé ; ses sessions ont été fermées.`,
            )
          }
          onCancel={close}
        />
      )}

      {users.isPending && <LoadingState label="Chargement des comptes" />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.data?.length === 0 && (
        <EmptyState title="Aucun compte">
          Créez le premier compte avec le bouton « Créer un compte ».
        </EmptyState>
      )}
      {users.data && users.data.length > 0 && (
        <UsersTable
          users={users.data}
          laureates={laureates.data}
          onEdit={(user) => open({ kind: "edit", user }, editButtonId(user))}
          onToggleStatus={(user) => open({ kind: "status", user }, statusButtonId(user))}
        />
      )}

      <FollowUpSettingsSection />
      <ProgrammeCalendarSection />
    </>
  );
}

interface UsersTableProps {
  users: UserListItem[];
  laureates: LaureateListItem[] | undefined;
  onEdit: (user: UserListItem) => void;
  onToggleStatus: (user: UserListItem) => void;
}

function UsersTable({ users, laureates, onEdit, onToggleStatus }: UsersTableProps) {
  const laureateTitles = useMemo(
    () => new Map((laureates ?? []).map((laureate) => [laureate.slug, laureate.title])),
    [laureates],
  );
  const deactivated = users.filter((user) => !user.active).length;
  return (
    <Table
      caption={`${pluralize(users.length, "compte")}${deactivated > 0 ? `, dont ${pluralize(deactivated, "désactivé")}` : ""}`}
      fixed={false}
      headers={[
        "Nom",
        "Adresse électronique",
        "Rôle",
        "Périmètre",
        "Statut",
        "Dernière connexion",
        "Actions",
      ]}
      data={users.map((user) => [
        user.displayName,
        user.email,
        roleLabel(user.role),
        <ScopeCell key="scope" user={user} laureateTitles={laureateTitles} />,
        <Badge key="status" as="span" small severity={user.active ? "success" : undefined}>
          {user.active ? "Actif" : "Désactivé"}
        </Badge>,
        user.lastLoginAt ? formatDate(user.lastLoginAt) : "Jamais",
        <ul key="actions" className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline")}>
          <li>
            <Button
              size="small"
              priority="secondary"
              nativeButtonProps={{ id: editButtonId(user) }}
              onClick={() => onEdit(user)}
            >
              Modifier <span className={fr.cx("fr-sr-only")}>le compte {ofName(user.displayName)}</span>
            </Button>
          </li>
          <li>
            <Button
              size="small"
              priority="tertiary"
              nativeButtonProps={{ id: statusButtonId(user) }}
              onClick={() => onToggleStatus(user)}
            >
              {user.active ? "Désactiver" : "Réactiver"}{" "}
              <span className={fr.cx("fr-sr-only")}>le compte {ofName(user.displayName)}</span>
            </Button>
          </li>
        </ul>,
      ])}
    />
  );
}

function ScopeCell({
  user,
  laureateTitles,
}: {
  user: UserListItem;
  laureateTitles: ReadonlyMap<string, string>;
}) {
  if (user.role !== "sponsor") return <>Tous les lauréats</>;
  if (user.scope.length === 0) return <>Aucun lauréat</>;
  if (user.scope.length === 1 && user.scope[0]) return <>{scopeEntryLabel(user.scope[0], laureateTitles)}</>;
  return (
    <ul className={fr.cx("fr-m-0")}>
      {user.scope.map((entry) => (
        <li key={`${entry.kind}:${entry.value}`}>{scopeEntryLabel(entry, laureateTitles)}</li>
      ))}
    </ul>
  );
}
