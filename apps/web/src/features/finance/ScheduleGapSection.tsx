import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { formatCents, formatSignedCents } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";
import { Figure } from "./Figures";
import { AcceptedGapNote, gapSentence, ScheduleGapOffer } from "./ScheduleGapOffer";

const HEADING_ID = "finances-ecart-titre";

/**
 * "Écart échéancier / montant alloué", on the laureate's Finances tab
 * whenever the schedule (tranches not cancelled) does not add up to the
 * allocation: the amounts, the reason an officer kept it for, and for
 * officers the rebalanced schedule or the gap kept.
 */
export function ScheduleGapSection({
  laureate,
  canManage,
  asOf,
}: {
  laureate: { slug: string; title: string };
  canManage: boolean;
  asOf: string;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.finance.scheduleGap.queryOptions({ slug: laureate.slug }));
  // Only the notice: once the gap is closed, the section itself goes.
  const section = useSectionPanel<never>();
  const gap = query.data;
  const notice = <SectionNotice notice={section.notice} onClose={section.clearNotice} />;
  if (!gap || gap.gapCents === 0) return notice;
  return (
    <section aria-labelledby={HEADING_ID} className={fr.cx("fr-mb-6w")}>
      {notice}
      <h2 id={HEADING_ID} tabIndex={-1} className={fr.cx("fr-h4")}>
        Écart échéancier / montant alloué
      </h2>
      <dl className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-sm-4")}>
          <Figure label="Montant alloué">{formatCents(gap.allocatedCents)}</Figure>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-sm-4")}>
          <Figure label="Prévu à l'échéancier (tranches annulées exceptées)">
            {formatCents(gap.plannedCents)}
          </Figure>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-sm-4")}>
          <Figure label="Écart (alloué moins prévu)">
            {formatSignedCents(gap.gapCents)} <span className={fr.cx("fr-text--xs")}>{asOf}</span>
          </Figure>
        </div>
      </dl>
      <p>{gapSentence(gap)}</p>
      <AcceptedGapNote gap={gap} />
      {canManage && (
        <ScheduleGapOffer
          slug={laureate.slug}
          title={laureate.title}
          onDone={(message) => section.finish(message, HEADING_ID)}
        />
      )}
    </section>
  );
}
