import type { Executor } from "@defis/db";
import type { ScdlPreview } from "@defis/domain";
import { laureateMoneyRows } from "./portfolio-queries.js";
import { scdlSelection } from "./scdl.js";

/**
 * What the SCDL file would hold now, and which subsidies it would drop and
 * why: the same reading as the download (`scdlSelection`), for the pages that
 * offer the file and for the controls.
 */
export async function scdlPreview(db: Executor, attribuantSiret: string | null): Promise<ScdlPreview> {
  return scdlSelection(await laureateMoneyRows(db), attribuantSiret).preview;
}
