import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQueries } from "@tanstack/react-query";
import { useId } from "react";
import { formatSignedCents } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { AcceptedGapNote, gapSentence, ScheduleGapOffer } from "./ScheduleGapOffer";

interface GapLaureate {
  slug: string;
  title: string;
}

interface ScheduleGapPanelProps {
  /** The laureates whose allocation just changed. */
  laureates: GapLaureate[];
  onDone: (message: string) => void;
  onClose: () => void;
}

/**
 * After an allocation changes: for each laureate whose schedule no longer
 * adds up to its allocation, the gap and the way to close or keep it. Nothing
 * shows while every schedule follows its allocation.
 */
export function ScheduleGapPanel({ laureates, onDone, onClose }: ScheduleGapPanelProps) {
  const trpc = useTRPC();
  const headingId = useId();
  const gaps = useQueries({
    queries: laureates.map((laureate) => trpc.finance.scheduleGap.queryOptions({ slug: laureate.slug })),
  });
  const open = laureates.flatMap((laureate, index) => {
    const gap = gaps[index]?.data;
    return gap && gap.gapCents !== 0 ? [{ ...laureate, gap }] : [];
  });
  if (open.length === 0) return null;
  return (
    <section
      aria-labelledby={headingId}
      className={fr.cx("fr-p-3w", "fr-mb-4w")}
      style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}` }}
    >
      <h3 id={headingId} className={fr.cx("fr-h5")}>
        Échéancier et montant alloué
      </h3>
      {open.map(({ slug, title, gap }) => (
        <div key={slug}>
          <p className={fr.cx("fr-mb-1w")}>
            <strong>« {title} »</strong> — écart échéancier / montant alloué :{" "}
            <strong>{formatSignedCents(gap.gapCents)}</strong>. {gapSentence(gap)}
          </p>
          <AcceptedGapNote gap={gap} />
          <ScheduleGapOffer slug={slug} title={title} onDone={onDone} />
        </div>
      ))}
      <Button priority="tertiary" onClick={onClose}>
        Fermer sans rien changer
      </Button>
    </section>
  );
}
