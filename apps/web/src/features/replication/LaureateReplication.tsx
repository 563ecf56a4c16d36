import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { assetGaps, scopeCovers, type AdoptionItem, type LaureateDetail } from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatDate } from "../../lib/format";
import { useCan, useSession } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { AdoptionActions, adoptionActionId } from "./AdoptionActions";
import { AdoptionForm } from "./AdoptionForm";
import { AdoptionStepForm, type AdoptionStep } from "./AdoptionStepForm";
import { AdoptionsTable } from "./AdoptionsTable";
import { AssetForm } from "./AssetForm";
import { ClosureForm } from "./ClosureForm";
import { useRefreshReplication } from "./replication-form";
import { ReplicationScorecards } from "./ReplicationScorecards";
import { ReplicationSuggestions } from "./ReplicationSuggestions";
import { ReusableAssetsTable } from "./ReusableAssetsTable";
import { ScorecardForm } from "./ScorecardForm";

type Panel =
  | { kind: "score" }
  | { kind: "adoption"; adoption?: AdoptionItem }
  | { kind: "step"; adoption: AdoptionItem; to: AdoptionStep }
  | { kind: "asset" }
  | { kind: "closure" };

const SCORE_BUTTON_ID = "essaimage-noter";
const ADOPTION_BUTTON_ID = "essaimage-adoption";
const ASSET_BUTTON_ID = "essaimage-ressource";
const CLOSURE_BUTTON_ID = "essaimage-cloturer";

/** The "Essaimage" tab of a laureate: scorecards, adoptions, closure kit and suggestions. */
export default function LaureateReplication({ laureate }: { laureate: LaureateDetail }) {
  const trpc = useTRPC();
  const { user } = useSession();
  const canScore = useCan("scoreReplication");
  const canClose = useCan("closeLaureate");
  const canManageRole = useCan("manageAdoptions");
  // The server checks a sponsor's scope; the page offers nothing it would refuse.
  const canManage = canManageRole && (user?.role !== "sponsor" || scopeCovers(user.scope, laureate));
  const query = useQuery(trpc.replication.forLaureate.queryOptions({ slug: laureate.slug }));
  const { panel, notice, open, close, finish, clearNotice } = useSectionPanel<Panel>();
  const refresh = useRefreshReplication();
  const removal = useMutation(
    trpc.replication.removeAsset.mutationOptions({
      onSuccess: async () => {
        await refresh();
        finish("Ressource retirée du kit de clôture.", ASSET_BUTTON_ID);
      },
    }),
  );

  if (query.isPending) return <LoadingState label="Chargement de l'essaimage du lauréat" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const replication = query.data;
  // The lessons are written in the closure form itself: only missing assets hold the button back.
  const gaps = assetGaps(replication.assets.map((asset) => asset.kind));
  const slug = laureate.slug;

  return (
    <>
      <SectionNotice notice={notice} onClose={clearNotice} />
      <section aria-labelledby="essaimage-grille">
        <h2 id="essaimage-grille">Potentiel d'essaimage</h2>
        <ReplicationScorecards replication={replication} />
        {canScore && panel?.kind !== "score" && (
          <Button
            id={SCORE_BUTTON_ID}
            iconId="fr-icon-edit-line"
            priority="secondary"
            className={fr.cx("fr-mb-3w")}
            onClick={() => open({ kind: "score" }, SCORE_BUTTON_ID)}
          >
            {replication.scorecards.length === 0 ? "Noter le lauréat" : "Noter à nouveau"}
          </Button>
        )}
        {panel?.kind === "score" && (
          <ScorecardForm
            slug={slug}
            current={replication.scorecards[0] ?? null}
            onDone={finish}
            onCancel={close}
          />
        )}
      </section>

      <section aria-labelledby="essaimage-adoptions">
        <h2 id="essaimage-adoptions">Adoptions</h2>
        {canManage && panel?.kind !== "adoption" && (
          <Button
            id={ADOPTION_BUTTON_ID}
            iconId="fr-icon-add-line"
            priority="secondary"
            className={fr.cx("fr-mb-3w")}
            onClick={() => open({ kind: "adoption" }, ADOPTION_BUTTON_ID)}
          >
            Enregistrer une adoption
          </Button>
        )}
        {panel?.kind === "adoption" && (
          <AdoptionForm
            key={panel.adoption?.id ?? "nouvelle"}
            slug={slug}
            adoption={panel.adoption}
            onDone={finish}
            onCancel={close}
          />
        )}
        {panel?.kind === "step" && (
          <AdoptionStepForm
            key={`${panel.adoption.id}-${panel.to}`}
            slug={slug}
            adoption={panel.adoption}
            to={panel.to}
            onDone={(message) => finish(message, ADOPTION_BUTTON_ID)}
            onCancel={close}
          />
        )}
        {replication.adoptions.length === 0 ? (
          <p>
            Aucune administration ni aucun territoire n'a encore été identifié pour reprendre cette solution.
          </p>
        ) : (
          <AdoptionsTable
            caption={`Administrations et territoires qui reprennent « ${laureate.title} »`}
            adoptions={replication.adoptions}
            actions={
              canManage
                ? (adoption) => (
                    <AdoptionActions
                      adoption={adoption}
                      onAction={(action) =>
                        open(
                          action === "modifier"
                            ? { kind: "adoption", adoption }
                            : { kind: "step", adoption, to: action },
                          adoptionActionId(adoption, action),
                        )
                      }
                    />
                  )
                : undefined
            }
          />
        )}
      </section>

      <section aria-labelledby="essaimage-cloture">
        <h2 id="essaimage-cloture">Kit de clôture</h2>
        <p>
          Avant sa clôture, un lauréat laisse de quoi reprendre sa solution : au moins une ressource
          réutilisable (dépôt de code, guide de méthode, document ou contrat), une personne à contacter et ses
          enseignements.
        </p>
        {replication.closure && (
          <div className={fr.cx("fr-callout", "fr-mb-3w")}>
            <h3 className={fr.cx("fr-callout__title")}>
              Lauréat clôturé le {formatDate(replication.closure.closedOn)}
            </h3>
            <p className={fr.cx("fr-callout__text")}>{replication.closure.lessonsLearned}</p>
            {replication.closure.closedBy && (
              <p className={fr.cx("fr-text--sm")}>Clôture par {replication.closure.closedBy}.</p>
            )}
          </div>
        )}
        {removal.error && <ActionErrorAlert error={removal.error} title="La ressource n'a pas été retirée" />}
        {replication.assets.length === 0 ? (
          <p>Aucune ressource réutilisable n'est encore enregistrée.</p>
        ) : (
          <ReusableAssetsTable
            assets={replication.assets}
            removing={removal.isPending}
            onRemove={
              canManage
                ? (asset) => removal.mutate({ laureateSlug: slug, assetId: asset.id, version: asset.version })
                : undefined
            }
          />
        )}
        {canManage && panel?.kind !== "asset" && (
          <Button
            id={ASSET_BUTTON_ID}
            iconId="fr-icon-add-line"
            priority="secondary"
            className={fr.cx("fr-mb-3w")}
            onClick={() => open({ kind: "asset" }, ASSET_BUTTON_ID)}
          >
            Ajouter une ressource
          </Button>
        )}
        {panel?.kind === "asset" && <AssetForm slug={slug} onDone={finish} onCancel={close} />}
        {!replication.closure && canClose && (
          <>
            {gaps.length > 0 ? (
              <p className={fr.cx("fr-text--sm")}>
                Pour clôturer ce lauréat, il manque encore : {gaps.join(", ")}.
              </p>
            ) : (
              panel?.kind !== "closure" && (
                <Button
                  id={CLOSURE_BUTTON_ID}
                  iconId="fr-icon-check-line"
                  className={fr.cx("fr-mb-3w")}
                  onClick={() => open({ kind: "closure" }, CLOSURE_BUTTON_ID)}
                >
                  Clôturer le lauréat
                </Button>
              )
            )}
            {panel?.kind === "closure" && (
              <ClosureForm
                slug={slug}
                onDone={(message) => finish(message, ASSET_BUTTON_ID)}
                onCancel={close}
              />
            )}
          </>
        )}
      </section>

      <ReplicationSuggestions suggestions={replication.suggestions} />
    </>
  );
}
