import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { FUNDING_MODES, MINISTRIES } from "@defis/domain";
import { describeError } from "../../lib/trpc";
import { Fact, partnerLabsLabel, porteurLabel } from "../../features/laureates/LaureateFacts";
import { currentFactsOf } from "./use-laureate-edit";

/** Someone saved the record since it was read: what it holds now, and a way to start again from it. */
export function ConflictAlert({ error, onTakeCurrent }: { error: unknown; onTakeCurrent: () => void }) {
  const current = currentFactsOf(error);
  return (
    <Alert
      className={fr.cx("fr-mb-3w")}
      severity="warning"
      as="h3"
      title="La fiche a été modifiée entre-temps"
      description={
        <>
          <p className={fr.cx("fr-mb-2w")}>{describeError(error).message}</p>
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
          <Button priority="secondary" size="small" type="button" onClick={onTakeCurrent}>
            Reprendre les valeurs actuelles
          </Button>
        </>
      }
    />
  );
}
