import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { remainingText } from "./remaining-text";

/**
 * "Contrôles" in the officers' navigation, with the number of anomalies left
 * as a badge; a screen reader hears "Contrôles, 3 anomalies à corriger". The
 * count is drawn once it arrives and never blocks the menu.
 */
export function ControlsNavLabel() {
  const trpc = useTRPC();
  const count = useQuery(trpc.controls.count.queryOptions());
  const total = count.data?.total;
  return (
    <>
      Contrôles
      {total !== undefined && total > 0 && (
        <>
          <span className={fr.cx("fr-sr-only")}>, {remainingText(total)}</span>
          <span
            className={fr.cx(
              "fr-badge",
              "fr-badge--sm",
              "fr-badge--warning",
              "fr-badge--no-icon",
              "fr-ml-1w",
            )}
            aria-hidden="true"
          >
            {total}
          </span>
        </>
      )}
    </>
  );
}
