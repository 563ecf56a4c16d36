import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  acceptScheduleGapSchema,
  isGapAccepted,
  rebalanceSchedule,
  REBALANCE_BLOCKERS,
  TRANCHE_KINDS,
  type ScheduleGap,
  type ScheduleRebalance,
} from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { DataTable } from "../../components/DataTable";
import { formatCents, formatDateTime, formatSignedCents } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useFormErrors } from "../../lib/use-form-errors";
import { ReasonField } from "./money-fields";
import { useIdempotencyKey } from "./use-idempotency-key";
import { useRefreshMoney } from "./use-refresh-money";

/** What the gap means, in words: the part of the allocation in no tranche, or the schedule's excess. */
export function gapSentence(gap: Pick<ScheduleGap, "gapCents">): string {
  return gap.gapCents > 0
    ? `${formatCents(gap.gapCents)} du montant alloué ne figurent dans aucune tranche.`
    : `L'échéancier prévoit ${formatCents(-gap.gapCents)} de plus que le montant alloué.`;
}

/** The gap kept by an officer, with its reason, while it is still that gap. */
export function AcceptedGapNote({ gap }: { gap: ScheduleGap }) {
  if (!gap.accepted || !isGapAccepted(gap)) return null;
  return (
    <p className={fr.cx("fr-text--sm")}>
      Écart gardé le {formatDateTime(gap.accepted.acceptedAt)}
      {gap.accepted.actorName ? ` par ${gap.accepted.actorName}` : ""}, motif : « {gap.accepted.reason} ».
    </p>
  );
}

/** The planned tranches the rebalancing changes, before and after. */
function RebalanceTable({ rebalance, caption }: { rebalance: ScheduleRebalance; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: "Tranche prévue" },
        { header: "Montant prévu actuel", numeric: true },
        { header: "Montant proposé", numeric: true },
      ]}
      rows={rebalance.changes.map((change) => ({
        key: change.position,
        cells: [
          `${change.position}. ${TRANCHE_KINDS[change.kind]}`,
          formatCents(change.fromCents),
          change.toCents === 0 ? "Retirée (0,00 €)" : formatCents(change.toCents),
        ],
      }))}
    />
  );
}

interface ScheduleGapOfferProps {
  slug: string;
  title: string;
  onDone: (message: string) => void;
}

/**
 * For an officer, the way out of a gap between the schedule and the
 * allocation: the rebalanced schedule (the latest planned tranches absorb it,
 * `rebalanceSchedule`), applied through `finance.planSchedule`; or the gap
 * kept, with its reason, through `finance.acceptScheduleGap`.
 */
export function ScheduleGapOffer({ slug, title, onDone }: ScheduleGapOfferProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const reasonId = `${baseId}-motif`;
  const finance = useQuery(trpc.finance.forLaureate.queryOptions({ slug }));
  const gapQuery = useQuery(trpc.finance.scheduleGap.queryOptions({ slug }));
  const { key } = useIdempotencyKey();
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState("");
  const fieldErrors = useFormErrors({ fields: ["reason"] as const, idOf: () => reasonId });

  const apply = useMutation(
    trpc.finance.planSchedule.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`L'échéancier de « ${title} » suit désormais le montant alloué.`);
      },
    }),
  );
  const keep = useMutation(
    trpc.finance.acceptScheduleGap.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`L'écart de l'échéancier de « ${title} » est gardé, avec son motif.`);
      },
      onError: fieldErrors.fromServer,
    }),
  );

  const gap = gapQuery.data;
  if (!gap || !finance.data || gap.gapCents === 0) return null;
  const rebalance = rebalanceSchedule(finance.data.tranches, gap.allocatedCents);

  function submitKeep(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (keep.isPending || !gap) return;
    const input = fieldErrors.check(
      acceptScheduleGapSchema.safeParse({
        laureateSlug: slug,
        gapCents: gap.gapCents,
        reason,
        idempotencyKey: key,
      }),
    );
    if (input) keep.mutate(input);
  }

  return (
    <div className={fr.cx("fr-mb-3w")}>
      {rebalance.absorbable ? (
        <>
          <RebalanceTable
            rebalance={rebalance}
            caption={`Échéancier rééquilibré proposé pour « ${title} »`}
          />
          <p className={fr.cx("fr-text--sm")}>
            Seules les tranches encore « prévues » changent : la dernière absorbe l'écart (une baisse est
            reprise sur les dernières, une tranche ramenée à 0 est retirée). Les tranches engagées dans le
            circuit ne bougent pas.
          </p>
        </>
      ) : (
        rebalance.blocker && (
          <Alert
            severity="warning"
            small
            className={fr.cx("fr-mb-2w")}
            description={`L'écart ne peut pas être absorbé par l'échéancier. ${REBALANCE_BLOCKERS[rebalance.blocker]}`}
          />
        )
      )}
      {(apply.error ?? keep.error) && (
        <ActionErrorAlert error={apply.error ?? keep.error} title="L'écart n'a pas été traité" />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        {rebalance.absorbable && (
          <li>
            <Button
              disabled={apply.isPending}
              onClick={() =>
                apply.mutate({ laureateSlug: slug, tranches: rebalance.planned, idempotencyKey: key })
              }
            >
              Appliquer l'échéancier rééquilibré <span className={fr.cx("fr-sr-only")}>de « {title} »</span>
            </Button>
          </li>
        )}
        {!keeping && (
          <li>
            <Button priority="secondary" onClick={() => setKeeping(true)}>
              Garder l'écart <span className={fr.cx("fr-sr-only")}>de « {title} »</span>
            </Button>
          </li>
        )}
      </ul>
      {keeping && (
        <form noValidate onSubmit={submitKeep} aria-label={`Garder l'écart de « ${title} »`}>
          <ReasonField
            id={reasonId}
            label={`Motif de l'écart gardé (${formatSignedCents(gap.gapCents)})`}
            hint="5 caractères au moins ; il s'affiche sur l'onglet Finances du lauréat et dans le journal."
            value={reason}
            error={fieldErrors.errors.reason}
            onChange={setReason}
          />
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
            <li>
              <Button type="submit" disabled={keep.isPending}>
                Garder l'écart avec ce motif
              </Button>
            </li>
            <li>
              <Button type="button" priority="tertiary" onClick={() => setKeeping(false)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      )}
    </div>
  );
}
