import {
  ADOPTION_STAGES,
  departementName,
  labelFrom,
  POTENTIAL_LEVELS,
  potentialLevel,
  PROGRESS_STAGES,
  REGIONS,
  type AdoptionItem,
} from "@defis/domain";
import { formatCount, formatShortDate } from "../../lib/format";

export function regionName(code: string): string {
  return labelFrom(REGIONS, code);
}

/** "Occitanie, Haute-Garonne (31)" or "Occitanie". */
export function adoptionTerritory(adoption: Pick<AdoptionItem, "regionCode" | "departementCode">): string {
  const region = regionName(adoption.regionCode);
  return adoption.departementCode
    ? `${region}, ${departementName(adoption.departementCode)} (${adoption.departementCode})`
    : region;
}

/** "64 / 100 (potentiel moyen)". */
export function indexLabel(index: number): string {
  return `${formatCount(index)} / 100 (${POTENTIAL_LEVELS[potentialLevel(index)].toLowerCase()})`;
}

/** 0 → "Aucune adoption", 1 → "Identifiée"…, the matrix's vertical axis. */
export function progressLabel(progress: number): string {
  if (progress <= 0) return "Aucune adoption en cours";
  const stage = PROGRESS_STAGES[progress - 1];
  return stage ? ADOPTION_STAGES[stage] : String(progress);
}

/** The date of the stage an adoption stands at. */
export function stageDate(adoption: AdoptionItem): string {
  const date =
    adoption.abandonedOn ??
    adoption.deployedOn ??
    adoption.pilotOn ??
    adoption.contactedOn ??
    adoption.identifiedOn;
  return formatShortDate(date);
}

/** Every stage reached, dated: "Identifiée le 01/02/2024, contactée le 15/02/2024". */
export function stageHistory(adoption: AdoptionItem): string {
  const steps: [string, string | null][] = [
    [ADOPTION_STAGES.identifiee, adoption.identifiedOn],
    [ADOPTION_STAGES.contactee, adoption.contactedOn],
    [ADOPTION_STAGES.pilote, adoption.pilotOn],
    [ADOPTION_STAGES.deployee, adoption.deployedOn],
    [ADOPTION_STAGES.abandonnee, adoption.abandonedOn],
  ];
  return steps
    .filter((step): step is [string, string] => step[1] !== null)
    .map(([label, date], index) => `${index === 0 ? label : label.toLowerCase()} le ${formatShortDate(date)}`)
    .join(", ");
}

export const STAGE_BADGE_SEVERITY = {
  identifiee: "info",
  contactee: "new",
  pilote: "warning",
  deployee: "success",
  abandonnee: "error",
} as const;
