/**
 * The headings of the laureate's "Finances" tab, by section: links (the
 * controls' "Corriger", the SCDL preview) lead to them, and the tab moves the
 * focus there on arrival.
 */
export const FINANCE_SECTION_IDS = {
  allocation: "finances-allocation-titre",
  financement: "finances-financement-titre",
  echeancier: "finances-echeancier-titre",
  versements: "finances-versements-titre",
} as const;
export type FinanceSection = keyof typeof FINANCE_SECTION_IDS;
