import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { FollowUpRow, SponsorContact } from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { fieldState } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { usePendingFocus } from "../../lib/use-pending-focus";

/**
 * A laureate nobody covers, given to an existing sponsor: the laureate is
 * added to their scope. Creating a sponsor's account stays the administrator's.
 */
export function AssignSponsor({
  row,
  sponsors,
  onAssigned,
}: {
  row: FollowUpRow;
  sponsors: SponsorContact[];
  /** The laureate leaves the list once it has a sponsor: the page says so, since this form goes. */
  onAssigned: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const focus = usePendingFocus();
  const [sponsorId, setSponsorId] = useState("");
  const [missing, setMissing] = useState(false);
  const assign = useMutation(
    trpc.users.assignSponsor.mutationOptions({
      onSuccess: async (assigned) => {
        onAssigned(`« ${row.title} » est maintenant suivi par ${assigned.sponsorName}.`);
        await queryClient.invalidateQueries({ queryKey: trpc.progress.toChase.queryKey() });
      },
    }),
  );
  const selectId = `sponsor-de-${row.laureateSlug}`;
  if (sponsors.length === 0) {
    return (
      <p className={fr.cx("fr-text--sm")}>
        Aucun compte sponsor n'est actif : demandez à un administrateur d'en créer un.
      </p>
    );
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (assign.isPending) return;
    if (sponsorId === "") {
      setMissing(true);
      focus(selectId);
      return;
    }
    setMissing(false);
    assign.mutate({ laureateSlug: row.laureateSlug, sponsorId: Number(sponsorId) });
  }

  return (
    <form noValidate onSubmit={submit} aria-label={`Attribuer un sponsor à « ${row.title} »`}>
      <Select
        label={
          <>
            Sponsor à désigner <span className={fr.cx("fr-sr-only")}>pour « {row.title} »</span>
          </>
        }
        hint="Le lauréat est ajouté à son périmètre."
        {...fieldState(missing ? "Choisissez un sponsor." : undefined)}
        nativeSelectProps={{
          id: selectId,
          value: sponsorId,
          onChange: (event) => setSponsorId(event.target.value),
        }}
      >
        <option value="">Choisir un sponsor</option>
        {sponsors.map((sponsor) => (
          <option key={sponsor.id} value={String(sponsor.id)}>
            {sponsor.displayName}
          </option>
        ))}
      </Select>
      <Button type="submit" size="small" disabled={assign.isPending}>
        Attribuer <span className={fr.cx("fr-sr-only")}>« {row.title} »</span>
      </Button>
      {assign.error && (
        <ActionErrorAlert error={assign.error} title="Le sponsor n'a pas été attribué" placement="below" />
      )}
    </form>
  );
}
