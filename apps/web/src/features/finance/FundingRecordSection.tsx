import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { FundingRecordItem } from "@defis/domain";
import { FINANCE_SECTION_IDS } from "./finance-anchors";
import { FundingFacts } from "./FundingFacts";
import { FundingRecordForm } from "./FundingRecordForm";
import { SectionNotice, useSectionPanel } from "../../lib/use-section-panel";

const EDIT_BUTTON_ID = "finances-financement-modifier";

interface FundingRecordSectionProps {
  slug: string;
  record: FundingRecordItem;
  canManage: boolean;
}

/** Convention, legal commitment and beneficiary: the facts the payments and the open data rest on. */
export function FundingRecordSection({ slug, record, canManage }: FundingRecordSectionProps) {
  const section = useSectionPanel<"edit">();
  return (
    <section aria-labelledby={FINANCE_SECTION_IDS.financement} className={fr.cx("fr-mb-6w")}>
      <h2 id={FINANCE_SECTION_IDS.financement} tabIndex={-1} className={fr.cx("fr-h4")}>
        Convention et engagement juridique
      </h2>
      <SectionNotice notice={section.notice} onClose={section.clearNotice} />
      {section.panel === "edit" ? (
        <FundingRecordForm slug={slug} record={record} onDone={section.finish} onCancel={section.close} />
      ) : (
        <>
          <FundingFacts record={record} />
          {canManage && (
            <Button
              priority="secondary"
              iconId="fr-icon-edit-line"
              nativeButtonProps={{ id: EDIT_BUTTON_ID }}
              onClick={() => section.open("edit", EDIT_BUTTON_ID)}
            >
              Modifier les informations de financement
            </Button>
          )}
        </>
      )}
    </section>
  );
}
