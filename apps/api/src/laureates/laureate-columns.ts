import { schema } from "@defis/db";

const { fundingRecords, laureates } = schema;

/** Who a laureate is, as lists and exports name it. */
export const LAUREATE_IDENTITY_COLUMNS = {
  id: laureates.id,
  slug: laureates.slug,
  title: laureates.title,
  porteur: laureates.porteur,
  ministry: laureates.ministry,
};

/** What the funding record says of the commitment: the same fields on the finances tab and in the exports. */
export const FUNDING_RECORD_COLUMNS = {
  conventionDate: fundingRecords.conventionDate,
  ejNumber: fundingRecords.ejNumber,
  siret: fundingRecords.siret,
  rna: fundingRecords.rna,
  paymentConditions: fundingRecords.paymentConditions,
};
