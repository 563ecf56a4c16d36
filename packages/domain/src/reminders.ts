import { daysBetween } from "./dates.js";
import {
  FRESHNESS_PARTS,
  WEATHER_LEVELS,
  type FollowUpRow,
  type FreshnessPart,
  type PersonRef,
} from "./progress/index.js";

/**
 * The texts of the weekly reminders, in French plain text. Pure: the job
 * gives the follow-up rows and the day, so a test fixes both.
 */
export interface MailRecipient extends PersonRef {
  email: string;
}

export interface MailContent {
  subject: string;
  body: string;
}

export interface ReminderContext {
  /** The address users reach the app at, without a trailing slash. */
  publicUrl: string;
  /** The day the reminders are written, in Paris ("2026-11-23"). */
  today: string;
  staleAfterDays: number;
}

// Mails are read away from the app: their dates are written here, the web app keeps its own formatter.
const parisDayFormatter = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" });

/** The day of an instant in Paris ("2026-11-23"). */
export function parisDayOf(instant: Date): string {
  return parisDayFormatter.format(instant);
}

/** "2026-11-23" or an instant → "23/11/2026" (the instant's day in Paris). */
export function formatMailDate(value: string | Date): string {
  const day = typeof value === "string" ? value : parisDayOf(value);
  const [year = "", month = "", date = ""] = day.split("-");
  return `${date}/${month}/${year}`;
}

function days(count: number): string {
  return `${String(count)} jour${count > 1 ? "s" : ""}`;
}

function lastUpdate(updatedAt: Date | null): string {
  return updatedAt === null ? "jamais" : formatMailDate(updatedAt);
}

const SIGNATURE = [
  "Ce message est écrit chaque semaine par Défis, l'outil de suivi de l'appel à défis de la DITP.",
  "Merci de ne pas y répondre : mettez à jour le suivi directement dans Défis.",
];

/**
 * A laureate needs the sponsor's attention when a part is stale, a milestone
 * late, an indicator to measure, or its météo contradicted.
 */
export function needsAttention(row: FollowUpRow): boolean {
  return (
    row.staleParts.length > 0 ||
    row.lateMilestones.length > 0 ||
    row.lateIndicators.length > 0 ||
    row.health.diverges
  );
}

/** What one laureate lacks, line by line, with the link to its page: the same words in every mail. */
export function laureateSection(row: FollowUpRow, publicUrl: string): string[] {
  const lines = [`■ ${row.title}`, `  Porteur : ${row.porteur}`];
  for (const stale of row.staleParts) {
    lines.push(
      `  - ${FRESHNESS_PARTS[stale.part]} à mettre à jour (dernière mise à jour : ${lastUpdate(stale.updatedAt)})`,
    );
  }
  for (const milestone of row.lateMilestones) {
    lines.push(
      `  - Jalon en retard : « ${milestone.title} », prévu le ${formatMailDate(milestone.dueOn)}, ${days(milestone.daysLate)} de retard`,
    );
  }
  for (const indicator of row.lateIndicators) {
    lines.push(
      `  - Indicateur à mesurer : « ${indicator.name} », mesure attendue le ${formatMailDate(indicator.dueOn)}`,
    );
  }
  if (row.health.diverges && row.health.declared !== null) {
    lines.push(
      `  - Météo déclarée « ${WEATHER_LEVELS[row.health.declared]} » bien meilleure que la santé calculée « ${WEATHER_LEVELS[row.health.computed.level]} » : vérifiez-la`,
    );
  }
  lines.push(`  Fiche du projet : ${publicUrl}/laureats/${row.laureateSlug}`);
  return lines;
}

/** The laureates covered by the sponsor that need their attention, in the rows' order. */
export function rowsNeedingSponsor(sponsorId: number, rows: readonly FollowUpRow[]): FollowUpRow[] {
  return rows.filter((row) => row.sponsors.some((person) => person.id === sponsorId) && needsAttention(row));
}

/**
 * The weekly digest of one sponsor: each laureate of their scope that needs
 * attention, with links. Null when none does: no mail is written.
 */
export function buildSponsorDigest(
  sponsor: MailRecipient,
  rows: readonly FollowUpRow[],
  context: ReminderContext,
): MailContent | null {
  const mine = rowsNeedingSponsor(sponsor.id, rows);
  if (mine.length === 0) return null;
  const count = mine.length === 1 ? "1 projet demande" : `${String(mine.length)} projets demandent`;
  return {
    subject: `Défis : ${count} votre attention`,
    body: [
      `Bonjour ${sponsor.displayName},`,
      "",
      `Au ${formatMailDate(context.today)}, ${count} votre attention dans votre périmètre.`,
      `Une partie du suivi est à mettre à jour quand elle ne l'a pas été depuis plus de ${days(context.staleAfterDays)}.`,
      "",
      ...mine.flatMap((row) => [...laureateSection(row, context.publicUrl), ""]),
      `Tous vos projets : ${context.publicUrl}/mes-projets`,
      "",
      ...SIGNATURE,
    ].join("\n"),
  };
}

export interface StaleSponsor {
  sponsor: PersonRef;
  laureates: {
    laureateSlug: string;
    title: string;
    parts: { part: FreshnessPart; updatedAt: Date | null }[];
  }[];
}

/**
 * Sponsors with a laureate whose sponsor part was last updated more than
 * twice the cadence ago, or never: past that, reminding the sponsor again is
 * not enough and the officer steps in. Exactly twice the cadence is not past.
 */
export function sponsorsStalePastTwiceCadence(
  rows: readonly FollowUpRow[],
  context: Pick<ReminderContext, "today" | "staleAfterDays">,
): StaleSponsor[] {
  const limit = 2 * context.staleAfterDays;
  const bySponsor = new Map<number, StaleSponsor>();
  for (const row of rows) {
    const parts = row.staleParts.filter(
      (stale) => stale.updatedAt === null || daysBetween(parisDayOf(stale.updatedAt), context.today) > limit,
    );
    if (parts.length === 0) continue;
    for (const sponsor of row.sponsors) {
      const entry = bySponsor.get(sponsor.id) ?? { sponsor, laureates: [] };
      entry.laureates.push({ laureateSlug: row.laureateSlug, title: row.title, parts });
      bySponsor.set(sponsor.id, entry);
    }
  }
  return [...bySponsor.values()].sort((left, right) =>
    left.sponsor.displayName.localeCompare(right.sponsor.displayName, "fr"),
  );
}

/** One mail to an officer listing the sponsors stale past twice the cadence; null when there is none. */
export function buildOfficerAlert(
  officer: MailRecipient,
  staleSponsors: readonly StaleSponsor[],
  context: ReminderContext,
): MailContent | null {
  if (staleSponsors.length === 0) return null;
  const limit = days(2 * context.staleAfterDays);
  const count = staleSponsors.length === 1 ? "1 sponsor" : `${String(staleSponsors.length)} sponsors`;
  return {
    subject: `Défis : ${count} sans mise à jour depuis plus de ${limit}`,
    body: [
      `Bonjour ${officer.displayName},`,
      "",
      `Au ${formatMailDate(context.today)}, ${count} n'${staleSponsors.length === 1 ? "a" : "ont"} pas mis à jour le suivi d'au moins un projet depuis plus de ${limit} (deux fois la fréquence de mise à jour). Les rappels hebdomadaires n'ont pas suffi : une relance de votre part est attendue.`,
      "",
      ...staleSponsors.flatMap(({ sponsor, laureates }) => [
        `■ ${sponsor.displayName}`,
        ...laureates.flatMap((laureate) => [
          `  - ${laureate.title} : ${laureate.parts
            .map(
              (stale) =>
                `${FRESHNESS_PARTS[stale.part]} (dernière mise à jour : ${lastUpdate(stale.updatedAt)})`,
            )
            .join(", ")}`,
          `    ${context.publicUrl}/laureats/${laureate.laureateSlug}`,
        ]),
        "",
      ]),
      ...SIGNATURE,
    ].join("\n"),
  };
}
