import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { LaureateListItem } from "@defis/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { Link } from "react-router";
import { useCan } from "../../lib/session";
import { ROUTES } from "../../routes";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { AllocationForm } from "../../features/finance/AllocationForm";
import { allocationButtonId, AllocationsTable } from "./AllocationsTable";
import { FinanceKpis } from "./FinanceKpis";
import { asOfDay } from "../../features/finance/finance-labels";
import { GroupTable } from "./GroupTable";
import { MonthlyTable } from "./MonthlyTable";
import { ReallocationForm } from "./ReallocationForm";
import { DownloadsSection } from "../../features/exports/DownloadsSection";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { ScheduleGapPanel } from "../../features/finance/ScheduleGapPanel";
import { LateTranches } from "./LateTranches";
import { useState } from "react";
import { AsOfPicker } from "../../components/AsOfPicker";
import { formatDate } from "../../lib/format";
import { useAsOf } from "../../lib/use-as-of";

type Panel = { kind: "allocation"; laureate: LaureateListItem } | { kind: "reallocation" };

const REALLOCATE_BUTTON_ID = "allocations-reaffecter";

export default function FinancesPage() {
  useDocumentTitle("Finances");
  const trpc = useTRPC();
  const { query, past } = useAsOf();
  // A past day is read as it was: nothing can be changed from it.
  const canManage = useCan("manageMoney") && past === undefined;
  const overview = useQuery({
    ...trpc.programme.overview.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const laureates = useQuery(trpc.laureates.list.queryOptions({}));
  const { panel, notice, open, close, finish, clearNotice } = useSectionPanel<Panel>();
  const reserveCents = overview.data?.reserveCents;
  // The laureates whose allocation just changed: their schedule may no longer add up to it.
  const [changed, setChanged] = useState<{ slug: string; title: string }[]>([]);
  const titleOf = (slug: string) => laureates.data?.find((laureate) => laureate.slug === slug)?.title ?? slug;
  const figures = new Map((overview.data?.byLaureate ?? []).map((group) => [group.key, group]));
  // Today, the day the figures were read; a past day, that day.
  const dayOf = (updatedAt: number) => (past === undefined ? asOfDay(updatedAt) : `au ${formatDate(past)}`);

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Finances</h1>
      <p className={fr.cx("fr-text--lead")}>
        L'enveloppe de l'appel à défis, sa répartition entre les lauréats, ce qui est engagé et ce qui est
        versé.
      </p>
      <AsOfPicker />
      {canManage && (
        <p>
          <Link
            className={fr.cx("fr-link", "fr-icon-upload-line", "fr-link--icon-left")}
            to={ROUTES.financesImport}
          >
            Importer un relevé de paiements (CSV ou XLSX)
          </Link>
        </p>
      )}

      <section aria-labelledby="finances-enveloppe">
        <h2 id="finances-enveloppe">L'enveloppe</h2>
        {overview.isPending && <LoadingState label="Chargement des chiffres de l'enveloppe" />}
        {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
        {overview.data && <FinanceKpis overview={overview.data} asOf={dayOf(overview.dataUpdatedAt)} />}
      </section>

      <section aria-labelledby="finances-allocations">
        <h2 id="finances-allocations">Allocations par lauréat</h2>
        <p>
          Chaque lauréat ouvre sa page « Finances » : engagement juridique, échéancier, versements et
          historique de l'allocation.
        </p>
        <SectionNotice notice={notice} onClose={clearNotice} />
        {changed.length > 0 && (
          <ScheduleGapPanel
            key={changed.map((laureate) => laureate.slug).join(",")}
            laureates={changed}
            onDone={(message) => {
              setChanged([]);
              finish(message);
            }}
            onClose={() => setChanged([])}
          />
        )}
        {canManage && laureates.data && laureates.data.length > 1 && (
          <Button
            iconId="fr-icon-arrow-left-right-line"
            priority="secondary"
            className={fr.cx("fr-mb-3w")}
            nativeButtonProps={{
              id: REALLOCATE_BUTTON_ID,
              "aria-expanded": panel?.kind === "reallocation",
            }}
            onClick={() => open({ kind: "reallocation" }, REALLOCATE_BUTTON_ID)}
          >
            Réaffecter un montant
          </Button>
        )}
        {panel?.kind === "reallocation" && laureates.data && (
          <ReallocationForm
            laureates={laureates.data}
            reserveCents={reserveCents}
            onDone={(message, moved) => {
              finish(message);
              setChanged(moved.map((slug) => ({ slug, title: titleOf(slug) })));
            }}
            onCancel={close}
          />
        )}
        {panel?.kind === "allocation" && (
          <AllocationForm
            key={panel.laureate.slug}
            laureate={panel.laureate}
            reserveCents={reserveCents}
            onDone={(message) => {
              finish(message);
              setChanged([{ slug: panel.laureate.slug, title: panel.laureate.title }]);
            }}
            onCancel={close}
          />
        )}
        {laureates.isPending && <LoadingState label="Chargement des allocations" />}
        {laureates.isError && <ErrorState error={laureates.error} onRetry={() => void laureates.refetch()} />}
        {laureates.data?.length === 0 && (
          <EmptyState title="Aucun lauréat">Le programme ne compte encore aucun lauréat.</EmptyState>
        )}
        {laureates.data && laureates.data.length > 0 && (
          <AllocationsTable
            laureates={laureates.data}
            caption={`Montant alloué par lauréat, ${dayOf(laureates.dataUpdatedAt)}`}
            figures={figures}
            past={past}
            onEdit={
              canManage
                ? (laureate) => open({ kind: "allocation", laureate }, allocationButtonId(laureate.slug))
                : undefined
            }
          />
        )}
      </section>

      <section aria-labelledby="finances-repartition">
        <h2 id="finances-repartition">Répartition de l'enveloppe</h2>
        {overview.isPending && <LoadingState label="Chargement de la répartition" />}
        {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
        {overview.data && (
          <>
            <GroupTable
              caption={`Par catégorie, ${dayOf(overview.dataUpdatedAt)}`}
              groupHeader="Catégorie"
              groups={overview.data.byCategory}
            />
            <GroupTable
              caption={`Par ministère de rattachement, ${dayOf(overview.dataUpdatedAt)}`}
              groupHeader="Ministère"
              groups={overview.data.byMinistry}
            />
            <GroupTable
              caption={`Par territoire, ${dayOf(overview.dataUpdatedAt)}`}
              groupHeader="Territoire"
              groups={overview.data.byTerritory}
            />
            <GroupTable
              caption={`Par mode de financement, ${dayOf(overview.dataUpdatedAt)}`}
              groupHeader="Mode de financement"
              groups={overview.data.byFundingMode}
            />
          </>
        )}
      </section>

      <section aria-labelledby="finances-retards">
        <h2 id="finances-retards">Tranches en retard</h2>
        <LateTranches />
      </section>

      <section aria-labelledby="finances-mensuel">
        <h2 id="finances-mensuel">Versements par mois</h2>
        <MonthlyTable asOf={dayOf} />
      </section>

      {past === undefined ? (
        <DownloadsSection headingId="finances-telechargements" title="Télécharger les données financières" />
      ) : (
        <p>Les téléchargements donnent les données d'aujourd'hui : revenez à aujourd'hui pour les obtenir.</p>
      )}
    </>
  );
}
