import { countsByKind, type ControlItem, type ControlsReport } from "@defis/domain";

const registre = { slug: "registre-reunion", title: "Registre des transports" };
const lab = { slug: "lab-interieur", title: "Laboratoire d'innovation" };

const items: ControlItem[] = [
  {
    kind: "prevu_different_alloue",
    laureate: registre,
    amountCents: 2_000_000,
    since: "2026-11-02",
    plannedCents: 12_345_600,
    allocatedCents: 14_345_600,
  },
  {
    kind: "tranche_en_retard",
    laureate: lab,
    amountCents: 1_234_567,
    since: "2024-04-01",
    tranche: { kind: "solde", position: 3, status: "prevu", plannedOn: "2024-04-01" },
    daysLate: 979,
  },
  {
    kind: "mode_financement_manquant",
    laureate: lab,
    amountCents: null,
    since: "2026-01-05",
  },
];

/** Three anomalies of three kinds; the seven other kinds have none. */
export const controlsFixture: ControlsReport = {
  checkedOn: "2026-12-06",
  total: items.length,
  counts: countsByKind(items),
  items,
};

export const controlsCountFixture = {
  checkedOn: controlsFixture.checkedOn,
  total: controlsFixture.total,
  counts: controlsFixture.counts,
};
