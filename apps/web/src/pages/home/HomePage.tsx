import { fr } from "@codegouvfr/react-dsfr";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { KpiTiles } from "./KpiTiles";
import { LaureateCards } from "./LaureateCards";
import { LaureatesTable } from "./LaureatesTable";
import { PortfolioFilters } from "./PortfolioFilters";
import { usePortfolioFilters } from "../../features/laureates/use-portfolio-filters";
import { DownloadsSection } from "../../features/exports/DownloadsSection";
import { AsOfPicker } from "../../components/AsOfPicker";
import { useAsOf } from "../../lib/use-as-of";

export default function HomePage() {
  useDocumentTitle("Portefeuille des lauréats");
  const trpc = useTRPC();
  const { filters, view, update, setView, reset, active } = usePortfolioFilters();
  const { query, past } = useAsOf();
  const overview = useQuery({
    ...trpc.programme.overview.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const list = useQuery({
    ...trpc.laureates.list.queryOptions({ ...filters, ...query }),
    placeholderData: keepPreviousData,
  });
  // The health computed from today's facts: a past day shows no "Météo à vérifier".
  const followUp = useQuery({ ...trpc.progress.portfolio.queryOptions(), enabled: past === undefined });
  const health = useMemo(
    () =>
      followUp.data && past === undefined
        ? new Map(followUp.data.map((row) => [row.laureateSlug, row.health]))
        : undefined,
    [followUp.data, past],
  );

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Portefeuille des lauréats</h1>
      {overview.isPending && <LoadingState label="Chargement des chiffres clés" />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          <p className={fr.cx("fr-text--lead")}>
            {overview.data.programme.name} — piloté par la {overview.data.programme.steeredBy}, candidatures
            du {formatDate(overview.data.programme.applicationsOpenOn)} au{" "}
            {formatDate(overview.data.programme.applicationsCloseOn)}.
          </p>
          <AsOfPicker />
          <KpiTiles overview={overview.data} />
          <h2>Les lauréats</h2>
          <PortfolioFilters
            overview={overview.data}
            filters={filters}
            onChange={update}
            onReset={reset}
            active={active}
          />
        </>
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-mb-2w")}>
        <p className={fr.cx("fr-col", "fr-mb-0")} role="status" aria-live="polite">
          {list.data &&
            `${pluralize(list.data.length, "lauréat")}${active ? " correspondant aux filtres" : ""}`}
        </p>
        <SegmentedControl
          small
          hideLegend
          legend="Affichage des lauréats"
          segments={[
            {
              label: "Tableau",
              iconId: "fr-icon-table-line",
              nativeInputProps: { checked: view === "tableau", onChange: () => setView("tableau") },
            },
            {
              label: "Cartes",
              iconId: "fr-icon-layout-grid-line",
              nativeInputProps: { checked: view === "cartes", onChange: () => setView("cartes") },
            },
          ]}
        />
      </div>
      {list.isPending && <LoadingState label="Chargement des lauréats" />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && (
        <EmptyState title="Aucun lauréat ne correspond à ces filtres">
          Modifiez la recherche ou effacez les filtres pour retrouver les 27 lauréats.
        </EmptyState>
      )}
      {list.data &&
        list.data.length > 0 &&
        (view === "cartes" ? (
          <LaureateCards items={list.data} health={health} />
        ) : (
          <LaureatesTable items={list.data} caption="Lauréats de l'appel à défis" health={health} />
        ))}
      <DownloadsSection headingId="portefeuille-telechargements" title="Télécharger le portefeuille" />
    </>
  );
}
