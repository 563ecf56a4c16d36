import type { ProgrammeReference } from "@defis/domain";

/**
 * The programme, as the announcement of 17 February 2022 describes it
 * (shared/seeds/000_25d152fb91d469c2.txt). Envelope: 3 million euros, in cents.
 */
export const PROGRAMME: ProgrammeReference = {
  slug: "appel-a-defis-co-construire",
  name: "Appel à défis — Co-construire avec les usagers et les agents",
  steeredBy: "Direction interministérielle de la transformation publique (DITP)",
  fundedBy: "France Relance (Plan de relance)",
  envelopeCents: 300_000_000,
  applicationsOpenOn: "2021-08-23",
  applicationsCloseOn: "2021-10-15",
  laureatesAnnouncedOn: "2022-02-17",
  status: "delibere",
  laureateCount: 27,
  sourceTitle:
    "Co-construire avec les usagers et les agents : une enveloppe de 3 millions pour soutenir 27 projets",
  sourcePublishedOn: "2022-02-17",
  sourcePublisher: "Mission « Innovation publique »",
};
