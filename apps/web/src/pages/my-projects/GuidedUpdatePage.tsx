import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import type { IndicatorItem, LaureateDetail, LaureateProgress } from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { useParams } from "react-router";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { SavingStatus } from "../../components/Panel";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatMonth, parisToday, pluralize } from "../../lib/format";
import { isStaleVersion, isUnknownResource, useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { ROUTES } from "../../routes";
import NotFoundPage from "../../components/NotFoundPage";
import { useRefreshProgress } from "../../features/progress/use-refresh-progress";
import { WeatherFields } from "../../features/progress/WeatherFields";
import { useCanUpdateProgress } from "../../features/progress/use-can-update-progress";
import { dueIndicators } from "../../features/impact/due-indicators";
import {
  draftOf,
  inputOf,
  nextProjectDue,
  previousSynthesisOf,
  rebaseDraft,
  type DraftErrors,
  type GuidedUpdateDraft,
} from "./guided-update-state";
import { CommentsStep, IndicatorsStep, MilestonesStep, Summary } from "./GuidedUpdateSteps";

type Step = "Météo du mois" | "Jalons" | "Indicateurs" | "Commentaires" | "Vérification et enregistrement";
const HEADING_ID = "etape-titre";

/** The steps, « Indicateurs » only when an indicator waits for a measure. */
function stepsOf(due: readonly IndicatorItem[]): Step[] {
  return [
    "Météo du mois",
    "Jalons",
    ...(due.length > 0 ? (["Indicateurs"] as const) : []),
    "Commentaires",
    "Vérification et enregistrement",
  ];
}

/** Which step holds the first error, to take the sponsor back to it. */
function stepOfError(errors: DraftErrors): Step {
  const keys = Object.keys(errors);
  if (keys.some((key) => key.startsWith("weather"))) return "Météo du mois";
  if (keys.some((key) => key.startsWith("milestones"))) return "Jalons";
  if (keys.some((key) => key.startsWith("measures"))) return "Indicateurs";
  return "Commentaires";
}

interface GuidedUpdateProps {
  laureate: LaureateDetail;
  progress: LaureateProgress;
  /** The indicators waiting for a measure, as read when the update started. */
  due: readonly IndicatorItem[];
}

function GuidedUpdate({ laureate, progress, due }: GuidedUpdateProps) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const focus = usePendingFocus();
  const latest = useQuery(trpc.progress.forLaureate.queryOptions({ slug: laureate.slug }));
  // The projects of the person's scope, for "Mettre à jour le projet suivant" once this one is saved.
  const projects = useQuery(trpc.progress.myProjects.queryOptions());
  const [previous] = useState(() => previousSynthesisOf(progress));
  // The state the sponsor started from: a save is made on its versions, never silently on newer ones.
  const [base, setBase] = useState(progress);
  const [today] = useState(parisToday);
  const [draft, setDraft] = useState<GuidedUpdateDraft>(() => draftOf(progress, due, today));
  const [steps] = useState(() => stepsOf(due));
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<DraftErrors>({});
  const mutation = useMutation(
    trpc.progress.submitUpdate.mutationOptions({
      onSuccess: () => {
        void refresh();
        focus(HEADING_ID);
      },
      onError: (error) => {
        if (isStaleVersion(error)) void refresh();
        focus("erreur-mise-a-jour");
      },
    }),
  );

  const goTo = (next: number) => {
    setStep(next);
    focus(HEADING_ID);
  };

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (step < steps.length - 1) {
      goTo(step + 1);
      return;
    }
    const result = inputOf(laureate.slug, base, draft, due);
    if (result.errors) {
      setErrors(result.errors);
      goTo(steps.indexOf(stepOfError(result.errors)));
      return;
    }
    setErrors({});
    mutation.mutate(result.input);
  }

  if (mutation.isSuccess) {
    const measuresSent = mutation.variables.measures?.length ?? 0;
    const next = projects.data ? nextProjectDue(projects.data.rows, laureate.slug) : null;
    return (
      <>
        <h1 id={HEADING_ID} tabIndex={-1}>
          Mise à jour enregistrée
        </h1>
        <Alert
          className={fr.cx("fr-mb-3w")}
          severity="success"
          small
          description={`La météo de ${formatMonth(base.currentPeriod)}, les jalons${measuresSent > 0 ? `, ${pluralize(measuresSent, "mesure")} d'indicateur` : ""} et vos commentaires sur « ${laureate.title} » sont enregistrés.`}
        />
        <p role="status">
          {projects.isPending || projects.isFetching
            ? "Recherche du projet suivant…"
            : next
              ? `Projet suivant à mettre à jour : « ${next.title} ».`
              : "Aucun autre projet n'attend de mise à jour : tout est à jour."}
        </p>
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          {next && !projects.isFetching && (
            <li>
              <Button linkProps={{ to: ROUTES.guidedUpdate(next.laureateSlug) }}>
                Mettre à jour le projet suivant <span className={fr.cx("fr-sr-only")}>« {next.title} »</span>
              </Button>
            </li>
          )}
          <li>
            <Button priority={next ? "secondary" : "primary"} linkProps={{ to: ROUTES.myProjects }}>
              Retour à mes projets
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: ROUTES.laureateProgress(laureate.slug) }}>
              Voir le suivi du lauréat
            </Button>
          </li>
        </ul>
      </>
    );
  }

  const conflict = isStaleVersion(mutation.error);
  return (
    <>
      <h1>Mise à jour de « {laureate.title} »</h1>
      <Stepper
        currentStep={step + 1}
        stepCount={steps.length}
        title={
          <span id={HEADING_ID} tabIndex={-1}>
            {steps[step]}
          </span>
        }
        nextTitle={steps[step + 1]}
      />
      {mutation.error && (
        <div id="erreur-mise-a-jour" tabIndex={-1}>
          {conflict ? (
            <StaleVersionAlert
              title="Le suivi a été modifié pendant votre saisie"
              error={mutation.error}
              as="h2"
              actionLabel="Relire les valeurs actuelles et réappliquer mes saisies"
              actionDisabled={!latest.data}
              onAction={() => {
                if (!latest.data) return;
                setBase(latest.data);
                setDraft((before) => rebaseDraft(before, latest.data));
                mutation.reset();
                goTo(1);
              }}
            >
              <p className={fr.cx("fr-mb-2w")}>
                Rien n'a été enregistré. Vos saisies sont conservées : relisez les valeurs actuelles (jalons
                et météo ci-dessous), puis enregistrez de nouveau.
              </p>
            </StaleVersionAlert>
          ) : (
            <ActionErrorAlert error={mutation.error} title="La mise à jour n'a pas été enregistrée" />
          )}
        </div>
      )}
      <form noValidate onSubmit={submit} aria-labelledby={HEADING_ID}>
        {steps[step] === "Météo du mois" && (
          <WeatherFields
            idPrefix="meteo-guidee"
            legend={`Météo du projet pour ${formatMonth(base.currentPeriod)}`}
            values={draft.weather}
            errors={{ level: errors["weather.level"], synthesis: errors["weather.synthesis"] }}
            onChange={(weather) => setDraft((before) => ({ ...before, weather }))}
            previous={
              previous && {
                heading: `Pour mémoire : synthèse de ${formatMonth(previous.period)}`,
                text: previous.text,
              }
            }
          />
        )}
        {steps[step] === "Jalons" && (
          <MilestonesStep
            milestones={base.milestones}
            draft={draft}
            errors={errors}
            onChange={(id, values) =>
              setDraft((before) => ({ ...before, milestones: { ...before.milestones, [id]: values } }))
            }
          />
        )}
        {steps[step] === "Indicateurs" && (
          <IndicatorsStep
            due={due}
            draft={draft}
            errors={errors}
            today={today}
            onChange={(id, values) =>
              setDraft((before) => ({ ...before, measures: { ...before.measures, [id]: values } }))
            }
          />
        )}
        {steps[step] === "Commentaires" && (
          <CommentsStep
            draft={draft}
            errors={errors}
            onChange={(kind, text) =>
              setDraft((before) => ({ ...before, comments: { ...before.comments, [kind]: text } }))
            }
          />
        )}
        {steps[step] === "Vérification et enregistrement" && (
          <Summary progress={base} draft={draft} due={due} />
        )}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-3w")}>
          {step > 0 && (
            <li>
              <Button type="button" priority="secondary" onClick={() => goTo(step - 1)}>
                Étape précédente
              </Button>
            </li>
          )}
          <li>
            <Button type="submit" disabled={mutation.isPending}>
              {step < steps.length - 1 ? "Étape suivante" : "Enregistrer la mise à jour"}
            </Button>
          </li>
        </ul>
        <SavingStatus saving={mutation.isPending} />
      </form>
    </>
  );
}

/**
 * The sponsor's guided update: météo, milestones, the due indicators' measures
 * and comments, saved together in one transaction.
 */
export default function GuidedUpdatePage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const laureate = useQuery(trpc.laureates.bySlug.queryOptions({ slug }));
  const progress = useQuery(trpc.progress.forLaureate.queryOptions({ slug }));
  const impact = useQuery(trpc.impact.forLaureate.queryOptions({ slug }));
  useDocumentTitle(laureate.data ? `Mise à jour de « ${laureate.data.title} »` : "Mise à jour guidée");
  const failed = laureate.error ?? progress.error ?? impact.error;
  if (failed) {
    if (isUnknownResource(failed))
      return <NotFoundPage message="Ce lauréat n'existe pas ou a été retiré du portefeuille." />;
    return (
      <ErrorState
        error={failed}
        onRetry={() => void Promise.all([laureate.refetch(), progress.refetch(), impact.refetch()])}
      />
    );
  }
  if (!laureate.data || !progress.data || !impact.data)
    return <LoadingState label="Chargement du suivi du lauréat" />;
  return (
    <GuidedUpdateInScope
      key={slug}
      laureate={laureate.data}
      progress={progress.data}
      due={dueIndicators(impact.data.indicators)}
    />
  );
}

/**
 * A sponsor outside the laureate's scope is told so before filling anything:
 * the same rule as the server's (mayActOnLaureate), which would refuse at the end.
 */
function GuidedUpdateInScope({ laureate, progress, due }: GuidedUpdateProps) {
  const slug = laureate.slug;
  const allowed = useCanUpdateProgress(laureate);
  if (!allowed) {
    return (
      <>
        <h1>Mise à jour de « {laureate.title} »</h1>
        <Alert
          className={fr.cx("fr-mb-3w")}
          severity="info"
          title="Ce lauréat n'est pas dans votre périmètre"
          description="Vous ne pouvez mettre à jour que les lauréats de votre périmètre ; le suivi de celui-ci reste consultable. Si vous devriez le suivre, demandez à la DITP de vous l'attribuer."
        />
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button linkProps={{ to: ROUTES.myProjects }}>Mes projets</Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: ROUTES.laureateProgress(slug) }}>
              Voir le suivi du lauréat
            </Button>
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <Breadcrumb
        currentPageLabel="Mise à jour guidée"
        segments={[
          { label: "Mes projets", linkProps: { to: ROUTES.myProjects } },
          { label: laureate.title, linkProps: { to: ROUTES.laureateProgress(slug) } },
        ]}
      />
      <GuidedUpdate laureate={laureate} progress={progress} due={due} />
    </>
  );
}
