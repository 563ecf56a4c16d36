import { fr } from "@codegouvfr/react-dsfr";
import { CONTROL_KINDS, type ControlItem, type ControlsReport } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import { DataTable } from "../../components/DataTable";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatCount, formatDate, pluralize } from "../../lib/format";
import { useSession } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useHashFocus } from "../../lib/use-hash-focus";
import { controlSectionId } from "../../features/controls/control-labels";
import { ControlKindSection } from "./ControlKindSection";

/** Every kind with its count; a kind with anomalies links to its table below. */
function Summary({ report }: { report: ControlsReport }) {
  return (
    <DataTable
      caption={`Anomalies par contrôle au ${formatDate(report.checkedOn)}`}
      columns={[{ header: "Contrôle" }, { header: "Anomalies", numeric: true }]}
      rows={report.counts.map(({ kind, count }) => ({
        key: kind,
        cells: [
          count > 0 ? (
            <a href={`#${controlSectionId(kind)}`}>{CONTROL_KINDS[kind].label}</a>
          ) : (
            CONTROL_KINDS[kind].label
          ),
          formatCount(count),
        ],
      }))}
    />
  );
}

export default function ControlsPage() {
  useDocumentTitle("Contrôles de cohérence");
  const trpc = useTRPC();
  const query = useQuery(trpc.controls.list.queryOptions());
  const { demonstration } = useSession();
  const report = query.data;
  useHashFocus();

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>Contrôles de cohérence</h1>
      <p className={fr.cx("fr-text--lead")}>
        Ce que Défis vérifie sur les versements, les échéanciers et les dossiers de financement pour que
        chaque chiffre présenté tienne. Chaque anomalie mène à l'écran qui la corrige ; une fois corrigée,
        elle disparaît de la liste.
      </p>
      {demonstration && (
        <p>
          Démonstration : une allocation a été augmentée exprès sans rééquilibrer son échéancier, pour montrer
          un écart ; les autres anomalies viennent du scénario de démonstration (tranches en retard,
          engagements non signés) et de l'annonce elle-même (mode de financement non précisé, SIRET des
          bénéficiaires non saisis).
        </p>
      )}
      {query.isPending && <LoadingState label="Contrôle des données en cours" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {report && (
        <>
          <p role="status">
            {report.total === 0
              ? `Aucune anomalie au ${formatDate(report.checkedOn)} : les chiffres concordent.`
              : `${pluralize(report.total, "anomalie")} à corriger au ${formatDate(report.checkedOn)}.`}
          </p>
          <Summary report={report} />
          {report.counts
            .filter(({ count }) => count > 0)
            .map(({ kind }) => (
              <ControlKindSection
                key={kind}
                kind={kind}
                items={report.items.filter((item: ControlItem) => item.kind === kind)}
              />
            ))}
        </>
      )}
    </>
  );
}
