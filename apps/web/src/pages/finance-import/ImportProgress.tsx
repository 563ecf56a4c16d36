import { fr } from "@codegouvfr/react-dsfr";
import type { ImportMode } from "@defis/domain";
import type { UploadProgress } from "./import-api";

/** How far the upload went, then that the server works on it. */
export function ImportProgress({ mode, progress }: { mode: ImportMode; progress: UploadProgress | null }) {
  if (!progress) return null;
  const sending = progress.phase === "envoi";
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
    </div>
  );
}
