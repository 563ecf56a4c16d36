import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  ADOPTION_STAGES,
  ASSET_KINDS,
  assetGaps,
  nextAdoptionStages,
  REPLICATION_CRITERIA,
  REPLICATION_CRITERION_KEYS,
  REPLICATION_INDEX_FORMULA,
  scopeCovers,
  SUGGESTION_RULE,
  type AdoptionItem,
  type LaureateDetail,
  type LaureateReplication as Replication,
  type ReusableAssetItem,
} from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable } from "../../components/DataTable";
import { EmptyState, ErrorState, LoadingState } from "../../components/QueryStates";
import { formatCount, formatDate, formatDateTime } from "../../lib/format";
import { useCan, useSession } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { ROUTES } from "../../routes";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { AdoptionForm } from "./AdoptionForm";
import { AdoptionStepForm, type AdoptionStep } from "./AdoptionStepForm";
import { AdoptionsTable } from "./AdoptionsTable";
import { AssetForm } from "./AssetForm";
import { ClosureForm } from "./ClosureForm";
import { indexLabel, regionName } from "./replication-labels";
import { useRefreshReplication } from "./replication-form";
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
const stepButtonId = (adoption: AdoptionItem, to: string) => `adoption-${adoption.id}-${to}`;

function stepButtonText(to: AdoptionStep): string {
  return to === "abandonnee" ? "Abandonner" : `Passer à « ${ADOPTION_STAGES[to]} »`;
}

function Scorecards({ replication }: { replication: Replication }) {
  const [current, ...history] = replication.scorecards;
  if (!current) return <p>Ce lauréat n'a pas encore de grille d'essaimage. {REPLICATION_INDEX_FORMULA}.</p>;
  return (
    <>
      <p className={fr.cx("fr-text--lg", "fr-mb-1w")}>
        <strong>Indice de potentiel : {indexLabel(current.index)}</strong>
        {current.isDemo && (
          <>
            {" "}
            <Badge small severity="new" as="span">
              Démonstration
            </Badge>
          </>
        )}
      </p>
      <p className={fr.cx("fr-text--sm")}>
        {REPLICATION_INDEX_FORMULA}. Grille remplie le {formatDateTime(current.scoredAt)}
        {current.scoredBy ? ` par ${current.scoredBy}` : ""}, avec {current.sponsorName}.
      </p>
      <DataTable
        caption="Grille d'essaimage en vigueur"
        columns={[
          { header: "Critère" },
          { header: "Note sur 4", numeric: true },
          { header: "Justification" },
        ]}
        rows={REPLICATION_CRITERION_KEYS.map((criterion) => ({
          key: criterion,
          cells: [
            REPLICATION_CRITERIA[criterion],
            formatCount(current.criteria[criterion].score),
            current.criteria[criterion].justification,
          ],
        }))}
      />
      {history.length > 0 && (
        <DataTable
          caption="Grilles précédentes"
          columns={[
            { header: "Date" },
            { header: "Par" },
            { header: "Avec le sponsor" },
            { header: "Indice", numeric: true },
          ]}
          rows={history.map((card) => ({
            key: card.id,
            cells: [
              formatDateTime(card.scoredAt),
              card.scoredBy ?? "Démonstration",
              card.sponsorName,
              indexLabel(card.index),
            ],
          }))}
        />
      )}
    </>
  );
}

function assetLink(asset: ReusableAssetItem) {
  if (asset.kind === "contact")
    return <a href={`mailto:${asset.contactEmail ?? ""}`}>{asset.contactEmail}</a>;
  return (
    <a href={asset.url ?? ""} target="_blank" rel="noreferrer" title={`${asset.label} - nouvelle fenêtre`}>
      {asset.url}
    </a>
  );
}

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
        <Scorecards replication={replication} />
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
                    <ul className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline")}>
                      {nextAdoptionStages(adoption.stage).map((to) => (
                        <li key={to}>
                          <Button
                            id={stepButtonId(adoption, to)}
                            size="small"
                            priority={to === "abandonnee" ? "tertiary" : "secondary"}
                            nativeButtonProps={{
                              "aria-label": `${stepButtonText(to as AdoptionStep)} : ${adoption.organisation}`,
                            }}
                            onClick={() =>
                              open(
                                { kind: "step", adoption, to: to as AdoptionStep },
                                stepButtonId(adoption, to),
                              )
                            }
                          >
                            {stepButtonText(to as AdoptionStep)}
                          </Button>
                        </li>
                      ))}
                      <li>
                        <Button
                          id={stepButtonId(adoption, "modifier")}
                          size="small"
                          priority="tertiary"
                          nativeButtonProps={{ "aria-label": `Modifier : ${adoption.organisation}` }}
                          onClick={() =>
                            open({ kind: "adoption", adoption }, stepButtonId(adoption, "modifier"))
                          }
                        >
                          Modifier
                        </Button>
                      </li>
                    </ul>
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
          <DataTable
            caption="Ressources réutilisables"
            columns={[
              { header: "Ressource" },
              { header: "Type" },
              { header: "Adresse" },
              ...(canManage ? [{ header: "Action" }] : []),
            ]}
            rows={replication.assets.map((asset) => ({
              key: asset.id,
              cells: [
                <>
                  {asset.label}
                  {asset.isDemo && (
                    <>
                      {" "}
                      <Badge small severity="new" as="span">
                        Démonstration
                      </Badge>
                    </>
                  )}
                </>,
                ASSET_KINDS[asset.kind],
                assetLink(asset),
                ...(canManage
                  ? [
                      <Button
                        key="retirer"
                        size="small"
                        priority="tertiary"
                        nativeButtonProps={{ "aria-label": `Retirer : ${asset.label}` }}
                        disabled={removal.isPending}
                        onClick={() =>
                          removal.mutate({ laureateSlug: slug, assetId: asset.id, version: asset.version })
                        }
                      >
                        Retirer
                      </Button>,
                    ]
                  : []),
              ],
            }))}
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

      <section aria-labelledby="essaimage-pistes">
        <h2 id="essaimage-pistes">Pistes d'essaimage</h2>
        <p className={fr.cx("fr-text--sm")}>Règle : {SUGGESTION_RULE}</p>
        {replication.suggestions.laureates.length === 0 ? (
          <EmptyState title="Aucune piste">
            Aucun autre lauréat ne partage la catégorie ou assez de thèmes avec celui-ci.
          </EmptyState>
        ) : (
          <>
            <h3 className={fr.cx("fr-h6")}>Lauréats aux thèmes proches</h3>
            <ul>
              {replication.suggestions.laureates.map((suggestion) => (
                <li key={suggestion.slug}>
                  <Link to={ROUTES.laureateReplication(suggestion.slug)}>{suggestion.title}</Link> —{" "}
                  {formatCount(suggestion.score)} points
                  {suggestion.sameCategory ? " : même catégorie" : ""}
                  {suggestion.sharedThemes.length > 0
                    ? `${suggestion.sameCategory ? "," : " :"} thèmes communs (${suggestion.sharedThemes.join(", ")})`
                    : ""}
                </li>
              ))}
            </ul>
            <h3 className={fr.cx("fr-h6")}>Territoires à démarcher</h3>
            {replication.suggestions.territories.length === 0 ? (
              <p>Les régions des lauréats proches ont déjà une adoption ou sont celle du lauréat.</p>
            ) : (
              <ul>
                {replication.suggestions.territories.map((territory) => (
                  <li key={territory.regionCode}>
                    {regionName(territory.regionCode)}, où agit
                    {territory.throughLaureates.length > 1 ? "ssent" : ""}{" "}
                    {territory.throughLaureates.join(", ")}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}
