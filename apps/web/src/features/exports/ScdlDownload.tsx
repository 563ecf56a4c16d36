import { fr } from "@codegouvfr/react-dsfr";
import { CONTROL_KINDS, SCDL_DOWNLOAD, SCDL_EXCLUSION_REASONS, type ScdlPreview } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { pluralize } from "../../lib/format";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { ROUTES } from "../../routes";
import { controlSectionId, fixPath } from "../controls/control-labels";
import { DownloadLink } from "./DownloadLink";

const SCDL_TARGET = CONTROL_KINDS.scdl_ligne_ecartee.target;

/** How many rows, how many dropped and why, and for officers the records to complete. */
function PreviewText({ preview }: { preview: ScdlPreview }) {
  const canFix = useCan("manageMoney");
  const canReadControls = useCan("readControls");
  const { dropped, rowCount, subsidyCount } = preview;
  // The attribuant's SIRET is not fixed on a laureate's page.
  const fixable = dropped.filter((row) => row.reasons.some((reason) => reason !== "attribuant"));
  return (
    <>
      <p>
        Le fichier contiendra {pluralize(rowCount, "ligne")} sur {pluralize(subsidyCount, "subvention")}
        {dropped.length === 0
          ? " : toutes les subventions sont publiables."
          : ` ; ${pluralize(dropped.length, "subvention")} ${dropped.length > 1 ? "en sont écartées" : "en est écartée"} faute d'une information obligatoire :`}
      </p>
      {dropped.length > 0 && (
        <ul>
          {preview.reasons.map(({ reason, count }) => (
            <li key={reason}>
              {SCDL_EXCLUSION_REASONS[reason]} : {pluralize(count, "subvention")}
            </li>
          ))}
        </ul>
      )}
      {!preview.attribuantConfigured && (
        <p>
          Le SIRET de la DITP, qui attribue les subventions, n'est pas configuré : aucune ligne ne peut être
          publiée tant que l'équipe qui exploite le serveur ne l'a pas renseigné (variable
          SCDL_ATTRIBUANT_SIRET).
        </p>
      )}
      {canFix && fixable.length > 0 && (
        <>
          <p className={fr.cx("fr-mb-1v")}>Pour corriger, complétez leur dossier de financement :</p>
          <ul>
            {fixable.map((row) => (
              <li key={row.laureate.slug}>
                <Link to={fixPath(SCDL_TARGET, row.laureate.slug)}>{row.laureate.title}</Link> (
                {row.reasons
                  .filter((reason) => reason !== "attribuant")
                  .map((reason) => SCDL_EXCLUSION_REASONS[reason])
                  .join(", ")}
                )
              </li>
            ))}
          </ul>
        </>
      )}
      {canReadControls && dropped.length > 0 && (
        <p>
          <Link
            to={`${ROUTES.controls}#${controlSectionId("scdl_ligne_ecartee")}`}
            className={fr.cx("fr-link")}
          >
            Voir ces subventions dans les contrôles de cohérence
          </Link>
        </p>
      )}
    </>
  );
}

/** The SCDL "subventions" open-data file, with what it will hold told before the download. */
export function ScdlDownload() {
  const trpc = useTRPC();
  const preview = useQuery(trpc.exports.scdlPreview.queryOptions());
  return (
    <div className={fr.cx("fr-mt-4w")}>
      <h3 className={fr.cx("fr-h5")}>Données ouvertes : les subventions au format SCDL</h3>
      <p>
        Le fichier « subventions » du socle commun des données locales (SCDL 2.1.1), à publier sur
        data.gouv.fr dans les trois mois de la signature de chaque convention. Seules les subventions y
        figurent : les transferts de crédits entre services de l'État n'en sont pas.
      </p>
      {preview.isPending && <LoadingState label="Calcul du contenu du fichier SCDL" />}
      {preview.isError && <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && <PreviewText preview={preview.data} />}
      <DownloadLink download={SCDL_DOWNLOAD} extension="csv">
        {SCDL_DOWNLOAD.label}
      </DownloadLink>
    </div>
  );
}
