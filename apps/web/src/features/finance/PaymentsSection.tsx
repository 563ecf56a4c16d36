import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { PAYMENT_KINDS, paymentKindOf, type PaymentItem, type PaymentTotals } from "@defis/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ListPagination } from "../../components/ListPagination";
import { EmptyState, ErrorState } from "../../components/QueryStates";
import { formatCents, formatCount, formatShortDate, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useAsOf } from "../../lib/use-as-of";
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

/** The URL parameter of "voir tout": the page of the whole list, absent for the latest payments. */
const ALL_PAYMENTS_PARAM = "versements";
const MAX_PAGE = 1_000_000;

/** Which page of every payment the URL asks for; null for the latest payments only. */
function useAllPaymentsPage(): [number | null, (page: number | null) => string] {
  const [params] = useSearchParams();
  const raw = params.get(ALL_PAYMENTS_PARAM);
  const asked = raw === null ? null : Number(raw);
  const page = asked !== null && Number.isInteger(asked) && asked >= 1 && asked <= MAX_PAGE ? asked : null;
  const hrefOf = (target: number | null) => {
    const next = new URLSearchParams(params);
    if (target === null) next.delete(ALL_PAYMENTS_PARAM);
    else next.set(ALL_PAYMENTS_PARAM, String(target));
    return `?${next.toString()}#${HEADING_ID}`;
  };
  return [page, hrefOf];
}

/** What the table lists: the latest payments the tab received, or one page of all of them. */
function useListedPayments(slug: string, latest: PaymentItem[]) {
  const trpc = useTRPC();
  const [page, hrefOf] = useAllPaymentsPage();
  // The pages of a past day list the payments known then, like the latest ones.
  const { query: day } = useAsOf();
  const query = useQuery({
    ...trpc.finance.payments.queryOptions({ slug, page: page ?? 1, ...day }),
    enabled: page !== null,
    placeholderData: keepPreviousData,
  });
  return { page, hrefOf, query, payments: page === null ? latest : (query.data?.payments ?? []) };
}

function ListedCount({ page, shown, totals }: { page: number | null; shown: number; totals: PaymentTotals }) {
  if (totals.count === 0) return null;
  const all = `${pluralize(totals.count, "versement", "versements")} en tout, pour ${formatCents(totals.totalCents)}`;
  return (
    <p className={fr.cx("fr-text--sm")}>
      {page === null && totals.count > shown
        ? `Les ${String(shown)} derniers versements sur ${all}.`
        : `${all}.`}
    </p>
  );
}

interface PaymentsSectionProps {
  slug: string;
  /** The latest payments, newest first. */
  payments: PaymentItem[];
  /** Count and sum of every payment, whatever the table shows. */
  totals: PaymentTotals;
  canManage: boolean;
  asOf: string;
}

/**
 * The payments recorded (typed in or imported), reversals included as
 * negative entries: the latest first, every one page by page on demand.
 */
export function PaymentsSection({ slug, payments: latest, totals, canManage, asOf }: PaymentsSectionProps) {
  const section = useSectionPanel<PaymentItem | "hors_echeancier">(HEADING_ID);
  const { page, hrefOf, query, payments } = useListedPayments(slug, latest);
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
      <ListedCount page={page} shown={payments.length} totals={totals} />
      {page !== null && query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : totals.count === 0 ? (
        <EmptyState title="Aucun versement enregistré">
          Les versements apparaîtront ici dès qu'une tranche sera payée, qu'un extrait Chorus sera importé ou
          qu'un versement hors échéancier sera enregistré.
        </EmptyState>
      ) : (
        <DataTable
          caption={
            page === null
              ? `Versements enregistrés, ${asOf} : les plus récents`
              : `Versements enregistrés, ${asOf} : page ${String(page)}`
          }
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
      {page === null && totals.count > latest.length && (
        <Link className={fr.cx("fr-link")} to={hrefOf(1)}>
          Voir tous les versements ({formatCount(totals.count)})
        </Link>
      )}
      {page !== null && (
        <>
          <ListPagination
            total={query.data?.totals.count ?? totals.count}
            pageSize={query.data?.pageSize ?? totals.count}
            page={page}
            pageHref={hrefOf}
          />
          <Link className={fr.cx("fr-link", "fr-mt-2w")} to={hrefOf(null)}>
            Revenir aux derniers versements
          </Link>
        </>
      )}
    </section>
  );
}
