import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  decideIndicatorProposalSchema,
  formatIndicatorValue,
  INDICATOR_SUBJECTS,
  type IndicatorItem,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { SubmitOrCancel } from "../../components/Panel";
import { fieldState } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshImpact } from "./use-refresh-impact";

const REASON_FIELDS = ["reason"] as const;

function Definition({ indicator }: { indicator: IndicatorItem }) {
  const value = (figure: number) => formatIndicatorValue(figure, indicator);
  return (
    <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
      {INDICATOR_SUBJECTS[indicator.subject]} : de {value(indicator.baselineValue)} au{" "}
      {formatDate(indicator.baselineOn)} à {value(indicator.targetValue)} au {formatDate(indicator.targetOn)}
      {indicator.proposedBy && <> — proposé par {indicator.proposedBy}</>}
    </p>
  );
}

/** An officer's answer to one proposal: « Accepter », or « Refuser » with its reason. */
function Decision({
  slug,
  indicator,
  onDecided,
}: {
  slug: string;
  indicator: IndicatorItem;
  onDecided: (message: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshImpact();
  const focus = usePendingFocus();
  const id = `proposition-${String(indicator.id)}`;
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const fieldErrors = useFormErrors({ fields: REASON_FIELDS, idOf: () => `${id}-raison` });
  const decide = useMutation(
    trpc.impact.decideProposal.mutationOptions({
      onSuccess: async (_, input) => {
        await refresh();
        onDecided(
          input.decision === "accepter"
            ? `L'indicateur « ${indicator.name} » est accepté : il est désormais suivi.`
            : `La proposition « ${indicator.name} » est refusée.`,
        );
      },
      onError: (error) => fieldErrors.fromServer(error),
    }),
  );
  const base = { laureateSlug: slug, indicatorId: indicator.id, version: indicator.version };

  function refuse(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decide.isPending) return;
    const input = fieldErrors.check(
      decideIndicatorProposalSchema.safeParse({ ...base, decision: "refuser", reason }),
    );
    if (input) decide.mutate(input);
  }

  return (
    <>
      {decide.error && <ActionErrorAlert error={decide.error} title="La proposition n'a pas été tranchée" />}
      {refusing ? (
        <form noValidate onSubmit={refuse} aria-label={`Refuser la proposition « ${indicator.name} »`}>
          <Input
            label="Raison du refus"
            hintText="Elle est montrée au sponsor qui a proposé l'indicateur."
            textArea
            {...fieldState(fieldErrors.errors.reason)}
            nativeTextAreaProps={{
              id: `${id}-raison`,
              rows: 3,
              maxLength: 1000,
              value: reason,
              "aria-invalid": fieldErrors.errors.reason ? true : undefined,
              onChange: (event) => {
                setReason(event.target.value);
                fieldErrors.clear("reason");
              },
            }}
          />
          <SubmitOrCancel
            label="Confirmer le refus"
            pending={decide.isPending}
            onCancel={() => {
              setRefusing(false);
              fieldErrors.clear();
              focus(`${id}-refuser`);
            }}
          />
        </form>
      ) : (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
          <li>
            <Button
              disabled={decide.isPending}
              onClick={() => decide.mutate({ ...base, decision: "accepter" })}
            >
              Accepter <span className={fr.cx("fr-sr-only")}>la proposition « {indicator.name} »</span>
            </Button>
          </li>
          <li>
            <Button
              id={`${id}-refuser`}
              priority="secondary"
              disabled={decide.isPending}
              onClick={() => {
                setRefusing(true);
                focus(`${id}-raison`);
              }}
            >
              Refuser <span className={fr.cx("fr-sr-only")}>la proposition « {indicator.name} »</span>
            </Button>
          </li>
        </ul>
      )}
    </>
  );
}

interface ProposalsSectionProps {
  slug: string;
  proposals: readonly IndicatorItem[];
  refusals: readonly IndicatorItem[];
  canDecide: boolean;
  onDecided: (message: string) => void;
}

/** The sponsor's proposals waiting for the DITP, and those it refused with their reason. */
export function ProposalsSection({ slug, proposals, refusals, canDecide, onDecided }: ProposalsSectionProps) {
  if (proposals.length === 0 && refusals.length === 0) return null;
  return (
    <section aria-labelledby="propositions-indicateurs" className={fr.cx("fr-mb-6w")}>
      <h3 id="propositions-indicateurs" className={fr.cx("fr-h5")}>
        Indicateurs proposés
      </h3>
      {proposals.map((indicator) => (
        <article
          key={indicator.id}
          className={fr.cx("fr-mb-3w")}
          aria-labelledby={`proposition-${String(indicator.id)}-nom`}
        >
          <h4 id={`proposition-${String(indicator.id)}-nom`} className={fr.cx("fr-h6", "fr-mb-1w")}>
            {indicator.name} — en attente de la décision de la DITP
          </h4>
          <Definition indicator={indicator} />
          {canDecide && <Decision slug={slug} indicator={indicator} onDecided={onDecided} />}
        </article>
      ))}
      {refusals.map((indicator) => (
        <article
          key={indicator.id}
          className={fr.cx("fr-mb-3w")}
          aria-labelledby={`proposition-${String(indicator.id)}-nom`}
        >
          <h4 id={`proposition-${String(indicator.id)}-nom`} className={fr.cx("fr-h6", "fr-mb-1w")}>
            {indicator.name} — refusé
          </h4>
          <Definition indicator={indicator} />
          <p className={fr.cx("fr-mb-0")}>Raison du refus : {indicator.refusalReason ?? "non précisée"}</p>
        </article>
      ))}
    </section>
  );
}
