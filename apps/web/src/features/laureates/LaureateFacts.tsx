import { fr } from "@codegouvfr/react-dsfr";
import { PORTEUR_NOT_GIVEN, type LaureateDetail } from "@defis/domain";
import type { ReactNode } from "react";
import { formatCents, formatDate } from "../../lib/format";
import { fundingModeLabel, ministryLabel, territoryLabel } from "./laureate-labels";

function BenefitList({ title, items }: { title: string; items: string[] }) {
  return (
    <section className={fr.cx("fr-col-12", "fr-col-md-6")}>
      <h3 className={fr.cx("fr-h5")}>{title}</h3>
      {items.length === 0 ? (
        <p>L'annonce ne précise pas de bénéfice pour ce public.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className={fr.cx("fr-text--bold", "fr-mb-0")}>{label}</dt>
      <dd className={fr.cx("fr-mb-2w", "fr-ml-0")}>{children}</dd>
    </>
  );
}

export function porteurLabel(porteur: string): string {
  return porteur === PORTEUR_NOT_GIVEN ? "Non précisé dans l'annonce" : porteur;
}

export function partnerLabsLabel(partnerLabs: string[]): string {
  return partnerLabs.length === 0 ? "Aucun cité dans l'annonce" : partnerLabs.join(", ");
}

/** The "Fiche" tab: the project, its expected benefits, and its record. */
export function LaureateFacts({ laureate, editAction }: { laureate: LaureateDetail; editAction: ReactNode }) {
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
      <div className={fr.cx("fr-col-12", "fr-col-lg-8")}>
        <h2 className={fr.cx("fr-h4")}>Le projet</h2>
        <p>{laureate.summary}</p>
        <h2 className={fr.cx("fr-h4")}>Bénéfices attendus</h2>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <BenefitList title="Pour les agents" items={laureate.benefitsForAgents} />
          <BenefitList title="Pour les usagers" items={laureate.benefitsForUsagers} />
        </div>
      </div>
      <aside className={fr.cx("fr-col-12", "fr-col-lg-4")} aria-labelledby="fiche-titre">
        <div
          className={fr.cx("fr-p-3w")}
          style={{ background: fr.colors.decisions.background.alt.grey.default }}
        >
          <h2 id="fiche-titre" className={fr.cx("fr-h5")}>
            Fiche
          </h2>
          <dl>
            <Fact label="Porteur du projet">{porteurLabel(laureate.porteur)}</Fact>
            <Fact label="Ministère de rattachement">{ministryLabel(laureate)}</Fact>
            <Fact label="Territoire">{territoryLabel(laureate)}</Fact>
            <Fact label="Laboratoires et partenaires">{partnerLabsLabel(laureate.partnerLabs)}</Fact>
            <Fact label="Mode de financement">{fundingModeLabel(laureate)}</Fact>
            <Fact label={laureate.allocationIsDemo ? "Montant alloué (démonstration)" : "Montant alloué"}>
              {laureate.allocatedCents === null ? "Non alloué" : formatCents(laureate.allocatedCents)}
            </Fact>
            <Fact label="Source">
              {laureate.programme.sourceTitle}, {laureate.programme.sourcePublisher}, publié le{" "}
              {formatDate(laureate.programme.sourcePublishedOn)}
            </Fact>
          </dl>
          {editAction}
        </div>
      </aside>
    </div>
  );
}
