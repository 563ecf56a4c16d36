import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { PORTEUR_NOT_GIVEN, type LaureateDetail } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatCents, formatDate } from "../../lib/format";
import { isUnknownResource, useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ROUTES } from "../../routes";
import { categoryLabel, fundingModeLabel, ministryLabel, territoryLabel } from "../home/laureate-labels";
import NotFoundPage from "../not-found/NotFoundPage";

function BenefitList({ title, items }: { title: string; items: string[] }) {
  return (
    <section className={fr.cx("fr-col-12", "fr-col-md-6")}>
      <h3 className={fr.cx("fr-h5")}>{title}</h3>
      {items.length === 0 ? (
        <p>L'annonce ne précise pas de bénéfice pour ce public.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className={fr.cx("fr-text--bold", "fr-mb-0")}>{label}</dt>
      <dd className={fr.cx("fr-mb-2w", "fr-ml-0")}>{children}</dd>
    </>
  );
}

function LaureateView({ laureate }: { laureate: LaureateDetail }) {
  return (
    <>
      <Breadcrumb
        currentPageLabel={laureate.title}
        segments={[{ label: "Portefeuille", linkProps: { to: ROUTES.home } }]}
      />
      <h1>{laureate.title}</h1>
      <ul className={fr.cx("fr-tags-group", "fr-mb-3w")} aria-label="Classement">
        <li>
          <Tag linkProps={{ to: `${ROUTES.home}?categorie=${laureate.category}` }}>
            {categoryLabel(laureate)}
          </Tag>
        </li>
        <li>
          <Tag linkProps={{ to: `${ROUTES.home}?territoire=${laureate.territoryKey}` }}>
            {territoryLabel(laureate)}
          </Tag>
        </li>
      </ul>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-lg-8")}>
          <h2 className={fr.cx("fr-h4")}>Le projet</h2>
          <p>{laureate.summary}</p>
          <h2 className={fr.cx("fr-h4")}>Bénéfices attendus</h2>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <BenefitList title="Pour les agents" items={laureate.benefitsForAgents} />
            <BenefitList title="Pour les usagers" items={laureate.benefitsForUsagers} />
          </div>
        </div>
        <aside className={fr.cx("fr-col-12", "fr-col-lg-4")} aria-labelledby="fiche-titre">
          <div
            className={fr.cx("fr-p-3w")}
            style={{ background: fr.colors.decisions.background.alt.grey.default }}
          >
            <h2 id="fiche-titre" className={fr.cx("fr-h5")}>
              Fiche
            </h2>
            <dl>
              <Fact label="Porteur du projet">
                {laureate.porteur === PORTEUR_NOT_GIVEN ? "Non précisé dans l'annonce" : laureate.porteur}
              </Fact>
              <Fact label="Ministère de rattachement">{ministryLabel(laureate)}</Fact>
              <Fact label="Territoire">{territoryLabel(laureate)}</Fact>
              <Fact label="Laboratoires et partenaires">
                {laureate.partnerLabs.length === 0
                  ? "Aucun cité dans l'annonce"
                  : laureate.partnerLabs.join(", ")}
              </Fact>
              <Fact label="Mode de financement">{fundingModeLabel(laureate)}</Fact>
              <Fact label={laureate.allocationIsDemo ? "Montant alloué (démonstration)" : "Montant alloué"}>
                {laureate.allocatedCents === null ? "Non alloué" : formatCents(laureate.allocatedCents)}
              </Fact>
              <Fact label="Source">
                {laureate.programme.sourceTitle}, {laureate.programme.sourcePublisher}, publié le{" "}
                {formatDate(laureate.programme.sourcePublishedOn)}
              </Fact>
            </dl>
          </div>
        </aside>
      </div>
    </>
  );
}

export default function LaureatePage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.laureates.bySlug.queryOptions({ slug }));
  useDocumentTitle(query.data ? query.data.title : "Lauréat");

  if (query.isPending) return <LoadingState label="Chargement du lauréat" />;
  if (query.isError) {
    if (isUnknownResource(query.error))
      return <NotFoundPage message="Ce lauréat n'existe pas ou a été retiré du portefeuille." />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <LaureateView laureate={query.data} />;
}
