import { fr } from "@codegouvfr/react-dsfr";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListPagination } from "../../components/ListPagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { JournalFilters } from "./JournalFilters";
import { JournalTable } from "./JournalTable";
import { journalCsvHref, useJournalFilters } from "./use-journal-filters";

export default function JournalPage() {
  useDocumentTitle("Journal des modifications");
  const trpc = useTRPC();
  const { filters, page, rangeError, update, reset, pageHref, active } = useJournalFilters();
  const actors = useQuery(trpc.audit.actors.queryOptions());
  const journal = useQuery({
    ...trpc.audit.list.queryOptions({ ...filters, page }),
    placeholderData: keepPreviousData,
    // An impossible date range is explained beside the field, not sent.
    enabled: rangeError === null,
  });
  const data = rangeError === null ? journal.data : undefined;
  const pageCount = data ? Math.ceil(data.total / data.pageSize) : 0;

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Journal des modifications</h1>
      <p className={fr.cx("fr-text--lead")}>
        Qui a modifié quoi, et quand : connexions, comptes et fiches des lauréats.
      </p>
      <JournalFilters
        filters={filters}
        actors={actors.data ?? []}
        rangeError={rangeError}
        onChange={update}
        onReset={reset}
        active={active}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-mb-2w")}>
        <p className={fr.cx("fr-col", "fr-mb-0")} role="status" aria-live="polite">
          {data && `${pluralize(data.total, "événement")}${active ? " correspondant aux filtres" : ""}`}
        </p>
        {/* A server download, not a page of the app: a plain link. */}
        <a
          className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")}
          href={journalCsvHref(filters)}
          download
        >
          Télécharger le journal (CSV)
        </a>
      </div>
      {rangeError === null && journal.isPending && <LoadingState label="Chargement du journal" />}
      {journal.isError && <ErrorState error={journal.error} onRetry={() => void journal.refetch()} />}
      {data?.events.length === 0 && (
        <EmptyState title={active ? "Aucun événement ne correspond à ces filtres" : "Le journal est vide"}>
          {active
            ? "Modifiez ou effacez les filtres pour voir d'autres événements."
            : "Les connexions et les modifications apparaîtront ici."}
        </EmptyState>
      )}
      {data && data.events.length > 0 && (
        <>
          <JournalTable
            events={data.events}
            caption={
              pageCount > 1
                ? `Journal des modifications, page ${page} sur ${pageCount}`
                : "Journal des modifications"
            }
          />
          <ListPagination total={data.total} pageSize={data.pageSize} page={page} pageHref={pageHref} />
        </>
      )}
    </>
  );
}
