import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  COMMENT_KINDS,
  formatIndicatorValue,
  MILESTONE_STATUSES,
  WEATHER_LEVELS,
  type CommentKind,
  type IndicatorItem,
  type LaureateProgress,
  type MilestoneItem,
} from "@defis/domain";
import { fieldState } from "../../lib/form-errors";
import { formatDate, formatMonth, parseDecimal } from "../../lib/format";
import { MilestoneStateBadge } from "../../features/progress/progress-badges";
import { FreshnessBadge } from "../../features/impact/impact-badges";
import {
  emptyMeasure,
  MeasureFields,
  type MeasureField,
  type MeasureValues,
} from "../../features/impact/MeasureFields";
import {
  changedMilestones,
  COMMENT_KIND_KEYS,
  measuredIndicators,
  milestoneValuesOf,
  type DraftErrors,
  type GuidedUpdateDraft,
  type MilestoneValues,
} from "./guided-update-state";
import { VocabularySelect } from "../../components/VocabularySelect";

interface MilestonesStepProps {
  milestones: MilestoneItem[];
  draft: GuidedUpdateDraft;
  errors: DraftErrors;
  onChange: (milestoneId: number, values: MilestoneValues) => void;
}

/** Where each milestone stands: one fieldset per milestone, its stored state beside the sponsor's entry. */
export function MilestonesStep({ milestones, draft, errors, onChange }: MilestonesStepProps) {
  if (milestones.length === 0) {
    return (
      <p>
        Aucun jalon n'est défini pour ce lauréat : la DITP ou vous pouvez en ajouter depuis son onglet « Suivi
        ».
      </p>
    );
  }
  return (
    <>
      <p className={fr.cx("fr-text--sm")}>
        Indiquez où en est chaque jalon. Seuls les jalons que vous changez sont modifiés ; les autres sont
        confirmés tels quels.
      </p>
      {milestones.map((milestone) => {
        const values = draft.milestones[milestone.id] ?? milestoneValuesOf(milestone);
        const idOf = (field: string) => `jalon-${String(milestone.id)}-${field}`;
        const error = (field: string) => errors[`milestones.${String(milestone.id)}.${field}`];
        const update = (change: Partial<MilestoneValues>) => onChange(milestone.id, { ...values, ...change });
        return (
          <fieldset
            key={milestone.id}
            className={fr.cx("fr-fieldset", "fr-mb-3w")}
            aria-labelledby={idOf("legende")}
          >
            <legend id={idOf("legende")} className={fr.cx("fr-fieldset__legend")}>
              {milestone.title} — échéance {formatDate(milestone.dueOn)}{" "}
              <MilestoneStateBadge state={milestone.state} daysLate={milestone.daysLate} />
            </legend>
            <div className={fr.cx("fr-fieldset__element")}>
              <VocabularySelect
                id={idOf("status")}
                label="Statut"
                labels={MILESTONE_STATUSES}
                value={values.status}
                error={error("status")}
                onChange={(status) => update({ status })}
              />
              {values.status === "atteint" && (
                <Input
                  label="Atteint le"
                  {...fieldState(error("reachedOn"))}
                  nativeInputProps={{
                    id: idOf("reachedOn"),
                    type: "date",
                    value: values.reachedOn,
                    onChange: (event) => update({ reachedOn: event.target.value }),
                  }}
                />
              )}
              <Input
                label="Preuve : note (facultative)"
                {...fieldState(error("evidenceNote"))}
                nativeInputProps={{
                  id: idOf("evidenceNote"),
                  value: values.evidenceNote,
                  onChange: (event) => update({ evidenceNote: event.target.value }),
                }}
              />
              <Input
                label="Preuve : lien (facultatif)"
                hintText="Adresse commençant par https://"
                {...fieldState(error("evidenceUrl"))}
                nativeInputProps={{
                  id: idOf("evidenceUrl"),
                  type: "url",
                  value: values.evidenceUrl,
                  onChange: (event) => update({ evidenceUrl: event.target.value }),
                }}
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

interface IndicatorsStepProps {
  due: readonly IndicatorItem[];
  draft: GuidedUpdateDraft;
  errors: DraftErrors;
  today: string;
  onChange: (indicatorId: number, values: MeasureValues) => void;
}

/** A measure per indicator waiting for one: the Impact tab's fields, one fieldset per indicator. */
export function IndicatorsStep({ due, draft, errors, today, onChange }: IndicatorsStepProps) {
  return (
    <>
      <p className={fr.cx("fr-text--sm")}>
        Ces indicateurs attendent une mesure. Laissez vide la valeur d'un indicateur que vous ne pouvez pas
        mesurer aujourd'hui : il restera à mettre à jour.
      </p>
      {due.map((indicator) => {
        const values = draft.measures[indicator.id] ?? emptyMeasure(indicator, today);
        const idOf = (field: MeasureField | "legende") => `indicateur-${String(indicator.id)}-${field}`;
        const fieldErrors = Object.fromEntries(
          (["value", "measuredOn", "source", "comment"] as const).flatMap((field) => {
            const message = errors[`measures.${String(indicator.id)}.${field}`];
            return message === undefined ? [] : [[field, message]];
          }),
        );
        return (
          <fieldset
            key={indicator.id}
            className={fr.cx("fr-fieldset", "fr-mb-3w")}
            aria-labelledby={idOf("legende")}
          >
            <legend id={idOf("legende")} className={fr.cx("fr-fieldset__legend")}>
              {indicator.name} <FreshnessBadge indicator={indicator} />
            </legend>
            <div className={fr.cx("fr-fieldset__element")}>
              <MeasureFields
                indicator={indicator}
                values={values}
                errors={fieldErrors}
                idOf={idOf}
                onChange={(field, value) => onChange(indicator.id, { ...values, [field]: value })}
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

interface CommentsStepProps {
  draft: GuidedUpdateDraft;
  errors: DraftErrors;
  onChange: (kind: CommentKind, text: string) => void;
}

export function CommentsStep({ draft, errors, onChange }: CommentsStepProps) {
  return (
    <>
      <p className={fr.cx("fr-text--sm")}>
        Facultatif : laissez vide ce que vous n'avez pas à signaler ce mois-ci.
      </p>
      {COMMENT_KIND_KEYS.map((kind) => (
        <Input
          key={kind}
          label={COMMENT_KINDS[kind]}
          textArea
          {...fieldState(errors[`comments.${kind}`])}
          nativeTextAreaProps={{
            id: `commentaire-${kind}`,
            rows: 3,
            maxLength: 4000,
            value: draft.comments[kind],
            onChange: (event) => onChange(kind, event.target.value),
          }}
        />
      ))}
    </>
  );
}

/** A typed value with its unit once it reads as a number; as typed otherwise (the schema will say why). */
function typedValue(text: string, indicator: IndicatorItem): string {
  const value = parseDecimal(text);
  return Number.isNaN(value) ? text : formatIndicatorValue(value, indicator);
}

/** What will be saved, read back before saving. */
export function Summary({
  progress,
  draft,
  due,
}: {
  progress: LaureateProgress;
  draft: GuidedUpdateDraft;
  due: readonly IndicatorItem[];
}) {
  const changed = changedMilestones(draft, progress.milestones);
  const measured = measuredIndicators(draft, due);
  const comments = COMMENT_KIND_KEYS.filter((kind) => draft.comments[kind].trim() !== "");
  return (
    <dl>
      <dt className={fr.cx("fr-text--bold")}>Météo de {formatMonth(progress.currentPeriod)}</dt>
      <dd className={fr.cx("fr-ml-0", "fr-mb-2w")}>
        {draft.weather.level ? WEATHER_LEVELS[draft.weather.level] : "Non choisie"} —{" "}
        {draft.weather.synthesis || "synthèse à rédiger"}
      </dd>
      <dt className={fr.cx("fr-text--bold")}>Jalons</dt>
      <dd className={fr.cx("fr-ml-0", "fr-mb-2w")}>
        {changed.length === 0 ? (
          "Tous confirmés sans changement."
        ) : (
          <ul>
            {changed.map((milestone) => {
              const values = draft.milestones[milestone.id] ?? milestoneValuesOf(milestone);
              return (
                <li key={milestone.id}>
                  {milestone.title} : {MILESTONE_STATUSES[milestone.status]} →{" "}
                  {MILESTONE_STATUSES[values.status]}
                  {values.status === "atteint" && values.reachedOn && <> le {formatDate(values.reachedOn)}</>}
                </li>
              );
            })}
          </ul>
        )}
      </dd>
      {due.length > 0 && (
        <>
          <dt className={fr.cx("fr-text--bold")}>Mesures des indicateurs</dt>
          <dd className={fr.cx("fr-ml-0", "fr-mb-2w")}>
            {measured.length === 0 ? (
              "Aucune mesure saisie."
            ) : (
              <ul>
                {measured.map(({ indicator, values }) => (
                  <li key={indicator.id}>
                    {indicator.name} : {typedValue(values.value, indicator)} au{" "}
                    {values.measuredOn ? formatDate(values.measuredOn) : "jour à préciser"}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
      <dt className={fr.cx("fr-text--bold")}>Commentaires</dt>
      <dd className={fr.cx("fr-ml-0")}>
        {comments.length === 0 ? (
          "Aucun nouveau commentaire."
        ) : (
          <ul>
            {comments.map((kind) => (
              <li key={kind}>
                {COMMENT_KINDS[kind]} : {draft.comments[kind]}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
