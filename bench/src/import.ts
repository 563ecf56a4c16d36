import { performance } from "node:perf_hooks";
import pg from "pg";
import { signIn } from "./http.js";
import { startInstances } from "./instances.js";

export interface ImportResult {
  rows: number;
  megabytes: number;
  seconds: number;
  imported: number;
  status: number;
  rssBeforeMiB: number;
  peakMiB: number;
}

/** A Chorus-like extract (French CSV: BOM, ";", decimal comma) of `rows` payments of 1 € over the synthetic laureates. */
async function extract(databaseUrl: string, rows: number): Promise<string> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows: records } = await pool.query<{ ej: string }>(
      "select ej_number as ej from funding_record where ej_number like '9%' order by laureate_id",
    );
    if (records.length === 0) throw new Error("Pas de lauréat synthétique pour l'import.");
    const lines = ["\uFEFFNuméro EJ;Date;Montant;Référence;Libellé"];
    for (let index = 0; index < rows; index += 1) {
      const record = records[index % records.length];
      const day = String(1 + (index % 28)).padStart(2, "0");
      lines.push(`${record?.ej ?? ""};${day}/02/2025;1,00;IMP-${index};Versement importé`);
    }
    return `${lines.join("\r\n")}\r\n`;
  } finally {
    await pool.end();
  }
}

/** POST /api/imports/paiements?mode=application on a fresh API process: time and that process's peak memory. */
export async function measureImport(
  databaseUrl: string,
  officer: { email: string; password: string },
  rows: number,
): Promise<ImportResult> {
  const csv = await extract(databaseUrl, rows);
  const [instance] = await startInstances(databaseUrl, 1);
  if (!instance) throw new Error("Instance non démarrée.");
  try {
    const client = await signIn(instance.baseUrl, officer.email, officer.password);
    const before = instance.memory();
    const start = performance.now();
    const response = await fetch(`${instance.baseUrl}/api/imports/paiements?mode=application`, {
      method: "POST",
      headers: { "content-type": "text/csv; charset=utf-8", "x-trpc-source": "bench", cookie: client.cookie },
      body: csv,
    });
    const body = (await response.json()) as { report?: { totals?: { toImport?: number } } };
    const seconds = (performance.now() - start) / 1000;
    const after = instance.memory();
    return {
      rows,
      megabytes: Buffer.byteLength(csv) / 1_000_000,
      seconds,
      imported: body.report?.totals?.toImport ?? 0,
      status: response.status,
      rssBeforeMiB: before.rssMiB,
      peakMiB: after.peakMiB,
    };
  } finally {
    await instance.stop();
  }
}
