import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { setProgrammeCalendarSchema, type ProgrammeCalendar } from "@defis/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { fieldState } from "../../lib/form-errors";
import { formatShortDate } from "../../lib/format";
import { conflictCurrentOf, errorCodeOf, useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";

const FIELDS = ["endsOn", "consumptionDeadlineOn"] as const;

/**
 * The administrator sets the programme's end and the day its envelope must
 * be consumed by: the forecast of /pilotage says what would be paid after it.
 */
export function ProgrammeCalendarSection() {
  const trpc = useTRPC();
  const headingId = useId();
  const calendar = useQuery(trpc.programme.calendar.queryOptions());
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mt-6w")}>
      <h2 id={headingId}>Calendrier du programme</h2>
      <p>
        L'annonce ne donne ni la fin du programme ni la date à laquelle l'enveloppe doit être consommée.
        L'atterrissage du pilotage dit ce qui serait versé après cette date limite.
      </p>
      {calendar.isPending && <LoadingState label="Chargement du calendrier" />}
      {calendar.isError && <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.data?.isDemo && (
        <p className={fr.cx("fr-text--sm")}>
          Les dates actuelles sont des données de démonstration : les enregistrer ici les rend officielles.
        </p>
      )}
      {calendar.data && <CalendarForm calendar={calendar.data} />}
    </section>
  );
}

/** The form keeps the version it started from: a change made meanwhile is shown, not overwritten. */
function CalendarForm({ calendar }: { calendar: ProgrammeCalendar }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endsId = useId();
  const deadlineId = useId();
  const [endsOn, setEndsOn] = useState(calendar.endsOn ?? "");
  const [deadlineOn, setDeadlineOn] = useState(calendar.consumptionDeadlineOn ?? "");
  const [version, setVersion] = useState(calendar.version);
  const [saved, setSaved] = useState<ProgrammeCalendar | null>(null);
  const fieldErrors = useFormErrors({
    fields: [...FIELDS],
    idOf: (field) => (field === "endsOn" ? endsId : deadlineId),
  });
  const save = useMutation(
    trpc.programme.setCalendar.mutationOptions({
      onSuccess: async (result) => {
        setVersion(result.version);
        setSaved(result);
        await queryClient.invalidateQueries({ queryKey: trpc.programme.calendar.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.figures.queryKey() });
      },
    }),
  );
  const conflict = errorCodeOf(save.error) === "CONFLICT";
  const current = conflict ? conflictCurrentOf(save.error) : null;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    const input = fieldErrors.check(
      setProgrammeCalendarSchema.safeParse({ endsOn, consumptionDeadlineOn: deadlineOn, version }),
    );
    if (input) save.mutate(input);
    else save.reset();
  }

  function takeCurrent() {
    if (typeof current?.version !== "number") return;
    setEndsOn(typeof current.endsOn === "string" ? current.endsOn : "");
    setDeadlineOn(typeof current.consumptionDeadlineOn === "string" ? current.consumptionDeadlineOn : "");
    setVersion(current.version);
    save.reset();
  }

  const dateInput = (
    id: string,
    field: (typeof FIELDS)[number],
    label: string,
    value: string,
    onChange: (value: string) => void,
  ) => (
    <Input
      label={label}
      {...fieldState(fieldErrors.errors[field])}
      nativeInputProps={{
        id,
        type: "date",
        value,
        "aria-invalid": fieldErrors.errors[field] ? true : undefined,
        onChange: (event) => {
          onChange(event.target.value);
          fieldErrors.clear();
        },
      }}
    />
  );

  return (
    <form aria-label="Calendrier du programme" noValidate onSubmit={submit}>
      {dateInput(endsId, "endsOn", "Fin du programme", endsOn, setEndsOn)}
      {dateInput(
        deadlineId,
        "consumptionDeadlineOn",
        "Date limite de consommation de l'enveloppe",
        deadlineOn,
        setDeadlineOn,
      )}
      <Button type="submit" disabled={save.isPending}>
        Enregistrer le calendrier
      </Button>
      <div role="status" aria-live="polite" className={fr.cx("fr-mt-2w")}>
        {save.isPending && <p>Enregistrement en cours…</p>}
        {saved?.endsOn && saved.consumptionDeadlineOn && (
          <Alert
            severity="success"
            small
            role={undefined}
            description={`Calendrier enregistré : fin le ${formatShortDate(saved.endsOn)}, enveloppe à consommer avant le ${formatShortDate(saved.consumptionDeadlineOn)}.`}
          />
        )}
      </div>
      {conflict && (
        <StaleVersionAlert
          title="Le calendrier a été modifié entre-temps"
          error={save.error}
          as="h3"
          placement="below"
          actionLabel="Reprendre les dates actuelles"
          onAction={takeCurrent}
        />
      )}
      {save.error && !conflict && (
        <ActionErrorAlert error={save.error} title="Le calendrier n'a pas été enregistré" placement="below" />
      )}
    </form>
  );
}
