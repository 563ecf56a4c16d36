import type { ImportMode, ImportReport } from "@defis/domain";
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
    readonly report: ImportReport | null = null,
  ) {
    super(message);
    this.name = "ImportRequestError";
  }
}

/** Where an upload stands: sending the file (with its percentage when known), then waiting for the check. */
export type UploadProgress = { phase: "envoi"; percent: number | null } | { phase: "traitement" };

interface Answer {
  report?: ImportReport;
  error?: { message?: string };
}

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
  if (status === 403) return "Votre rôle ne permet pas d'importer des paiements.";
  if (status === 413) return "Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.";
  return SERVICE_UNREACHABLE;
}

export function createImportApi(baseUrl = "") {
  return {
    /**
     * Sends the file. XMLHttpRequest rather than fetch: only it reports the
     * upload's progress, which a 20 Mo file on a slow link needs.
     */
    uploadPayments(
      file: File,
      mode: ImportMode,
      onProgress: (progress: UploadProgress) => void = () => undefined,
    ): Promise<ImportReport> {
      const contentType = contentTypeOf(file.name);
      if (!contentType) {
        return Promise.reject(new ImportRequestError("Choisissez un fichier .csv ou .xlsx.", 400));
      }
      return new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open("POST", `${baseUrl}/api/imports/paiements?mode=${mode}`);
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
          onProgress({ phase: "traitement" });
        });
        request.addEventListener("load", () => {
          const answer = parsed(request.responseText);
          if (request.status === 200 && answer?.report) {
            resolve(answer.report);
            return;
          }
          const status = request.status === 200 ? 502 : request.status;
          reject(
            new ImportRequestError(
              answer?.error?.message ?? fallbackMessage(status),
              status,
              answer?.report ?? null,
            ),
          );
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
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;

export const ImportApiContext = createContext<ImportApi>(createImportApi());

export function useImportApi(): ImportApi {
  return useContext(ImportApiContext);
}
