import { fr } from "@codegouvfr/react-dsfr";
import { describeAuditChanges, type AuditEventItem } from "@defis/domain";

/**
 * An event's changes, one "champ : avant → après" line per field, in the
 * words of the domain's formatter (the journal's CSV uses the same); shared by
 * the journal and the history.
 */
export function AuditChanges({ event }: { event: Pick<AuditEventItem, "action" | "before" | "after"> }) {
  const changes = describeAuditChanges(event.action, event.before, event.after);
  if (changes.length === 0) return <span className={fr.cx("fr-text--sm")}>—</span>;
  return (
    <ul className={fr.cx("fr-raw-list", "fr-text--sm", "fr-mb-0")}>
      {changes.map((change) => (
        <li key={change.key}>
          <span className={fr.cx("fr-text--bold")}>{change.field}</span> :{" "}
          {change.before === null ? (
            change.after
          ) : (
            <>
              {change.before}
              {/* The arrow is read as "flèche": screen readers hear a word instead. */}
              <span aria-hidden="true"> → </span>
              <span className={fr.cx("fr-sr-only")}> devient </span>
              {change.after ?? "(vide)"}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
