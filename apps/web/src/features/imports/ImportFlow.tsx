import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useQueryClient } from "@tanstack/react-query";
import {
  useEffect,
  useEffectEvent,
  useState,
  type ChangeEvent,
  type ComponentType,
  type ReactNode,
  type SubmitEvent,
} from "react";
import { pluralize } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import {
  isActiveImportJob,
  type AnyImportReport,
  type ImportJob,
  type ImportKind,
  type ImportMode,
} from "@defis/domain";
import { usePendingFocus } from "../../lib/use-pending-focus";
import {
  contentTypeOf,
  ImportRequestError,
  MAX_IMPORT_BYTES,
  useImportApi,
  type UploadProgress,
} from "./import-api";
import { ImportProgress } from "./ImportProgress";
import {
  AppliedSection,
  FailureSection,
  RESULT_HEADING_ID,
  ReportRows,
  type Failure,
} from "./ImportReportSections";

const UPLOAD_ID = "import-fichier";
const CHECK_HEADING_ID = "import-verification";
const CONFIRM_HEADING_ID = "import-confirmation";

/** What tells one import from the other on the page; the flow (check, confirm, import, follow) is the same. */
export interface ImportView<Report extends AnyImportReport> {
  kind: ImportKind;
  title: string;
  lead: ReactNode;
  uploadLabel: string;
  uploadHint: string;
  /** What a row imports: "versement", "versements". */
  noun: { one: string; many: string };
  /** What a row already recorded is called: "doublon", "doublons". */
  duplicate: { one: string; many: string };
  /** "Aucun versement n'a été importé". */
  nothingWritten: string;
  Totals: ComponentType<{ report: Report }>;
  RowsTable: ComponentType<{ caption: ReactNode; rows: Report["rows"] }>;
  /** What confirming will write. */
  confirmation: (report: Report) => ReactNode;
  /** What the import wrote ("…; 1 doublon ignoré", then " sur 3 lignes."), and how many rows it wrote. */
  applied: (report: Report) => { written: number; description: ReactNode } | null;
  /** Where to look at what was imported. */
  after: { to: string; label: string };
}

function asImportError(error: unknown): ImportRequestError {
  return error instanceof ImportRequestError
    ? error
    : new ImportRequestError("L'envoi a échoué. Réessayez.", 0);
}

/** Why the chosen file cannot be sent, before sending it; null when it can. */
function fileProblem(file: File | null): string | null {
  if (!file) return "Choisissez un fichier.";
  if (!contentTypeOf(file.name)) return "Choisissez un fichier .csv ou .xlsx.";
  if (file.size === 0) return "Ce fichier est vide.";
  if (file.size > MAX_IMPORT_BYTES) return "Ce fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.";
  return null;
}

/**
 * Import of a file (a finance extract, measures of indicators): the file is
 * checked first (dry run, nothing written), then imported all or nothing once
 * the officer confirms.
 */
export function ImportFlow<Report extends AnyImportReport>({ view }: { view: ImportView<Report> }) {
  useDocumentTitle(view.title);
  const steps = ["Choisir le fichier", "Vérifier les lignes", `Importer les ${view.noun.many}`];
  const api = useImportApi();
  const queryClient = useQueryClient();
  const focusLater = usePendingFocus();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<{ mode: ImportMode; progress: UploadProgress | null } | null>(null);
  const [simulation, setSimulation] = useState<Report | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Report | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** The cancel button was pressed: the job stops at its next step. */
  const [cancelAsked, setCancelAsked] = useState(false);
  /** What the live region says once an upload ends. */
  const [announcement, setAnnouncement] = useState("");

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(chosen ? fileProblem(chosen) : null);
    setSimulation(null);
    setConfirming(false);
    setResult(null);
    setFailure(null);
    setAnnouncement("");
  }

  /** Runs an upload (or follows a job found running), showing its progress; null when it failed. */
  async function track(
    mode: ImportMode,
    run: (onProgress: (progress: UploadProgress) => void) => Promise<AnyImportReport>,
  ): Promise<Report | null> {
    setBusy({ mode, progress: null });
    setCancelAsked(false);
    setFailure(null);
    setAnnouncement("");
    try {
      // The routes of `view.kind` answer with its reports.
      return (await run((progress) => {
        setBusy({ mode, progress });
      })) as Report;
    } catch (error) {
      setFailure({ mode, error: asImportError(error) });
      setAnnouncement(mode === "simulation" ? "La vérification a échoué." : "L'import a été refusé.");
      focusLater(RESULT_HEADING_ID);
      return null;
    } finally {
      setBusy(null);
    }
  }

  function showSimulation(report: Report) {
    setSimulation(report);
    setAnnouncement(
      `Vérification terminée : ${pluralize(report.totals.toImport, view.noun.one, view.noun.many)} à importer, ` +
        `${pluralize(report.totals.duplicates, view.duplicate.one, view.duplicate.many)}, ` +
        `${pluralize(report.totals.errors, "erreur")}.`,
    );
    focusLater(CHECK_HEADING_ID);
  }

  async function showApplication(report: Report | null) {
    setConfirming(false);
    // Refused or interrupted: what was checked may no longer hold; the file is checked again first.
    setSimulation(null);
    if (!report) return;
    setResult(report);
    const written = view.applied(report)?.written ?? 0;
    setAnnouncement(
      `Import terminé : ${pluralize(written, `${view.noun.one} enregistré`, `${view.noun.many} enregistrés`)}.`,
    );
    focusLater(RESULT_HEADING_ID);
    // The figures of every page that reads what was imported change with it.
    await queryClient.invalidateQueries();
  }

  // A job left running (the browser was closed, the page left): followed again until it ends.
  const resume = useEffectEvent(async (job: ImportJob<AnyImportReport>) => {
    const report = await track(job.mode, (onProgress) => api.followJob(view.kind, job, onProgress));
    if (job.mode === "application") await showApplication(report);
    else if (report) showSimulation(report);
  });
  useEffect(() => {
    let current = true;
    api
      .latestJob(view.kind)
      .then((job) => (current && job && isActiveImportJob(job.status) ? resume(job) : undefined))
      // Nothing to resume if it cannot be read: the page works as for a first visit.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, view.kind]);

  function cancelJob() {
    const job = busy?.progress?.phase === "traitement" ? busy.progress.job : null;
    if (!job) return;
    setCancelAsked(true);
    api.cancelJob(view.kind, job.id).catch(() => {
      setCancelAsked(false);
    });
  }

  async function check(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = fileProblem(file);
    setFileError(problem);
    if (problem || !file) {
      focusLater(UPLOAD_ID);
      return;
    }
    setSimulation(null);
    setResult(null);
    setConfirming(false);
    const report = await track("simulation", (onProgress) =>
      api.upload(view.kind, file, "simulation", onProgress),
    );
    if (report) showSimulation(report);
  }

  function askConfirmation() {
    setConfirming(true);
    focusLater(CONFIRM_HEADING_ID);
  }

  function cancelConfirmation() {
    setConfirming(false);
    focusLater(CHECK_HEADING_ID);
  }

  async function apply() {
    if (!file) return;
    await showApplication(
      await track("application", (onProgress) => api.upload(view.kind, file, "application", onProgress)),
    );
  }

  const step = result || confirming || failure?.mode === "application" ? 3 : simulation ? 2 : 1;
  const importable = simulation?.totals.toImport ?? 0;

  return (
    <>
      <h1 className={fr.cx("fr-mt-4w")}>{view.title}</h1>
      {view.lead}
      <Stepper currentStep={step} stepCount={steps.length} title={steps[step - 1]} nextTitle={steps[step]} />

      <form onSubmit={(event) => void check(event)} noValidate>
        <Upload
          label={view.uploadLabel}
          hint={view.uploadHint}
          disabled={busy !== null}
          state={fileError ? "error" : "default"}
          stateRelatedMessage={fileError ?? undefined}
          nativeInputProps={{
            id: UPLOAD_ID,
            accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            onChange: chooseFile,
          }}
        />
        <Button type="submit" className={fr.cx("fr-mt-3w")} disabled={busy !== null}>
          Vérifier le fichier
        </Button>
      </form>

      <ImportProgress
        mode={busy?.mode ?? "simulation"}
        progress={busy?.progress ?? null}
        onCancel={cancelAsked ? null : cancelJob}
      />
      <p role="status" aria-live="polite" className={fr.cx("fr-sr-only")}>
        {busy ? (busy.mode === "simulation" ? "Vérification en cours…" : "Import en cours…") : announcement}
      </p>

      {failure && <FailureSection failure={failure} view={view} />}

      {simulation && (
        <section aria-labelledby={CHECK_HEADING_ID} className={fr.cx("fr-mt-5w")}>
          <h2 id={CHECK_HEADING_ID} tabIndex={-1}>
            {file ? `Vérification du fichier « ${file.name} »` : "Vérification du fichier"}
          </h2>
          <view.Totals report={simulation} />
          <ReportRows report={simulation} RowsTable={view.RowsTable} />
          {simulation.totals.errors > 0 ? (
            <Alert
              severity="warning"
              small
              className={fr.cx("fr-mb-3w")}
              description={
                `${pluralize(simulation.totals.errors, "ligne est", "lignes sont")} en erreur. L'import se fait ` +
                "en entier ou pas du tout : corrigez le fichier, puis vérifiez-le à nouveau."
              }
            />
          ) : importable === 0 ? (
            <Alert
              severity="info"
              small
              className={fr.cx("fr-mb-3w")}
              description="Rien à importer : toutes les lignes sont déjà enregistrées."
            />
          ) : !file ? (
            <Alert
              severity="info"
              small
              className={fr.cx("fr-mb-3w")}
              description={`Pour importer ces ${view.noun.many}, choisissez de nouveau le fichier puis vérifiez-le.`}
            />
          ) : (
            !confirming && (
              <Button iconId="fr-icon-upload-line" onClick={askConfirmation} disabled={busy !== null}>
                {`Importer ${pluralize(importable, view.noun.one, view.noun.many)}`}
              </Button>
            )
          )}
          {confirming && (
            <div className={fr.cx("fr-callout", "fr-mt-3w")}>
              <h3 id={CONFIRM_HEADING_ID} tabIndex={-1} className={fr.cx("fr-callout__title")}>
                Confirmer l'import
              </h3>
              <p className={fr.cx("fr-callout__text")}>{view.confirmation(simulation)}</p>
              <ButtonsGroup
                inlineLayoutWhen="sm and up"
                buttons={[
                  {
                    children: busy ? "Import en cours…" : "Confirmer l'import",
                    onClick: () => void apply(),
                    disabled: busy !== null,
                  },
                  {
                    children: "Annuler",
                    priority: "secondary",
                    onClick: cancelConfirmation,
                    disabled: busy !== null,
                  },
                ]}
              />
            </div>
          )}
        </section>
      )}

      {result && <AppliedSection report={result} view={view} />}
    </>
  );
}
