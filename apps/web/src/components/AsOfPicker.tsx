import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { formatShortDate } from "../lib/format";
import { AS_OF_PARAM, useAsOf } from "../lib/use-as-of";

/**
 * The "État au" of a page: the day in the URL, chosen here, and, for a past
 * day, a banner that says so and that nothing can be changed from the page.
 * One component for every page that shows a day (/pilotage, /finances, the
 * portfolio, a laureate's Finances and Suivi).
 */
export function AsOfPicker({
  hint = "Les chiffres tels qu'ils étaient connus à la fin de ce jour",
  aside,
}: {
  /** Null on a page whose first screen is counted (/pilotage): its heading says the day already. */
  hint?: string | null;
  /** A link of the page beside the day (the note of /pilotage). */
  aside?: ReactNode;
}) {
  const { asOf, chosen, past, today, setAsOf } = useAsOf();
  const location = useLocation();
  // Today is the same page without the day: the other filters of the address stay.
  const todayParams = new URLSearchParams(location.search);
  todayParams.delete(AS_OF_PARAM);
  return (
    <>
      <form
        aria-label="Date de l'état"
        className={fr.cx(
          "fr-grid-row",
          "fr-grid-row--gutters",
          "fr-grid-row--bottom",
          hint === null ? "fr-mb-1w" : "fr-mb-2w",
        )}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Input
            label="État au"
            hintText={hint ?? undefined}
            nativeInputProps={{
              id: AS_OF_PARAM,
              type: "date",
              value: asOf,
              max: today,
              onChange: (event) => setAsOf(event.target.value),
            }}
          />
        </div>
        {chosen && (
          <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-mb-3w")}>
            <Link
              to={{ pathname: location.pathname, search: todayParams.toString() }}
              className={fr.cx("fr-link", "fr-icon-arrow-go-back-line", "fr-link--icon-left")}
            >
              Revenir à aujourd'hui
            </Link>
          </div>
        )}
        {aside && <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-mb-3w")}>{aside}</div>}
      </form>
      {past && (
        <div className={fr.cx("fr-notice", "fr-notice--info", "fr-mb-3w")}>
          <div className={fr.cx("fr-container")}>
            <div className={fr.cx("fr-notice__body")}>
              <p className={fr.cx("fr-notice__title")} role="status">
                État au {formatShortDate(past)} : les chiffres tels qu'ils étaient connus à la fin de ce jour.
                Rien ne peut être modifié depuis cet état passé.
              </p>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
