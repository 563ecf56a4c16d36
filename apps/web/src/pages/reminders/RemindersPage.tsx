import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { MAIL_KINDS, MAIL_STATUSES, type ReminderSchedule } from "@defis/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListPagination } from "../../components/ListPagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { FilterForm } from "../../components/FilterForm";
import { FilterSelects, optionsOf, type FilterField } from "../../components/FilterSelect";
import { formatDateTime, pluralize } from "../../lib/format";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { OutboxList } from "./OutboxList";
import { RunReminders } from "./RunReminders";
import { useOutboxFilters, type OutboxListFilters } from "./use-outbox-filters";

const column = fr.cx("fr-col-12", "fr-col-md-4");

const FILTER_FIELDS: FilterField<keyof OutboxListFilters>[] = [
  {
    key: "kind",
    id: "envois-type",
    label: "Type",
    allLabel: "Tous les types",
    options: optionsOf(MAIL_KINDS),
  },
  {
    key: "status",
    id: "envois-statut",
    label: "Statut",
    allLabel: "Tous les statuts",
    options: optionsOf(MAIL_STATUSES),
  },
];

export default function RemindersPage() {
  useDocumentTitle("Rappels et boîte d'envoi");
  const trpc = useTRPC();
  const canRun = useCan("sendReminders");
  const { filters, page, update, reset, pageHref, active } = useOutboxFilters();
  const outbox = useQuery({
    ...trpc.reminders.outbox.queryOptions({ ...filters, page }),
    placeholderData: keepPreviousData,
  });
  const data = outbox.data;

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Rappels et boîte d'envoi</h1>
      <p className={fr.cx("fr-text--lead")}>
        Chaque lundi à 8 h, Défis écrit à chaque sponsor la liste des projets de son périmètre à mettre à
        jour, et alerte les chargé·es de mission quand un sponsor n'a rien mis à jour depuis plus de deux fois
        la fréquence de mise à jour.
      </p>
      {data && <ScheduleFacts schedule={data.schedule} />}
      {data && !data.deliveryConfigured && (
        <Alert
          className={fr.cx("fr-mb-3w")}
          severity="info"
          small
          role={undefined}
          description="Aucun serveur d'envoi (SMTP) n'est configuré : les messages ne partent pas, ils restent lisibles ici."
        />
      )}
      {canRun && <RunReminders />}

      <h2>Messages écrits</h2>
      <FilterForm label="Filtrer les messages" alignBottom>
        <FilterSelects fields={FILTER_FIELDS} filters={filters} onChange={update} columnClassName={column} />
        {active && (
          <div className={column}>
            <Button type="button" priority="tertiary" className={fr.cx("fr-mb-3w")} onClick={reset}>
              Effacer les filtres
            </Button>
          </div>
        )}
      </FilterForm>
      <p role="status" aria-live="polite">
        {data && `${pluralize(data.total, "message")}${active ? " correspondant aux filtres" : ""}`}
      </p>
      {outbox.isPending && <LoadingState label="Chargement de la boîte d'envoi" />}
      {outbox.isError && <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {data?.mails.length === 0 && (
        <EmptyState
          title={active ? "Aucun message ne correspond à ces filtres" : "Aucun message pour l'instant"}
        >
          {active
            ? "Modifiez ou effacez les filtres pour voir d'autres messages."
            : "Les rappels de la semaine apparaîtront ici dès qu'ils auront été préparés."}
        </EmptyState>
      )}
      {data && data.mails.length > 0 && (
        <>
          <OutboxList mails={data.mails} />
          <ListPagination total={data.total} pageSize={data.pageSize} page={page} pageHref={pageHref} />
        </>
      )}
    </>
  );
}

function ScheduleFacts({ schedule }: { schedule: ReminderSchedule | null }) {
  if (!schedule) return null;
  return (
    <ul className={fr.cx("fr-mb-3w")}>
      <li>Prochains rappels : {formatDateTime(schedule.nextRunAt)}.</li>
      {schedule.lastRunAt && (
        <li>
          Derniers rappels préparés le {formatDateTime(schedule.lastRunAt)}
          {schedule.lastOutcome ? ` — ${schedule.lastOutcome}` : "."}
        </li>
      )}
    </ul>
  );
}
