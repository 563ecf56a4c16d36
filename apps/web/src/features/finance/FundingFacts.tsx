import { FUNDING_MODES, PAYMENT_CONDITIONS, type FundingRecordItem } from "@defis/domain";
import { formatDate } from "../../lib/format";
import { Figure } from "./Figures";

const NOT_GIVEN = "Non renseigné";

/** The funding record as read: what is missing says so. */
export function FundingFacts({ record }: { record: Omit<FundingRecordItem, "version"> }) {
  return (
    <dl>
      <Figure label="Mode de financement">{FUNDING_MODES[record.fundingMode]}</Figure>
      <Figure label="Date de signature de la convention">
        {record.conventionDate ? formatDate(record.conventionDate) : "Non renseignée"}
      </Figure>
      <Figure label="Numéro d'engagement juridique (EJ)">{record.ejNumber ?? NOT_GIVEN}</Figure>
      <Figure label="SIRET du bénéficiaire">{record.siret ?? NOT_GIVEN}</Figure>
      <Figure label="Numéro RNA">{record.rna ?? NOT_GIVEN}</Figure>
      <Figure label="Conditions de versement">
        {record.paymentConditions ? PAYMENT_CONDITIONS[record.paymentConditions] : "Non renseignées"}
      </Figure>
    </dl>
  );
}
