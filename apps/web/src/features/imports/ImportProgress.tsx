import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ImportMode } from "@defis/domain";
import { pluralize } from "../../lib/format";
import type { UploadProgress } from "./import-api";

interface Props {
  mode: ImportMode;
  progress: UploadProgress | null;
  /** Asks the server's job to stop; null once asked. */
  onCancel: (() => void) | null;
}

/**
 * How far the upload went, then the server's job: the rows read so far, to
 * import, in error and duplicated, and a button to stop it. The job goes on
 * if the page is left; the page finds it again when it is opened.
 */
export function ImportProgress({ mode, progress, onCancel }: Props) {
  if (!progress) return null;
  const sending = progress.phase === "envoi";
  const job = progress.phase === "traitement" ? progress.job : null;
  const label = sending
    ? `Envoi du fichier${progress.percent === null ? "" : ` : ${progress.percent} %`}`
    : mode === "simulation"
      ? "Vérification des lignes en cours…"
      : "Import en cours…";
  return (
    <div className={fr.cx("fr-my-3w")}>
      <label htmlFor="import-progression" className={fr.cx("fr-label")}>
        {label}
      </label>
      {/* Without a value the bar is indeterminate: the server is working. */}
      <progress
        id="import-progression"
        max={100}
        value={sending && progress.percent !== null ? progress.percent : undefined}
        style={{ width: "100%" }}
      />
      {job && (
        <>
          <p className={fr.cx("fr-mb-1w")} id="import-avancement">
            {`Import n° ${job.id} : ${pluralize(job.progress.rowsRead, "ligne lue", "lignes lues")}, ` +
              `${pluralize(job.progress.matched, "à importer", "à importer")}, ` +
              `${pluralize(job.progress.refused, "en erreur", "en erreur")}, ` +
              `${pluralize(job.progress.duplicates, "doublon")}.`}
          </p>
          <p className={fr.cx("fr-hint-text", "fr-mb-2w")}>
            Vous pouvez quitter cette page : le traitement continue, et la page le retrouve à votre retour.
          </p>
          <Button
            priority="secondary"
            size="small"
            onClick={onCancel ?? undefined}
            disabled={onCancel === null}
            nativeButtonProps={{ "aria-describedby": "import-avancement" }}
          >
            {onCancel === null
              ? "Annulation demandée…"
              : mode === "simulation"
                ? "Annuler la vérification"
                : "Annuler l'import"}
          </Button>
        </>
      )}
    </div>
  );
}
