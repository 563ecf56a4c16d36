import { fr } from "@codegouvfr/react-dsfr";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import type { HealthSummary, LaureateListItem } from "@defis/domain";
import { formatCents } from "../../lib/format";
import { ROUTES } from "../../routes";
import { DeclaredWeather } from "../../features/progress/progress-badges";
import { categoryLabel, territoryLabel } from "../../features/laureates/laureate-labels";

interface LaureateCardsProps {
  items: LaureateListItem[];
  /** Declared météo and its flag, by laureate slug (absent while they load). */
  health: ReadonlyMap<string, HealthSummary> | undefined;
}

export function LaureateCards({ items, health }: LaureateCardsProps) {
  return (
    <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
      {items.map((item) => (
        <li key={item.slug} className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-4")}>
          <Card
            title={item.title}
            titleAs="h3"
            linkProps={{ to: ROUTES.laureate(item.slug) }}
            enlargeLink
            desc={item.porteur}
            start={
              <ul className={fr.cx("fr-tags-group")}>
                <li>
                  <Tag small>{categoryLabel(item)}</Tag>
                </li>
              </ul>
            }
            detail={territoryLabel(item)}
            end={
              <>
                <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
                  Météo : <DeclaredWeather state={item.weather} health={health?.get(item.slug)} />
                </p>
                <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
                  Montant alloué :{" "}
                  {item.allocatedCents === null ? "non alloué" : formatCents(item.allocatedCents)}
                </p>
              </>
            }
          />
        </li>
      ))}
    </ul>
  );
}
