import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { LaureateDetail } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { useSession } from "../../lib/session";
import { useAsOf } from "../../lib/use-as-of";
import { useTRPC } from "../../lib/trpc";
import { ROUTES } from "../../routes";
import { DueMeasures } from "../impact/DueMeasures";
import { LaureateDecisions } from "../reviews/LaureateDecisions";
import { CommentsSection } from "./CommentsSection";
import { FreshnessTable } from "./FreshnessTable";
import { HealthPanel } from "./HealthPanel";
import { MilestonesSection } from "./MilestonesSection";
import { useCanUpdateProgress } from "./use-can-update-progress";
import { WeatherSection } from "./WeatherSection";

/**
 * The "Suivi" tab: health, freshness, milestones, météo, comments and review
 * decisions of one laureate; of a past day (`?etat-au=`), as known at its
 * end and read-only.
 */
export default function LaureateProgress({ laureate }: { laureate: LaureateDetail }) {
  const trpc = useTRPC();
  const { query: day, past } = useAsOf();
  const query = useQuery(trpc.progress.forLaureate.queryOptions({ slug: laureate.slug, ...day }));
  const canEdit = useCanUpdateProgress(laureate) && past === undefined;
  const isSponsor = useSession().user?.role === "sponsor";
  if (query.isPending) return <LoadingState label="Chargement du suivi du lauréat" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const progress = query.data;
  return (
    <>
      {canEdit && isSponsor && (
        <Button
          className={fr.cx("fr-mb-3w")}
          linkProps={{ to: ROUTES.guidedUpdate(laureate.slug) }}
          iconId="fr-icon-survey-line"
        >
          Faire la mise à jour guidée
        </Button>
      )}
      {progress.health === null ? (
        <p>
          À une date passée : jalons, météo et commentaires tels qu'ils étaient enregistrés à la fin de ce
          jour (la santé calculée, la météo à vérifier et la fraîcheur des mises à jour ne se recalculent
          qu'au jour même).
        </p>
      ) : (
        <>
          <HealthPanel health={progress.health} />
          <FreshnessTable
            parts={progress.freshness}
            lateIndicators={progress.lateIndicators}
            staleAfterDays={progress.staleAfterDays}
          />
          <DueMeasures laureate={laureate} canEdit={canEdit} />
        </>
      )}
      <MilestonesSection slug={laureate.slug} milestones={progress.milestones} canEdit={canEdit} />
      <WeatherSection
        slug={laureate.slug}
        currentPeriod={progress.currentPeriod}
        reports={progress.weather}
        canEdit={canEdit}
      />
      <CommentsSection slug={laureate.slug} comments={progress.comments} canEdit={canEdit} />
      <LaureateDecisions laureate={laureate} />
    </>
  );
}
