import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ADOPTION_STAGES, nextAdoptionStages, type AdoptionItem } from "@defis/domain";
import type { AdoptionStep } from "./AdoptionStepForm";

/** What a row's button does: move the adoption to a stage, or edit it. */
export type AdoptionAction = AdoptionStep | "modifier";

/** The id of a row's button, to give the focus back to it when its form closes. */
export const adoptionActionId = (adoption: AdoptionItem, action: AdoptionAction) =>
  `adoption-${adoption.id}-${action}`;

function stepButtonText(to: AdoptionStep): string {
  return to === "abandonnee" ? "Abandonner" : `Passer à « ${ADOPTION_STAGES[to]} »`;
}

interface AdoptionActionsProps {
  adoption: AdoptionItem;
  onAction: (action: AdoptionAction) => void;
}

/** A row's buttons: each next stage the adoption may reach, then "Modifier". */
export function AdoptionActions({ adoption, onAction }: AdoptionActionsProps) {
  return (
    <ul className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline")}>
      {nextAdoptionStages(adoption.stage).map((stage) => {
        const to = stage as AdoptionStep;
        return (
          <li key={to}>
            <Button
              id={adoptionActionId(adoption, to)}
              size="small"
              priority={to === "abandonnee" ? "tertiary" : "secondary"}
              nativeButtonProps={{ "aria-label": `${stepButtonText(to)} : ${adoption.organisation}` }}
              onClick={() => onAction(to)}
            >
              {stepButtonText(to)}
            </Button>
          </li>
        );
      })}
      <li>
        <Button
          id={adoptionActionId(adoption, "modifier")}
          size="small"
          priority="tertiary"
          nativeButtonProps={{ "aria-label": `Modifier : ${adoption.organisation}` }}
          onClick={() => onAction("modifier")}
        >
          Modifier
        </Button>
      </li>
    </ul>
  );
}
