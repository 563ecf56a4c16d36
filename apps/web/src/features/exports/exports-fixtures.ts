import type { ScdlPreview } from "@defis/domain";

/** Ten subsidies, eight published, two dropped: one without its convention date, one without any identifier. */
export const scdlPreviewFixture: ScdlPreview = {
  attribuantConfigured: true,
  subsidyCount: 10,
  rowCount: 8,
  dropped: [
    {
      laureate: {
        slug: "chu-toulouse-parkinson",
        title: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
      },
      amountCents: 5_000_001,
      conventionDate: null,
      reasons: ["convention"],
    },
    {
      laureate: {
        slug: "collectif-rivage-ou-atterrir",
        title: "« Où atterrir ? » : enquêtes citoyennes sur l'habitabilité du territoire",
      },
      amountCents: 1_000_005,
      conventionDate: "2022-05-02",
      reasons: ["identifiant", "conditions"],
    },
  ],
  reasons: [
    { reason: "convention", count: 1 },
    { reason: "identifiant", count: 1 },
    { reason: "conditions", count: 1 },
  ],
};
