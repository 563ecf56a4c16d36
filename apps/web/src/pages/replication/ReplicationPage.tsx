import { fr } from "@codegouvfr/react-dsfr";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import {
  ADOPTION_STAGES,
  CATEGORIES,
  REGIONS,
  REPLICATION_INDEX_FORMULA,
  type ReplicationFilters,
} from "@defis/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { FilterForm } from "../../components/FilterForm";
import { FilterSelects, optionsOf, type FilterField } from "../../components/FilterSelect";
import { pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { AdoptionsTable } from "../../features/replication/AdoptionsTable";
import { FunnelChart } from "../../features/replication/FunnelChart";
import { MatrixChart } from "./MatrixChart";
import { RegionMap } from "./RegionMap";
import { useReplicationFilters } from "./use-replication-filters";

const FILTER_FIELDS: FilterField<keyof ReplicationFilters>[] = [
  {
    key: "category",
    id: "essaimage-categorie",
    label: "Catégorie",
    allLabel: "Toutes les catégories",
    options: optionsOf(CATEGORIES),
  },
  {
    key: "stage",
    id: "essaimage-etape",
    label: "Étape de l'adoption",
    allLabel: "Toutes les étapes",
    options: optionsOf(ADOPTION_STAGES),
  },
  {
    key: "region",
    id: "essaimage-region",
    label: "Région de l'adoption",
    allLabel: "Toutes les régions",
    options: optionsOf(REGIONS),
  },
];

/** The national picture of replication: funnel, potential against progress, map and registry. */
export default function ReplicationPage() {
  useDocumentTitle("Essaimage");
  const trpc = useTRPC();
  const { filters, update, reset, active } = useReplicationFilters();
  const overview = useQuery({
    ...trpc.replication.overview.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  const data = overview.data;

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Essaimage</h1>
      <p className={fr.cx("fr-text--lead")}>
        Où en est la reprise des solutions des lauréats par d'autres administrations et territoires : grilles
        de potentiel, adoptions étape par étape et carte nationale.
      </p>
      <p className={fr.cx("fr-text--sm")}>
        Indice de potentiel d'essaimage, de 0 à 100 : {REPLICATION_INDEX_FORMULA}. Chaque critère est noté de
        0 à 4, 4 étant toujours le plus favorable à la reprise.
      </p>

      <FilterForm label="Filtrer l'essaimage" onReset={active ? reset : undefined}>
        <FilterSelects
          fields={FILTER_FIELDS}
          filters={filters}
          onChange={update}
          columnClassName={fr.cx("fr-col-12", "fr-col-md-4")}
        />
      </FilterForm>

      {overview.isPending && <LoadingState label="Chargement de l'essaimage" />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && (
        <>
          <p role="status" aria-live="polite">
            {pluralize(data.adoptions.length, "adoption")}
            {active ? " pour ces filtres" : " dans le portefeuille"}
          </p>
          {data.hasDemo && (
            <Notice
              className={fr.cx("fr-mb-3w")}
              title="Grilles et adoptions de démonstration"
              description="Les notes, les organisations adoptantes et leurs dates marquées « Démonstration » sont fictives : aucune reprise réelle n'est affirmée."
            />
          )}
          <section aria-labelledby="essaimage-etapes">
            <h2 id="essaimage-etapes">Les adoptions étape par étape</h2>
            <FunnelChart
              headingId="essaimage-entonnoir"
              funnel={data.funnel}
              abandoned={data.abandoned}
              dataDate={data.dataDate}
              currentHeader="À cette étape aujourd'hui"
            />
          </section>
          <section aria-labelledby="essaimage-potentiel">
            <h2 id="essaimage-potentiel">Potentiel et avancement</h2>
            <MatrixChart overview={data} />
          </section>
          <section aria-labelledby="essaimage-territoire">
            <h2 id="essaimage-territoire">Sur le territoire</h2>
            <RegionMap overview={data} selected={filters.region} onSelect={(region) => update({ region })} />
          </section>
          <section aria-labelledby="essaimage-registre">
            <h2 id="essaimage-registre">Registre des adoptions</h2>
            {data.adoptions.length === 0 ? (
              <EmptyState title="Aucune adoption">
                Aucune adoption ne correspond à ces filtres. Les adoptions s'enregistrent depuis l'onglet «
                Essaimage » de chaque lauréat.
              </EmptyState>
            ) : (
              <AdoptionsTable caption="Adoptions enregistrées" adoptions={data.adoptions} withLaureate />
            )}
          </section>
        </>
      )}
    </>
  );
}
