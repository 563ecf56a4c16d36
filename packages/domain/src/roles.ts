/**
 * Roles and permissions, without zod: the web app's entry chunk (header,
 * route guards) imports this module alone through "@defis/domain/roles".
 */
import { keysOf } from "./labels.js";

/** Who does what; labels as the DITP says them. */
export const ROLES = {
  administrateur: "Administrateur",
  charge_mission: "Chargé·e de mission DITP",
  sponsor: "Sponsor ministériel",
  direction: "Direction",
} as const;
export type Role = keyof typeof ROLES;
export const ALL_ROLES = keysOf(ROLES);
/** What each role may do, for the web app to hide what the server would refuse. */
export const PERMISSIONS = {
  /** The whole portfolio and its money exports are open to every signed-in role. */
  readPortfolio: ["administrateur", "charge_mission", "sponsor", "direction"],
  manageUsers: ["administrateur"],
  readAudit: ["administrateur", "charge_mission"],
  editLaureateFacts: ["charge_mission", "administrateur"],
  manageMoney: ["charge_mission", "administrateur"],
  /** Milestones, météo and comments: sponsors within their scope, and the DITP. */
  updateProgress: ["charge_mission", "administrateur", "sponsor"],
  /** Rewording a comment someone else wrote: the DITP corrects; a sponsor rewords only their own. */
  correctAnyComment: ["charge_mission", "administrateur"],
  /** The "À relancer" page: who is late or stale, by sponsor. */
  chaseUpdates: ["charge_mission", "administrateur"],
  /** The mail the application wrote (outbox), readable in demo mode instead of a server. */
  readOutbox: ["charge_mission", "administrateur"],
  /** Preparing the week's reminders ahead of Monday's schedule, and chasing one sponsor at once. */
  sendReminders: ["charge_mission", "administrateur"],
  /**
   * Giving a laureate without sponsor to an existing sponsor (one entry added
   * to their scope), from "À relancer"; creating accounts stays the administrator's.
   */
  assignSponsor: ["charge_mission", "administrateur"],
  manageSettings: ["administrateur"],
  /** Replication scorecards and closing a laureate: the officer, with the sponsor at the table. */
  scoreReplication: ["charge_mission", "administrateur"],
  closeLaureate: ["charge_mission", "administrateur"],
  /** Sponsors keep the adoptions and reusable assets of their own laureates (scope checked by the server). */
  manageAdoptions: ["charge_mission", "administrateur", "sponsor"],
  /**
   * The consistency controls: the officers' list of what to fix, and its count
   * in their navigation and on the dashboard. The direction reads the figures,
   * not this work list, whose every line leads to an action it cannot take.
   */
  readControls: ["charge_mission", "administrateur"],
  /** Opening a portfolio review (COPIL), whose figures are then frozen; leadership reads them. */
  openReview: ["charge_mission", "administrateur"],
  /** Recording a review's decisions and noting their status: the officers who run the COPIL. */
  recordDecisions: ["charge_mission", "administrateur"],
  /**
   * A review's decisions, the list of those due and their export: the officers
   * and the direction. A sponsor reads those of their own laureates, on the
   * laureate's page (`readLaureateDecisions`, scope checked by the server).
   */
  readDecisions: ["charge_mission", "administrateur", "direction"],
  readLaureateDecisions: ["charge_mission", "administrateur", "direction", "sponsor"],
  /**
   * Impact indicators: the officers define them with the sponsor, decide on a
   * sponsor's proposal and keep the catalogue of common indicators; a sponsor
   * proposes one for a laureate of their scope. Measures are progress
   * (`updateProgress`, scope checked by the server).
   */
  defineIndicators: ["charge_mission", "administrateur"],
  proposeIndicators: ["sponsor"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
