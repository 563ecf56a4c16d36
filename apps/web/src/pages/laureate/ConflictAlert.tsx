import { fr } from "@codegouvfr/react-dsfr";
import { FUNDING_MODES, MINISTRIES } from "@defis/domain";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { Fact, partnerLabsLabel, porteurLabel } from "../../features/laureates/LaureateFacts";
import { currentFactsOf } from "./use-laureate-edit";

/** Someone saved the record since it was read: what it holds now, and a way to start again from it. */
export function ConflictAlert({ error, onTakeCurrent }: { error: unknown; onTakeCurrent: () => void }) {
  const current = currentFactsOf(error);
  return (
    <StaleVersionAlert
      title="La fiche a été modifiée entre-temps"
      error={error}
      as="h3"
      actionLabel="Reprendre les valeurs actuelles"
      onAction={onTakeCurrent}
    >
      {current && (
        <>
          <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>Valeurs actuelles de la fiche :</p>
          <dl>
            <Fact label="Porteur du projet">{porteurLabel(current.porteur)}</Fact>
            <Fact label="Ministère de rattachement">{MINISTRIES[current.ministry]}</Fact>
            <Fact label="Mode de financement">{FUNDING_MODES[current.fundingMode]}</Fact>
            <Fact label="Laboratoires et partenaires">{partnerLabsLabel(current.partnerLabs)}</Fact>
          </dl>
        </>
      )}
    </StaleVersionAlert>
  );
}
