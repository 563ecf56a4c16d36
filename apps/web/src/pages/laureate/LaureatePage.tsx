import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import type { LaureateDetail } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { useCan } from "../../lib/session";
import { isUnknownResource, useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { ROUTES } from "../../routes";
import { categoryLabel, territoryLabel } from "../../features/laureates/laureate-labels";
import NotFoundPage from "../../components/NotFoundPage";
import { LaureateEditForm } from "./LaureateEditForm";
import { LaureateFacts } from "../../features/laureates/LaureateFacts";
import { FACTS_EDIT_BUTTON_ID } from "../../features/laureates/laureate-anchors";
import { useHashFocus } from "../../lib/use-hash-focus";
import { AsOfPicker } from "../../components/AsOfPicker";
import { AS_OF_PARAM } from "../../lib/use-as-of";
import { LaureateHistory } from "./LaureateHistory";

// The money and follow-up tabs have their own chunks: the record and its history load without them.
const LaureateFinances = lazy(() => import("../../features/finance/LaureateFinances"));
const LaureateProgress = lazy(() => import("../../features/progress/LaureateProgress"));
const LaureateReplication = lazy(() => import("../../features/replication/LaureateReplication"));
const LaureateImpact = lazy(() => import("../../features/impact/LaureateImpact"));

const EDIT_BUTTON_ID = FACTS_EDIT_BUTTON_ID;

/** The "Fiche" tab: the record, or its edit form for those who may change it. */
function FactsTab({ laureate }: { laureate: LaureateDetail }) {
  const canEdit = useCan("editLaureateFacts");
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const focus = usePendingFocus();
  // A link to the edit button (the controls' "Corriger") lands on it.
  useHashFocus();

  const close = (wasSaved: boolean) => {
    setEditing(false);
    setSaved(wasSaved);
    // Back where the person started, once the button is on the page again.
    focus(EDIT_BUTTON_ID);
  };

  if (editing)
    return <LaureateEditForm laureate={laureate} onSaved={() => close(true)} onCancel={() => close(false)} />;
  return (
    <>
      {saved && (
        <Alert
          className={fr.cx("fr-mb-3w")}
          severity="success"
          small
          description="La fiche a été enregistrée."
          role="status"
        />
      )}
      <LaureateFacts
        laureate={laureate}
        editAction={
          canEdit && (
            <Button
              id={EDIT_BUTTON_ID}
              priority="secondary"
              iconId="fr-icon-edit-line"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              Modifier la fiche
            </Button>
          )
        }
      />
    </>
  );
}

const TABS = [
  { tabId: "fiche", label: "Fiche" },
  { tabId: "suivi", label: "Suivi" },
  { tabId: "impact", label: "Impact" },
  { tabId: "finances", label: "Finances" },
  { tabId: "essaimage", label: "Essaimage" },
  { tabId: "historique", label: "Historique" },
];
type TabId = "fiche" | "suivi" | "impact" | "finances" | "essaimage" | "historique";

function tabOf(value: string | null): TabId {
  return value === "historique" ||
    value === "finances" ||
    value === "suivi" ||
    value === "impact" ||
    value === "essaimage"
    ? value
    : "fiche";
}

/** The address of a tab: the chosen day ("état au") stays from Finances to Suivi and back. */
function tabParams(tabId: string, current: URLSearchParams): Record<string, string> {
  const day = current.get(AS_OF_PARAM);
  return { ...(tabId === "fiche" ? {} : { onglet: tabId }), ...(day === null ? {} : { [AS_OF_PARAM]: day }) };
}

function TabContent({ tab, laureate }: { tab: TabId; laureate: LaureateDetail }) {
  if (tab === "historique") return <LaureateHistory slug={laureate.slug} />;
  if (tab === "finances")
    return (
      <>
        <AsOfPicker />
        <Suspense fallback={<LoadingState label="Chargement des finances du lauréat" />}>
          <LaureateFinances laureate={laureate} />
        </Suspense>
      </>
    );
  if (tab === "suivi")
    return (
      <>
        <AsOfPicker hint="Le suivi tel qu'il était enregistré à la fin de ce jour" />
        <Suspense fallback={<LoadingState label="Chargement du suivi du lauréat" />}>
          <LaureateProgress laureate={laureate} />
        </Suspense>
      </>
    );
  if (tab === "impact")
    return (
      <>
        <AsOfPicker hint="Les indicateurs et leurs mesures tels qu'ils étaient connus à la fin de ce jour" />
        <Suspense fallback={<LoadingState label="Chargement des indicateurs du lauréat" />}>
          <LaureateImpact laureate={laureate} />
        </Suspense>
      </>
    );
  if (tab === "essaimage")
    return (
      <Suspense fallback={<LoadingState label="Chargement de l'essaimage du lauréat" />}>
        <LaureateReplication laureate={laureate} />
      </Suspense>
    );
  return <FactsTab laureate={laureate} />;
}

function LaureateView({ laureate }: { laureate: LaureateDetail }) {
  // The open tab lives in the URL: a link can lead straight to the finances or the history.
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get("onglet"));
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
      <Tabs
        label="Sections de la page du lauréat"
        tabs={TABS}
        selectedTabId={tab}
        onTabChange={(tabId) => setParams(tabParams(tabId, params), { replace: true })}
      >
        <TabContent tab={tab} laureate={laureate} />
      </Tabs>
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
