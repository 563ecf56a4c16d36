import type { Database } from "@defis/db";
import { CONTROL_KIND_KEYS, countsByKind, type ControlItem, type ControlsReport } from "@defis/domain";
import { fundingControls } from "./funding-controls.js";
import { ledgerControls } from "./ledger-controls.js";
import { scheduleControls } from "./schedule-controls.js";

export interface ControlsSettings {
  /** The day late tranches are late on (Paris). */
  today: string;
  /** The DITP's SIRET for the SCDL file; null while not configured. */
  attribuantSiret: string | null;
}

const KIND_ORDER = new Map(CONTROL_KIND_KEYS.map((kind, index) => [kind, index]));

/** Kind by kind; within a kind the oldest first (undated last), then by laureate. */
function byKindThenAge(left: ControlItem, right: ControlItem): number {
  return (
    (KIND_ORDER.get(left.kind) ?? 0) - (KIND_ORDER.get(right.kind) ?? 0) ||
    (left.since ?? "9999").localeCompare(right.since ?? "9999") ||
    left.laureate.title.localeCompare(right.laureate.title, "fr")
  );
}

/**
 * Every anomaly of the portfolio, from a handful of set-based queries (none
 * per laureate), read in one read-only snapshot so that a payment recorded
 * meanwhile cannot appear in one check and not in another.
 */
export async function listControls(db: Database, settings: ControlsSettings): Promise<ControlsReport> {
  const items = await db.transaction(
    async (tx) => [
      ...(await ledgerControls(tx)),
      ...(await scheduleControls(tx, settings.today)),
      ...(await fundingControls(tx, settings.today, settings.attribuantSiret)),
    ],
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  items.sort(byKindThenAge);
  return { checkedOn: settings.today, total: items.length, counts: countsByKind(items), items };
}

/** How many anomalies remain, kind by kind: the navigation's and the dashboard's figure. */
export async function countControls(
  db: Database,
  settings: ControlsSettings,
): Promise<Omit<ControlsReport, "items">> {
  const { items: _items, ...counts } = await listControls(db, settings);
  return counts;
}
