import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { ADOPTION_STAGES, type AdoptionItem } from "@defis/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DataTable } from "../../components/DataTable";
import { DemoBadge } from "../../components/DemoBadge";
import { ROUTES } from "../../routes";
import { adoptionTerritory, STAGE_BADGE_SEVERITY, stageHistory } from "./replication-labels";

interface AdoptionsTableProps {
  caption: string;
  adoptions: AdoptionItem[];
  /** Show the laureate column (the portfolio's registry) or not (a laureate's own page). */
  withLaureate?: boolean;
  /** The actions a row offers (move to the next stage, edit), for those who may. */
  actions?: (adoption: AdoptionItem) => ReactNode;
}

/** The adoption registry: who takes up which solution, where, and how far it went. */
export function AdoptionsTable({ caption, adoptions, withLaureate = false, actions }: AdoptionsTableProps) {
  return (
    <DataTable
      fixedLayout
      caption={caption}
      columns={[
        { header: "Organisation" },
        ...(withLaureate ? [{ header: "Lauréat" }] : []),
        { header: "Territoire" },
        { header: "Étape" },
        { header: "Étapes datées" },
        { header: "Contact et notes" },
        ...(actions ? [{ header: "Actions" }] : []),
      ]}
      rows={adoptions.map((adoption) => ({
        key: adoption.id,
        cells: [
          <>
            {adoption.organisation}
            {adoption.isDemo && <DemoBadge />}
          </>,
          ...(withLaureate
            ? [
                <Link key="laureat" to={ROUTES.laureateReplication(adoption.laureateSlug)}>
                  {adoption.laureateTitle}
                </Link>,
              ]
            : []),
          adoptionTerritory(adoption),
          <Badge small severity={STAGE_BADGE_SEVERITY[adoption.stage]} as="span">
            {ADOPTION_STAGES[adoption.stage]}
          </Badge>,
          <>
            {stageHistory(adoption)}
            {adoption.abandonReason && <> — motif : {adoption.abandonReason}</>}
          </>,
          [adoption.contact, adoption.notes].filter(Boolean).join(" — ") || "—",
          ...(actions ? [actions(adoption)] : []),
        ],
      }))}
    />
  );
}
