import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { PAYMENT_KINDS, paymentKindOf, type PaymentItem } from "@defis/domain";
import { EmptyState } from "../../components/QueryStates";
import { formatCents, formatShortDate } from "../../lib/format";
import { DataTable, type TableColumn } from "../../components/DataTable";
import { PAYMENT_SOURCES } from "@defis/domain";
import { ReversePaymentForm } from "./ReversePaymentForm";
import { OffSchedulePaymentForm } from "./OffSchedulePaymentForm";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { FINANCE_SECTION_IDS } from "./finance-anchors";

const HEADING_ID = FINANCE_SECTION_IDS.versements;
const rowId = (paymentId: number) => `versement-${paymentId}`;
const reverseButtonId = (payment: PaymentItem) => `versement-${payment.id}-contre-passer`;
const OFF_SCHEDULE_BUTTON_ID = "versement-hors-echeancier";

/** What the payment is: a tranche's, outside the schedule (with its reason, shown), a reversal. */
function KindCell({ payment }: { payment: PaymentItem }) {
  const kind = paymentKindOf(payment);
  if (kind === "hors_echeancier")
    return (
      <>
        <strong>{PAYMENT_KINDS.hors_echeancier}</strong> : {payment.reason}
      </>
    );
  return <>{PAYMENT_KINDS[kind]}</>;
}

/** A payment and its reversal name each other: a link leads from one row to the other. */
function ReversalCell({ payment }: { payment: PaymentItem }) {
  if (payment.reversesPaymentId !== null)
    return (
      <>
        Contre-passe le{" "}
        <a href={`#${rowId(payment.reversesPaymentId)}`}>versement n° {payment.reversesPaymentId}</a>
        {payment.reason && <> ; motif : {payment.reason}</>}
      </>
    );
  if (payment.reversedBy !== null)
    return (
      <>
        Contre-passé par le <a href={`#${rowId(payment.reversedBy)}`}>versement n° {payment.reversedBy}</a>
      </>
    );
  return <>—</>;
}

const canReverse = (payment: PaymentItem) =>
  payment.reversesPaymentId === null && payment.reversedBy === null && payment.amountCents > 0;

interface PaymentsSectionProps {
  slug: string;
  payments: PaymentItem[];
  canManage: boolean;
  asOf: string;
}

/** Every payment recorded (typed in or imported), reversals included as negative entries. */
export function PaymentsSection({ slug, payments, canManage, asOf }: PaymentsSectionProps) {
  const section = useSectionPanel<PaymentItem | "hors_echeancier">(HEADING_ID);
  const columns: TableColumn[] = [
    { header: "Versement" },
    { header: "Date" },
    { header: "Montant", numeric: true },
    { header: "Référence" },
    { header: "Nature" },
    { header: "Source" },
    { header: "Contre-passation" },
  ];
  if (canManage) columns.push({ header: "Actions" });
  const reversing = section.panel === "hors_echeancier" ? null : section.panel;

  return (
    <section aria-labelledby={HEADING_ID} className={fr.cx("fr-mb-6w")}>
      <h2 id={HEADING_ID} tabIndex={-1} className={fr.cx("fr-h4")}>
        Versements
      </h2>
      <SectionNotice notice={section.notice} onClose={section.clearNotice} />
      {canManage && section.panel === null && (
        <Button
          priority="secondary"
          iconId="fr-icon-add-line"
          className={fr.cx("fr-mb-2w")}
          nativeButtonProps={{ id: OFF_SCHEDULE_BUTTON_ID }}
          onClick={() => section.open("hors_echeancier", OFF_SCHEDULE_BUTTON_ID)}
        >
          Versement hors échéancier
        </Button>
      )}
      {canManage && section.panel === "hors_echeancier" && (
        <OffSchedulePaymentForm slug={slug} onDone={section.finish} onCancel={section.close} />
      )}
      {reversing && (
        <ReversePaymentForm
          key={reversing.id}
          payment={reversing}
          // The reversed payment has no button any more: the focus goes to the list's heading.
          onDone={(message) => section.finish(message, HEADING_ID)}
          onCancel={section.close}
        />
      )}
      {payments.length === 0 ? (
        <EmptyState title="Aucun versement enregistré">
          Les versements apparaîtront ici dès qu'une tranche sera payée, qu'un extrait Chorus sera importé ou
          qu'un versement hors échéancier sera enregistré.
        </EmptyState>
      ) : (
        <DataTable
          caption={`Versements enregistrés, ${asOf}`}
          columns={columns}
          rows={payments.map((payment) => {
            const cells = [
              <span key="id" id={rowId(payment.id)}>
                n° {payment.id}
              </span>,
              formatShortDate(payment.paidOn),
              formatCents(payment.amountCents),
              payment.reference ?? "—",
              <KindCell key="kind" payment={payment} />,
              PAYMENT_SOURCES[payment.source],
              <ReversalCell key="reversal" payment={payment} />,
            ];
            if (canManage)
              cells.push(
                canReverse(payment) ? (
                  <Button
                    key="reverse"
                    size="small"
                    priority="tertiary"
                    nativeButtonProps={{
                      id: reverseButtonId(payment),
                      "aria-expanded": reversing?.id === payment.id,
                    }}
                    onClick={() => section.open(payment, reverseButtonId(payment))}
                  >
                    Contre-passer <span className={fr.cx("fr-sr-only")}>le versement n° {payment.id}</span>
                  </Button>
                ) : (
                  "—"
                ),
              );
            return { key: payment.id, cells };
          })}
        />
      )}
    </section>
  );
}
