import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { LaureateFinance } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { formatCents } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { AllocationForm } from "./AllocationForm";
import { FINANCE_SECTION_IDS } from "./finance-anchors";
import { Figure } from "./Figures";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";

const EDIT_BUTTON_ID = "finances-allocation-modifier";

/** Restes à payer, or, while nothing is committed, what was paid without a commitment: never a silent 0. */
function RemainingToPay({ finance, asOf }: { finance: LaureateFinance; asOf: string }) {
  const { remainingCents, paidWithoutCommitmentCents } = finance.remainingToPay;
  if (remainingCents !== null)
    return (
      <>
        {formatCents(remainingCents)} <span className={fr.cx("fr-text--xs")}>{asOf}</span>
      </>
    );
  if (paidWithoutCommitmentCents > 0)
    return <>Non calculés : {formatCents(paidWithoutCommitmentCents)} payés sans engagement</>;
  return <>Non calculés : rien n'est engagé</>;
}

interface AllocationSummaryProps {
  laureate: { slug: string; title: string };
  finance: LaureateFinance;
  canManage: boolean;
  asOf: string;
}

/** The laureate's allocation: current and original amounts, paid, remaining to pay, commitment. */
export function AllocationSummary({ laureate, finance, canManage, asOf }: AllocationSummaryProps) {
  const trpc = useTRPC();
  // The reserve bounds an increase; read only by those who may make one.
  const overview = useQuery({ ...trpc.programme.overview.queryOptions(), enabled: canManage });
  const section = useSectionPanel<"edit">();
  const { allocation } = finance;
  const demo = allocation?.isDemo ? " (démonstration)" : "";

  return (
    <section aria-labelledby={FINANCE_SECTION_IDS.allocation} className={fr.cx("fr-mb-6w")}>
      <h2 id={FINANCE_SECTION_IDS.allocation} tabIndex={-1} className={fr.cx("fr-h4")}>
        Allocation
      </h2>
      <SectionNotice notice={section.notice} onClose={section.clearNotice} />
      {allocation === null ? (
        <p>Aucun montant n'est alloué à ce lauréat {asOf}.</p>
      ) : (
        <dl className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-4")}>
            <Figure label={`Montant alloué${demo}`}>
              {formatCents(allocation.amountCents)} <span className={fr.cx("fr-text--xs")}>{asOf}</span>
            </Figure>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-4")}>
            <Figure label="Montant initialement alloué">{formatCents(allocation.originalAmountCents)}</Figure>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-4")}>
            <Figure label="Versé">
              {formatCents(allocation.paidCents)} <span className={fr.cx("fr-text--xs")}>{asOf}</span>
            </Figure>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-4")}>
            <Figure label="Restes à payer (engagé moins versé)">
              <RemainingToPay finance={finance} asOf={asOf} />
            </Figure>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-4")}>
            <Figure label="Engagé">
              {finance.committed
                ? `Oui${finance.funding.ejNumber ? `, EJ n° ${finance.funding.ejNumber}` : ""}`
                : "Non"}
              <span className={fr.cx("fr-hint-text")}>{finance.commitmentDefinition}</span>
            </Figure>
          </div>
        </dl>
      )}
      {canManage && section.panel === null && (
        <Button
          priority="secondary"
          iconId="fr-icon-edit-line"
          nativeButtonProps={{ id: EDIT_BUTTON_ID }}
          onClick={() => section.open("edit", EDIT_BUTTON_ID)}
        >
          {allocation === null ? "Attribuer un montant" : "Modifier l'allocation"}
        </Button>
      )}
      {canManage && section.panel === "edit" && (
        <AllocationForm
          laureate={{
            slug: laureate.slug,
            title: laureate.title,
            allocatedCents: allocation?.amountCents ?? null,
          }}
          reserveCents={overview.data?.reserveCents}
          paidCents={allocation?.paidCents}
          onDone={section.finish}
          onCancel={section.close}
        />
      )}
    </section>
  );
}
