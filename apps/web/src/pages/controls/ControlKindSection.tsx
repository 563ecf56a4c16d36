import { fr } from "@codegouvfr/react-dsfr";
import { CONTROL_KINDS, type ControlItem, type ControlKind } from "@defis/domain";
import { Link } from "react-router";
import { DataTable } from "../../components/DataTable";
import { pluralize } from "../../lib/format";
import { ROUTES } from "../../routes";
import {
  controlAmount,
  controlDetail,
  controlFixPath,
  controlSectionId,
  controlSince,
} from "../../features/controls/control-labels";

const COLUMNS = [
  { header: "Lauréat" },
  { header: "Détail" },
  { header: "Montant", numeric: true },
  { header: "Depuis le" },
  { header: "Action" },
];

/** One kind of anomaly: what it means, how to fix it, and a row per laureate with the link that fixes it. */
export function ControlKindSection({ kind, items }: { kind: ControlKind; items: ControlItem[] }) {
  const definition = CONTROL_KINDS[kind];
  const headingId = controlSectionId(kind);
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
      <h2 id={headingId} tabIndex={-1} className={fr.cx("fr-h3")}>
        {definition.label} ({items.length})
      </h2>
      <p>{definition.description}</p>
      <p>
        <strong>Pour corriger :</strong> {definition.fix}
      </p>
      <DataTable
        caption={`${definition.label} : ${pluralize(items.length, "anomalie")}`}
        columns={COLUMNS}
        rows={items.map((item, index) => ({
          key: `${item.laureate.slug}-${index}`,
          cells: [
            <Link key="laureate" to={ROUTES.laureate(item.laureate.slug)}>
              {item.laureate.title}
            </Link>,
            controlDetail(item),
            controlAmount(item),
            controlSince(item),
            <Link key="fix" to={controlFixPath(item)} className={fr.cx("fr-link")}>
              Corriger<span className={fr.cx("fr-sr-only")}> : {item.laureate.title}</span>
            </Link>,
          ],
        }))}
      />
    </section>
  );
}
