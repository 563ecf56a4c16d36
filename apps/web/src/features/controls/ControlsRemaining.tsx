import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { ROUTES } from "../../routes";
import { remainingText } from "./remaining-text";

/**
 * How many anomalies the controls still list, with the link to them, for
 * those who fix them (officers and administrators). The direction reads the
 * figures; the work list is not theirs, and the link would lead nowhere.
 */
export function ControlsRemaining() {
  const canRead = useCan("readControls");
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.controls.count.queryOptions(), enabled: canRead });
  if (!canRead || !count.data) return null;
  const { total } = count.data;
  return (
    <p className={fr.cx(total > 0 ? "fr-icon-warning-line" : "fr-icon-success-line")}>
      Contrôles de cohérence : {remainingText(total)}.{" "}
      <Link to={ROUTES.controls} className={fr.cx("fr-link")}>
        {total > 0 ? "Voir et corriger les anomalies" : "Voir les contrôles"}
      </Link>
    </p>
  );
}
