import {
  isActiveImportJob,
  type AnyImportReport,
  type ImportJob,
  type ImportKind,
  type ImportMode,
} from "@defis/domain";
import { createContext, useContext } from "react";
import { SERVICE_UNREACHABLE } from "../../lib/auth-api";

/**
 * The import route lives outside tRPC (its body is the file itself), so the
 * page has its own small client; the answer's types come from packages/domain.
 */

/** Same limit as the server's: refused before sending 20 Mo for nothing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * The Content-Type the server expects, from the file's extension: browsers
 * report a CSV as "application/vnd.ms-excel" where Excel is installed.
 */
export function contentTypeOf(fileName: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === "csv" || extension === "xlsx" ? CONTENT_TYPES[extension] : null;
}

/** A refused or failed upload, with the server's French message (and, for a refused import, its errors). */
export class ImportRequestError extends Error {
  constructor(
    message: string,
    /** 0 when the server could not be reached. */
    readonly status: number,
    readonly report: AnyImportReport | null = null,
  ) {
    super(message);
    this.name = "ImportRequestError";
  }
}

/**
 * Where an upload stands: sending the file (with its percentage when known),
 * then the server's job, as last read (null until the server answers).
 */
export type UploadProgress =
  { phase: "envoi"; percent: number | null } | { phase: "traitement"; job: Job | null };

/** A job of either import, as the server sends it. */
type Job = ImportJob<AnyImportReport>;

interface Answer {
  job?: Job | null;
  error?: { message?: string };
}

/** How often the page reads the job while it runs. */
const POLL_MS = 1_000;
/** Readings of the job lost in a row before the page says the server cannot be reached. */
const MAX_LOST_READINGS = 5;

const HEADERS = { "x-trpc-source": "defis-web", accept: "application/json" };

function parsed(text: string): Answer | null {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    // A proxy's HTML error page, or an empty body.
    return null;
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Votre session a expiré : reconnectez-vous puis recommencez.";
  if (status === 403) return "Votre rôle ne permet pas cet import.";
  if (status === 413) return "Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.";
  return SERVICE_UNREACHABLE;
}

/** The job's end: its report once done, else its French message (and the errors of a refusal). */
function outcomeOf(job: Job): AnyImportReport {
  if (job.status === "termine" && job.report) return job.report;
  throw new ImportRequestError(job.message ?? SERVICE_UNREACHABLE, 422, job.report);
}

/**
 * The client of both imports, told which one by `kind` ("paiements",
 * "mesures"): each page reads the report of its own kind.
 */
export function createImportApi(baseUrl = "", pollMs = POLL_MS) {
  const jobsUrl = (kind: ImportKind) => `${baseUrl}/api/imports/${kind}/travaux`;

  /** A job answer of the import routes, or the refusal they sent. */
  async function jobAnswer(response: Promise<Response>): Promise<Job | null> {
    const reached = await response.catch(() => {
      throw new ImportRequestError(SERVICE_UNREACHABLE, 0);
    });
    const answer = parsed(await reached.text());
    if (reached.ok && answer && "job" in answer) return answer.job ?? null;
    throw new ImportRequestError(answer?.error?.message ?? fallbackMessage(reached.status), reached.status);
  }

  /** Reads the job until it ends, telling each reading; its report, or its refusal as an error. */
  async function followJob(
    kind: ImportKind,
    started: Job,
    onProgress: (progress: UploadProgress) => void = () => undefined,
  ): Promise<AnyImportReport> {
    let job = started;
    let unreachable = 0;
    onProgress({ phase: "traitement", job });
    while (isActiveImportJob(job.status)) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      const read = await jobAnswer(fetch(`${jobsUrl(kind)}/${job.id}`, { headers: HEADERS })).catch(
        (error: unknown) => {
          // The job goes on without the page: a reading lost on the way is tried again, a few times.
          if (error instanceof ImportRequestError && error.status === 0 && ++unreachable < MAX_LOST_READINGS)
            return job;
          throw error;
        },
      );
      if (!read) throw new ImportRequestError(SERVICE_UNREACHABLE, 404);
      if (read !== job) unreachable = 0;
      job = read;
      onProgress({ phase: "traitement", job });
    }
    return outcomeOf(job);
  }

  return {
    followJob,

    /** The last import started, by anyone: a page opened again finds the one it left running. */
    latestJob(kind: ImportKind): Promise<Job | null> {
      return jobAnswer(fetch(`${jobsUrl(kind)}/dernier`, { headers: HEADERS }));
    },

    /** Asks the job to stop; it stops at its next step, having written nothing. */
    async cancelJob(kind: ImportKind, id: number): Promise<void> {
      await jobAnswer(fetch(`${jobsUrl(kind)}/${id}/annulation`, { method: "POST", headers: HEADERS }));
    },

    /**
     * Sends the file. XMLHttpRequest rather than fetch: only it reports the
     * upload's progress, which a 20 Mo file on a slow link needs. The server
     * answers at once with the job it recorded, then the job is followed.
     */
    upload(
      kind: ImportKind,
      file: File,
      mode: ImportMode,
      onProgress: (progress: UploadProgress) => void = () => undefined,
    ): Promise<AnyImportReport> {
      const contentType = contentTypeOf(file.name);
      if (!contentType) {
        return Promise.reject(new ImportRequestError("Choisissez un fichier .csv ou .xlsx.", 400));
      }
      const recorded = new Promise<Job>((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open("POST", `${baseUrl}/api/imports/${kind}?mode=${mode}`);
        // The server refuses any import without it: a cross-site form cannot set it.
        request.setRequestHeader("x-trpc-source", "defis-web");
        request.setRequestHeader("content-type", contentType);
        request.setRequestHeader("accept", "application/json");
        request.upload.addEventListener("progress", (event) => {
          onProgress({
            phase: "envoi",
            percent: event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null,
          });
        });
        request.upload.addEventListener("load", () => {
          onProgress({ phase: "traitement", job: null });
        });
        request.addEventListener("load", () => {
          const answer = parsed(request.responseText);
          if (request.status === 202 && answer?.job) {
            resolve(answer.job);
            return;
          }
          const status = request.status === 202 ? 502 : request.status;
          reject(new ImportRequestError(answer?.error?.message ?? fallbackMessage(status), status));
        });
        const unreachable = () => {
          reject(new ImportRequestError(SERVICE_UNREACHABLE, 0));
        };
        request.addEventListener("error", unreachable);
        request.addEventListener("abort", unreachable);
        request.addEventListener("timeout", unreachable);
        onProgress({ phase: "envoi", percent: 0 });
        request.send(file);
      });
      return recorded.then((job) => followJob(kind, job, onProgress));
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;

export const ImportApiContext = createContext<ImportApi>(createImportApi());

export function useImportApi(): ImportApi {
  return useContext(ImportApiContext);
}
