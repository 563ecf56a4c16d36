import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  nextTrancheStatuses,
  plannedTotalCents,
  TRANCHE_KINDS,
  trancheDaysLate,
  trancheStepRefusal,
  type LaureateFinance,
  type TrancheItem,
} from "@defis/domain";
import { EmptyState } from "../../components/QueryStates";
import { ReasonedButton } from "../../components/ReasonedButton";
import { HelpLink } from "../../components/HelpLink";
import { formatCents, formatShortDate, parisToday } from "../../lib/format";
import { DataTable, type TableColumn } from "../../components/DataTable";
import {
  lateLabel,
  STATUS_SEVERITIES,
  statusLabel,
  STEP_ACTIONS,
  trancheName,
  type TrancheStep,
} from "./finance-labels";
import { FINANCE_SECTION_IDS } from "./finance-anchors";
import { SchedulePlanner } from "./SchedulePlanner";
import { TrancheGateForm } from "./TrancheGateForm";
import { TrancheStepForm } from "./TrancheStepForm";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";

type SchedulePanel =
  | { kind: "step"; trancheId: number; to: TrancheStep }
  | { kind: "gate"; trancheId: number }
  | { kind: "plan"; mode: "propose" | "edit" };

const stepButtonId = (tranche: TrancheItem, to: TrancheStep) => `tranche-${tranche.id}-${to}`;
const gateButtonId = (tranche: TrancheItem) => `tranche-${tranche.id}-jalon`;
const HEADING_ID = FINANCE_SECTION_IDS.echeancier;
const PROPOSE_BUTTON_ID = "echeancier-proposer";
const EDIT_BUTTON_ID = "echeancier-modifier";

/** The milestone "service fait" waits for, and whether it is reached. */
function GateCell({ tranche }: { tranche: TrancheItem }) {
  const gate = tranche.gatingMilestone;
  if (!gate) return <>Aucun</>;
  return (
    <>
      {gate.title}{" "}
      <Badge as="span" small severity={gate.reached ? "success" : "warning"}>
        {gate.reached ? "atteint" : "non atteint"}
      </Badge>
    </>
  );
}

/** The status, and how late the tranche is when its planned date has passed unpaid. */
function StatusCell({ tranche, today }: { tranche: TrancheItem; today: string }) {
  const daysLate = trancheDaysLate(tranche, today);
  return (
    <>
      <Badge as="span" small severity={STATUS_SEVERITIES[tranche.status]}>
        {statusLabel(tranche.status)}
      </Badge>
      {daysLate > 0 && (
        <>
          {" "}
          <Badge as="span" small severity="error">
            {lateLabel(daysLate).toLowerCase()}
          </Badge>
        </>
      )}
    </>
  );
}

/** Each dated step the tranche went through, with its reference or reason. */
function StepsCell({ tranche }: { tranche: TrancheItem }) {
  const steps: string[] = [];
  if (tranche.serviceFaitOn) steps.push(`Service fait le ${formatShortDate(tranche.serviceFaitOn)}`);
  if (tranche.paymentRequestedOn)
    steps.push(
      `Demande de paiement le ${formatShortDate(tranche.paymentRequestedOn)}${
        tranche.paymentRequestReference ? ` (DP n° ${tranche.paymentRequestReference})` : ""
      }`,
    );
  if (tranche.paidOn) steps.push(`Payée le ${formatShortDate(tranche.paidOn)}`);
  if (tranche.cancelledOn)
    steps.push(
      `Annulée le ${formatShortDate(tranche.cancelledOn)}${
        tranche.cancellationReason ? ` : ${tranche.cancellationReason}` : ""
      }`,
    );
  if (steps.length === 0) return <>Aucune étape</>;
  return (
    <ul className={fr.cx("fr-raw-list", "fr-text--sm", "fr-mb-0")}>
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ul>
  );
}

interface TrancheScheduleProps {
  slug: string;
  finance: LaureateFinance;
  canManage: boolean;
  asOf: string;
}

/** The payment schedule: tranches, their steps, and for officers the next step of each in one click. */
export function TrancheSchedule({ slug, finance, canManage, asOf }: TrancheScheduleProps) {
  const section = useSectionPanel<SchedulePanel>(HEADING_ID);
  const { tranches, allocation } = finance;
  const panel = section.panel;
  const stepTranche =
    panel?.kind === "step" ? tranches.find((tranche) => tranche.id === panel.trancheId) : undefined;
  const gateTranche =
    panel?.kind === "gate" ? tranches.find((tranche) => tranche.id === panel.trancheId) : undefined;
  const today = parisToday();
  const plannedCents = plannedTotalCents(tranches);

  const columns: TableColumn[] = [
    { header: "Tranche" },
    { header: "Montant prévu", numeric: true },
    { header: "Date prévue" },
    { header: "Statut" },
    { header: "Jalon requis" },
    { header: "Étapes" },
  ];
  if (canManage) columns.push({ header: "Étape suivante" });

  return (
    <section aria-labelledby={HEADING_ID} className={fr.cx("fr-mb-6w")}>
      <h2 id={HEADING_ID} tabIndex={-1} className={fr.cx("fr-h4")}>
        Échéancier
      </h2>
      <p className={fr.cx("fr-text--sm")}>
        Chaque tranche avance pas à pas : service fait, demande de paiement, payé.
        <HelpLink term="tranche">Qu'est-ce qu'une tranche ?</HelpLink>
        <HelpLink term="service-fait">Qu'est-ce que le service fait ?</HelpLink>
      </p>
      <SectionNotice notice={section.notice} onClose={section.clearNotice} />
      {tranches.length === 0 ? (
        <EmptyState title="Aucune tranche planifiée">
          {canManage && allocation
            ? "Proposez un échéancier : avance, acomptes et solde, à ajuster avant de l'enregistrer."
            : "L'échéancier de ce lauréat n'a pas encore été planifié."}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`Tranches de l'échéancier, ${asOf}`}
            columns={columns}
            rows={tranches.map((tranche) => {
              const cells = [
                `${tranche.position}. ${TRANCHE_KINDS[tranche.kind]}`,
                formatCents(tranche.plannedAmountCents),
                formatShortDate(tranche.plannedOn),
                <StatusCell key="status" tranche={tranche} today={today} />,
                <GateCell key="gate" tranche={tranche} />,
                <StepsCell key="steps" tranche={tranche} />,
              ];
              if (canManage) {
                const next = nextTrancheStatuses(tranche.status) as TrancheStep[];
                cells.push(
                  next.length === 0 ? (
                    "—"
                  ) : (
                    <ul
                      key="actions"
                      className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline")}
                    >
                      {next.map((to) => (
                        <li key={to}>
                          {/* A step the server would refuse (no commitment, milestone not reached) shows why, disabled. */}
                          <ReasonedButton
                            id={stepButtonId(tranche, to)}
                            size="small"
                            priority={to === "annule" ? "tertiary" : "secondary"}
                            reason={trancheStepRefusal(to, tranche.gatingMilestone, finance.funding)}
                            ariaExpanded={
                              panel?.kind === "step" && panel.trancheId === tranche.id && panel.to === to
                            }
                            onClick={() =>
                              section.open(
                                { kind: "step", trancheId: tranche.id, to },
                                stepButtonId(tranche, to),
                              )
                            }
                          >
                            {STEP_ACTIONS[to]}{" "}
                            <span className={fr.cx("fr-sr-only")}>: {trancheName(tranche)}</span>
                          </ReasonedButton>
                        </li>
                      ))}
                      {tranche.status === "prevu" && (
                        <li>
                          <Button
                            size="small"
                            priority="tertiary"
                            nativeButtonProps={{
                              id: gateButtonId(tranche),
                              "aria-expanded": panel?.kind === "gate" && panel.trancheId === tranche.id,
                            }}
                            onClick={() =>
                              section.open({ kind: "gate", trancheId: tranche.id }, gateButtonId(tranche))
                            }
                          >
                            Jalon requis <span className={fr.cx("fr-sr-only")}>: {trancheName(tranche)}</span>
                          </Button>
                        </li>
                      )}
                    </ul>
                  ),
                );
              }
              return { key: tranche.id, cells };
            })}
          />
          <p className={fr.cx("fr-text--sm")}>
            Total prévu, tranches annulées exceptées : {formatCents(plannedCents)}
            {allocation && <> sur {formatCents(allocation.amountCents)} alloués</>}.
          </p>
        </>
      )}
      {canManage && stepTranche && panel?.kind === "step" && (
        <TrancheStepForm
          key={`${stepTranche.id}-${panel.to}`}
          tranche={stepTranche}
          to={panel.to}
          slug={slug}
          onDone={(message) => {
            // The tranche moved on: its next step's button (or the schedule) takes the focus.
            const [next] = nextTrancheStatuses(panel.to) as TrancheStep[];
            section.finish(message, next ? stepButtonId(stepTranche, next) : HEADING_ID);
          }}
          onCancel={section.close}
        />
      )}
      {canManage && gateTranche && panel?.kind === "gate" && (
        <TrancheGateForm
          key={gateTranche.id}
          slug={slug}
          tranche={gateTranche}
          onDone={section.finish}
          onCancel={section.close}
        />
      )}
      {canManage && allocation && panel?.kind === "plan" && (
        <SchedulePlanner
          slug={slug}
          allocationCents={allocation.amountCents}
          tranches={tranches}
          mode={panel.mode}
          onDone={section.finish}
          onCancel={section.close}
        />
      )}
      {canManage && panel?.kind !== "plan" && (
        <ScheduleActions
          finance={finance}
          onPlan={(mode) =>
            section.open({ kind: "plan", mode }, mode === "propose" ? PROPOSE_BUTTON_ID : EDIT_BUTTON_ID)
          }
        />
      )}
    </section>
  );
}

function ScheduleActions({
  finance,
  onPlan,
}: {
  finance: LaureateFinance;
  onPlan: (mode: "propose" | "edit") => void;
}) {
  if (!finance.allocation)
    return <p className={fr.cx("fr-text--sm")}>Attribuez d'abord un montant pour planifier l'échéancier.</p>;
  const hasPlanned = finance.tranches.some((tranche) => tranche.status === "prevu");
  return (
    <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
      <li>
        <Button
          priority="secondary"
          iconId="fr-icon-calendar-line"
          nativeButtonProps={{ id: PROPOSE_BUTTON_ID }}
          onClick={() => onPlan("propose")}
        >
          Proposer un échéancier
        </Button>
      </li>
      {hasPlanned && (
        <li>
          <Button
            priority="tertiary"
            iconId="fr-icon-edit-line"
            nativeButtonProps={{ id: EDIT_BUTTON_ID }}
            onClick={() => onPlan("edit")}
          >
            Modifier les tranches prévues
          </Button>
        </li>
      )}
    </ul>
  );
}
