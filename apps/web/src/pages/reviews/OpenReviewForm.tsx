import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { openReviewSchema } from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { useNavigate } from "react-router";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { SavingStatus } from "../../components/Panel";
import { fieldState } from "../../lib/form-errors";
import { useFormErrors } from "../../lib/use-form-errors";
import { parisToday } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { ROUTES } from "../../routes";

const FIELD_IDS = { asOf: "ouvrir-revue-date", title: "ouvrir-revue-intitule" };

/** Opens a review: its figures are frozen as they stood at the end of the chosen day. */
export function OpenReviewForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const today = parisToday();
  const [asOf, setAsOf] = useState(today);
  const [title, setTitle] = useState("");
  const fieldErrors = useFormErrors({ fields: ["asOf", "title"], idOf: (field) => FIELD_IDS[field] });
  const { errors } = fieldErrors;
  const mutation = useMutation(
    trpc.reviews.open.mutationOptions({
      onSuccess: async (review) => {
        await queryClient.invalidateQueries({ queryKey: trpc.reviews.list.queryKey() });
        await navigate(ROUTES.review(review.id));
      },
      onError: fieldErrors.fromServer,
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = openReviewSchema.safeParse({ asOf, title });
    const input = fieldErrors.check(
      parsed,
      parsed.success && parsed.data.asOf > today
        ? { asOf: "Une revue porte sur un jour passé ou sur aujourd'hui." }
        : {},
    );
    if (input) mutation.mutate(input);
  }

  return (
    <section aria-labelledby="ouvrir-revue" className={fr.cx("fr-mb-6w")}>
      <h2 id="ouvrir-revue">Ouvrir une revue</h2>
      <p className={fr.cx("fr-text--sm")}>
        Les chiffres et les fiches des lauréats sont figés tels qu'ils étaient à la fin du jour choisi ; une
        seule revue par jour.
      </p>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="La revue n'a pas été ouverte" />}
      <form noValidate aria-labelledby="ouvrir-revue" onSubmit={submit}>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <Input
              label="État au"
              {...fieldState(errors.asOf)}
              nativeInputProps={{
                id: FIELD_IDS.asOf,
                type: "date",
                value: asOf,
                max: today,
                required: true,
                onChange: (event) => setAsOf(event.target.value),
              }}
            />
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
            <Input
              label="Intitulé"
              hintText="Par exemple : Comité de pilotage de novembre"
              {...fieldState(errors.title)}
              nativeInputProps={{
                id: FIELD_IDS.title,
                value: title,
                maxLength: 120,
                required: true,
                onChange: (event) => setTitle(event.target.value),
              }}
            />
          </div>
        </div>
        <Button type="submit" disabled={mutation.isPending}>
          Ouvrir la revue
        </Button>
        <SavingStatus saving={mutation.isPending} />
      </form>
    </section>
  );
}
