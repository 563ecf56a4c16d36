import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  currentWeatherSchema,
  declareWeatherSchema,
  WEATHER_LEVELS,
  type WeatherReportItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { DataTable } from "../../components/DataTable";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { useFormErrors } from "../../lib/use-form-errors";
import { formatDateTime, formatMonth } from "../../lib/format";
import { conflictCurrentOf, isStaleVersion, useTRPC } from "../../lib/trpc";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { WeatherBadge } from "./progress-badges";
import { useRefreshProgress } from "./use-refresh-progress";
import { firstLevelId, WeatherFields, type WeatherValues } from "./WeatherFields";

const OPEN_BUTTON_ID = "declarer-meteo";
const FORM_PREFIX = "meteo";
const SYNTHESIS_ID = `${FORM_PREFIX}-synthese`;

interface WeatherFormProps {
  slug: string;
  period: string;
  report: WeatherReportItem | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function WeatherForm({ slug, period, report, onDone, onCancel }: WeatherFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const headingId = `${FORM_PREFIX}-titre`;
  const focus = usePendingFocus(headingId);
  const [values, setValues] = useState<WeatherValues>({
    level: report?.level ?? "",
    synthesis: report?.synthesis ?? "",
  });
  const [version, setVersion] = useState(report?.version ?? 0);
  const fieldErrors = useFormErrors({
    fields: ["level", "synthesis"],
    idOf: (field) => (field === "level" ? firstLevelId(FORM_PREFIX) : SYNTHESIS_ID),
  });
  const mutation = useMutation(
    trpc.progress.declareWeather.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`La météo de ${formatMonth(period)} a été enregistrée.`);
      },
      onError: (error) => {
        if (isStaleVersion(error)) void refresh();
        fieldErrors.fromServer(error);
      },
    }),
  );
  const parsedCurrent = currentWeatherSchema.safeParse(conflictCurrentOf(mutation.error));
  const current = isStaleVersion(mutation.error) && parsedCurrent.success ? parsedCurrent.data : null;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const input = fieldErrors.check(
      declareWeatherSchema.safeParse({ laureateSlug: slug, period, version, ...values }),
    );
    if (input) mutation.mutate(input);
  }

  return (
    <Panel headingId={headingId} title={`Météo de ${formatMonth(period)}`}>
      {current && (
        <StaleVersionAlert
          title="La météo a été déclarée ou modifiée entre-temps"
          error={mutation.error}
          as="h4"
          actionLabel="Garder ma saisie et l'enregistrer sur la version actuelle"
          onAction={() => {
            setVersion(current.version);
            mutation.reset();
            focus(SYNTHESIS_ID);
          }}
        >
          {current.level && (
            <p className={fr.cx("fr-mb-2w")}>
              Valeur actuelle : {WEATHER_LEVELS[current.level]} — « {current.synthesis} »
            </p>
          )}
        </StaleVersionAlert>
      )}
      {mutation.error && !current && (
        <ActionErrorAlert error={mutation.error} title="La météo n'a pas été enregistrée" />
      )}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <WeatherFields
          idPrefix={FORM_PREFIX}
          legend="Météo du projet"
          values={values}
          errors={fieldErrors.errors}
          onChange={setValues}
        />
        <SubmitOrCancel label="Enregistrer la météo" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}

interface WeatherSectionProps {
  slug: string;
  currentPeriod: string;
  reports: WeatherReportItem[];
  canEdit: boolean;
}

/** This month's météo, a way to declare it, and the history of past periods. */
export function WeatherSection({ slug, currentPeriod, reports, canEdit }: WeatherSectionProps) {
  const focus = usePendingFocus();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const current = reports.find((report) => report.period === currentPeriod) ?? null;
  const close = (done: string | null) => {
    setEditing(false);
    setMessage(done);
    focus(OPEN_BUTTON_ID);
  };
  return (
    <section aria-labelledby="meteo" className={fr.cx("fr-mb-4w")}>
      <h3 id="meteo" className={fr.cx("fr-h5")}>
        Météo
      </h3>
      {message && (
        <Alert className={fr.cx("fr-mb-2w")} severity="success" small description={message} role="status" />
      )}
      {editing ? (
        <WeatherForm
          slug={slug}
          period={currentPeriod}
          report={current}
          onDone={close}
          onCancel={() => close(null)}
        />
      ) : (
        <>
          <p>
            {formatMonth(currentPeriod)} :{" "}
            {current ? <WeatherBadge level={current.level} /> : "météo pas encore déclarée."}
          </p>
          {canEdit && (
            <Button
              id={OPEN_BUTTON_ID}
              className={fr.cx("fr-mb-3w")}
              priority="secondary"
              iconId="fr-icon-edit-line"
              onClick={() => {
                setMessage(null);
                setEditing(true);
              }}
            >
              {current
                ? `Modifier la météo de ${formatMonth(currentPeriod)}`
                : `Déclarer la météo de ${formatMonth(currentPeriod)}`}
            </Button>
          )}
        </>
      )}
      {reports.length > 0 && (
        <DataTable
          caption="Historique de la météo par période"
          columns={[
            { header: "Période" },
            { header: "Météo" },
            { header: "Synthèse" },
            { header: "Déclarée" },
          ]}
          rows={reports.map((report) => ({
            key: report.period,
            cells: [
              formatMonth(report.period),
              <WeatherBadge key="niveau" level={report.level} />,
              report.synthesis,
              <>
                {formatDateTime(report.updatedAt)}
                {report.updatedBy && (
                  <p className={fr.cx("fr-text--xs", "fr-mb-0")}>{report.updatedBy.displayName}</p>
                )}
              </>,
            ],
          }))}
        />
      )}
    </section>
  );
}
