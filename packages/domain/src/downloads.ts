/**
 * The files the server offers under /api/exports, written once for the
 * routes (address, name in Content-Disposition) and the pages that link to
 * them. Names carry the product and the day: "defis-versements-2026-12-06.csv".
 */
export const EXPORTS_BASE_PATH = "/api/exports";

export interface DownloadDefinition {
  /** The route, under EXPORTS_BASE_PATH. */
  route: string;
  /** The file's name before its day and extension. */
  fileName: string;
  /** What the file holds, as the link says it. */
  label: string;
}

/** The money tables, each as CSV for Excel (default) or open-data CSV (?format=opendata). */
export const MONEY_TABLE_DOWNLOADS = {
  laureats: {
    route: "laureats.csv",
    fileName: "defis-laureats",
    label: "Lauréats : allocations, engagements, versements",
  },
  tranches: { route: "tranches.csv", fileName: "defis-tranches", label: "Tranches des échéanciers" },
  paiements: {
    route: "paiements.csv",
    fileName: "defis-versements",
    label: "Versements et contre-passations",
  },
} as const satisfies Record<string, DownloadDefinition>;
export type MoneyTable = keyof typeof MONEY_TABLE_DOWNLOADS;

/** The impact tables (followed indicators only), in the same two dialects. */
export const IMPACT_TABLE_DOWNLOADS = {
  indicateurs: {
    route: "indicateurs.csv",
    fileName: "defis-indicateurs",
    label: "Indicateurs d'impact suivis : référence, valeur actuelle, cible, progression",
  },
  mesures: { route: "mesures.csv", fileName: "defis-mesures", label: "Mesures des indicateurs d'impact" },
} as const satisfies Record<string, DownloadDefinition>;

/** The money and impact tables in one workbook, a sheet each. */
export const WORKBOOK_DOWNLOAD = {
  route: "portefeuille.xlsx",
  fileName: "defis-portefeuille",
  label: "Classeur XLSX : lauréats, tranches, versements, indicateurs et mesures",
} as const satisfies DownloadDefinition;

/** The SCDL "subventions" open-data file. */
export const SCDL_DOWNLOAD = {
  route: "scdl-subventions.csv",
  fileName: "defis-scdl-subventions",
  label: "Subventions au format SCDL (data.gouv.fr)",
} as const satisfies DownloadDefinition;

export const JOURNAL_DOWNLOAD = {
  route: "journal.csv",
  fileName: "defis-journal",
  label: "Journal des modifications",
} as const satisfies DownloadDefinition;

/** Every review's decisions, with their latest status, as CSV for Excel (default) or open data. */
export const DECISIONS_DOWNLOAD = {
  route: "decisions.csv",
  fileName: "defis-decisions",
  label: "Décisions des revues et leur suivi",
} as const satisfies DownloadDefinition;

/** The two CSV dialects: French Excel (";", decimal comma, BOM) and open data (",", decimal point). */
export const CSV_DIALECTS = {
  excel: "CSV pour Excel",
  opendata: "CSV open data",
} as const;
export type CsvDialect = keyof typeof CSV_DIALECTS;

/** "defis-versements-2026-12-06.csv"; the open-data variant says so: "defis-versements-opendata-…". */
export function downloadFileName(
  download: Pick<DownloadDefinition, "fileName">,
  extension: "csv" | "xlsx",
  day: string,
  dialect: CsvDialect = "excel",
): string {
  return `${download.fileName}${dialect === "opendata" ? "-opendata" : ""}-${day}.${extension}`;
}

/** The address of a download; the open-data dialect of a money table is asked with ?format=opendata. */
export function downloadPath(
  download: Pick<DownloadDefinition, "route">,
  dialect: CsvDialect = "excel",
): string {
  return `${EXPORTS_BASE_PATH}/${download.route}${dialect === "opendata" ? "?format=opendata" : ""}`;
}
