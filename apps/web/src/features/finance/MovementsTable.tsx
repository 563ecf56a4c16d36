import { fr } from "@codegouvfr/react-dsfr";
import { ALLOCATION_MOVEMENT_KINDS, type AllocationMovementItem } from "@defis/domain";
import { Link } from "react-router";
import { EmptyState } from "../../components/QueryStates";
import { formatCents, formatDateTime, formatSignedCents } from "../../lib/format";
import { ROUTES } from "../../routes";
import { DataTable } from "../../components/DataTable";

/** The allocation's ledger: every change, signed, with the amount after it, why and by whom. */
export function MovementsTable({ movements, asOf }: { movements: AllocationMovementItem[]; asOf: string }) {
  return (
    <section aria-labelledby="finances-mouvements-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="finances-mouvements-titre" className={fr.cx("fr-h4")}>
        Mouvements de l'allocation
      </h2>
      {movements.length === 0 ? (
        <EmptyState title="Aucun mouvement">L'allocation de ce lauréat n'a jamais été modifiée.</EmptyState>
      ) : (
        <DataTable
          caption={`Historique de l'allocation, du plus récent au plus ancien, ${asOf}`}
          columns={[
            { header: "Date et heure" },
            { header: "Type" },
            { header: "Variation", numeric: true },
            { header: "Montant après", numeric: true },
            { header: "Motif" },
            { header: "Auteur" },
            { header: "Contrepartie" },
          ]}
          rows={movements.map((movement) => ({
            key: movement.id,
            cells: [
              <time key="date" dateTime={movement.occurredAt.toISOString()}>
                {formatDateTime(movement.occurredAt)}
              </time>,
              ALLOCATION_MOVEMENT_KINDS[movement.kind],
              formatSignedCents(movement.deltaCents),
              formatCents(movement.amountAfterCents),
              movement.reason,
              movement.actorName ?? "Non renseigné",
              movement.counterpart ? (
                <Link key="counterpart" to={ROUTES.laureateFinances(movement.counterpart.slug)}>
                  {movement.counterpart.title}
                </Link>
              ) : (
                "—"
              ),
            ],
          }))}
        />
      )}
    </section>
  );
}
