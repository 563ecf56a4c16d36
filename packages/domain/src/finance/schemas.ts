import { z } from "zod";
import { centsSchema, type Cents } from "../money.js";
import { isoDateSchema } from "../dates.js";
import { laureateSlug, storedInteger } from "../identifiers.js";
import { fundingModeSchema, type FundingModeKey } from "../laureate.js";
import type { RemainingToPay } from "./funding-rules.js";
import type { PaymentTotals } from "./payment-pages.js";

/** Tranches of a grant, in the order they are paid. */
export const TRANCHE_KINDS = {
  avance: "Avance",
  acompte: "Acompte",
  solde: "Solde",
} as const;
export type TrancheKind = keyof typeof TRANCHE_KINDS;

/** Where a tranche stands; how it moves from one to another is in `lifecycle.ts`. */
export const TRANCHE_STATUSES = {
  prevu: "Prévu",
  service_fait: "Service fait",
  demande_paiement: "Demande de paiement",
  paye: "Payé",
  annule: "Annulé",
} as const;
export type TrancheStatus = keyof typeof TRANCHE_STATUSES;

/** A proposed line of a payment schedule, before the officer adjusts it. */
export interface ProposedTranche {
  kind: TrancheKind;
  amountCents: Cents;
}

/**
 * Avance at signature, equal acomptes, solde on the final report: the usual
 * shape of a French grant schedule. Amounts are whole cents and always sum to
 * the allocation; the solde absorbs the rounding.
 */
export function proposeSchedule(
  allocationCents: Cents,
  { advanceRatio = 0.3, acomptes = 1, soldeRatio = 0.2 } = {},
): ProposedTranche[] {
  if (allocationCents <= 0) return [];
  const avance = Math.floor(allocationCents * advanceRatio);
  const solde = Math.floor(allocationCents * soldeRatio);
  const middle = allocationCents - avance - solde;
  const acompte = acomptes > 0 ? Math.floor(middle / acomptes) : 0;
  const schedule: ProposedTranche[] = [{ kind: "avance", amountCents: avance }];
  for (let index = 0; index < acomptes; index += 1) schedule.push({ kind: "acompte", amountCents: acompte });
  const assigned = schedule.reduce((sum, tranche) => sum + tranche.amountCents, 0);
  schedule.push({ kind: "solde", amountCents: allocationCents - assigned });
  return schedule.filter((tranche) => tranche.amountCents > 0);
}

/** SIRET: 14 digits with a valid Luhn key (La Poste's establishments excepted, as INSEE does). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith("356000000")) {
    return Array.from(value, Number).reduce((sum, digit) => sum + digit, 0) % 5 === 0;
  }
  let sum = 0;
  for (let index = 0; index < 14; index += 1) {
    let digit = Number(value[13 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const siretSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s/g, ""))
  .refine(isValidSiret, { error: "Le SIRET doit compter 14 chiffres et avoir une clé valide." });

export const rnaSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^W\d{9}$/, { error: "Le numéro RNA s'écrit W suivi de 9 chiffres." });

/** Chorus numbers its legal commitments (EJ) with 10 digits. */
export const ejNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{10}$/, { error: "Le numéro d'engagement juridique (EJ) Chorus compte 10 chiffres." });

export const PAYMENT_CONDITIONS = {
  unique: "Versement unique",
  echelonne: "Versements échelonnés",
  autre: "Autre",
} as const;
export type PaymentCondition = keyof typeof PAYMENT_CONDITIONS;

/**
 * Every money mutation carries a key chosen by the client: a retry with the
 * same key and payload returns the first result instead of writing twice.
 */
export const idempotencyKeySchema = z.uuid({ error: "Clé d'idempotence invalide." });

/** The reason an officer gives for a money decision, kept in its history. */
export const reasonSchema = z
  .string()
  .trim()
  .min(5, { error: "Indiquez le motif (5 caractères au moins)." })
  .max(500, { error: "Le motif est limité à 500 caractères." });

/** Sets a laureate's allocation to a new amount; the movement (increase or decrease) is derived. */
export const setAllocationSchema = z.object({
  laureateSlug,
  amountCents: centsSchema,
  reason: reasonSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type SetAllocationInput = z.infer<typeof setAllocationSchema>;

/** Moves an amount from one laureate's allocation to another's, in one step. */
export const reallocateSchema = z
  .object({
    fromLaureateSlug: laureateSlug,
    toLaureateSlug: laureateSlug,
    amountCents: centsSchema.refine((value) => value > 0, { error: "Le montant doit être positif." }),
    reason: reasonSchema,
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((input) => input.fromLaureateSlug !== input.toLaureateSlug, {
    error: "Choisissez deux lauréats différents.",
    path: ["toLaureateSlug"],
  });
export type ReallocateInput = z.infer<typeof reallocateSchema>;

/**
 * A payment outside the schedule ("hors échéancier"): money paid that no
 * tranche plans. It is the exception, so it says why. A tranche is paid by its
 * own step (`moveTrancheSchema`), never by this entry.
 */
export const recordPaymentSchema = z.object({
  laureateSlug,
  amountCents: centsSchema.refine((value) => value > 0, { error: "Le montant doit être positif." }),
  paidOn: isoDateSchema,
  reference: z.string().trim().max(100, { error: "100 caractères au plus." }).optional(),
  reason: z
    .string()
    .trim()
    .min(5, { error: "Indiquez pourquoi ce versement est hors échéancier (5 caractères au moins)." })
    .max(500, { error: "Le motif est limité à 500 caractères." }),
  idempotencyKey: idempotencyKeySchema,
});
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;

/** A paid amount is never edited: a correction is a reversal, with its reason. */
export const reversePaymentSchema = z.object({
  paymentId: storedInteger,
  reason: reasonSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type ReversePaymentInput = z.infer<typeof reversePaymentSchema>;

/** How an allocation changes: granted, raised, lowered, or moved from one laureate to another. */
export const ALLOCATION_MOVEMENT_KINDS = {
  attribution: "Attribution",
  augmentation: "Augmentation",
  diminution: "Diminution",
  reaffectation: "Réaffectation",
} as const;
export type AllocationMovementKind = keyof typeof ALLOCATION_MOVEMENT_KINDS;

/** A movement of the envelope's ledger, as the history shows it. */
export interface AllocationMovementItem {
  id: number;
  kind: AllocationMovementKind;
  deltaCents: Cents;
  amountAfterCents: Cents;
  reason: string;
  counterpart: { slug: string; title: string } | null;
  actorName: string | null;
  occurredAt: Date;
}

/** Where a payment was recorded from. */
export const PAYMENT_SOURCES = {
  saisie: "Saisie",
  import: "Import d'un relevé",
} as const;
export type PaymentSource = keyof typeof PAYMENT_SOURCES;

export interface PaymentItem {
  id: number;
  /** The tranche this payment paid, if any. */
  trancheId: number | null;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  reversesPaymentId: number | null;
  reversedBy: number | null;
  reason: string | null;
  source: "saisie" | "import";
}

/** The money side of one laureate: allocation, funding record, schedule, ledger and payments. */
export interface LaureateFinance {
  laureateSlug: string;
  funding: FundingRecordItem;
  tranches: TrancheItem[];
  allocation: { amountCents: Cents; originalAmountCents: Cents; paidCents: Cents; isDemo: boolean } | null;
  /** Engagé, by the rule of the laureate's funding mode (`isCommitted`). */
  committed: boolean;
  /** What "engagé" means for this laureate's mode, written beside the figure. */
  commitmentDefinition: string;
  /** Restes à payer, never a silent 0 for money paid without a commitment. */
  remainingToPay: RemainingToPay;
  movements: AllocationMovementItem[];
  /** The latest payments (`LATEST_PAYMENTS`), newest first; `finance.payments` pages through all. */
  payments: PaymentItem[];
  /** Count and sum of every payment, not of the latest only. */
  paymentTotals: PaymentTotals;
}

/** Planned and actual payments of one month ("2024-03"), the basis of the cumulative curves. */
export interface MonthlyPayments {
  month: string;
  plannedCents: Cents;
  paidCents: number;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${max} caractères au plus.` })
    .transform((value) => (value === "" ? null : value))
    .nullable();

/** The funding record of a laureate, edited on the version read. */
export const updateFundingRecordSchema = z.object({
  laureateSlug,
  version: z.number().int().min(0),
  /** The laureate's funding mode, which decides what money steps require. */
  fundingMode: fundingModeSchema,
  conventionDate: isoDateSchema.nullable(),
  ejNumber: ejNumberSchema.nullable(),
  siret: siretSchema.nullable(),
  rna: rnaSchema.nullable(),
  paymentConditions: z
    .enum(["unique", "echelonne", "autre"], { error: "Conditions de versement inconnues." })
    .nullable(),
  idempotencyKey: idempotencyKeySchema,
});
export type UpdateFundingRecordInput = z.infer<typeof updateFundingRecordSchema>;

export const trancheKindSchema = z.enum(["avance", "acompte", "solde"], {
  error: "Type de tranche inconnu.",
});

const plannedTrancheSchema = z.object({
  kind: trancheKindSchema,
  plannedAmountCents: centsSchema.refine((value) => value > 0, {
    error: "Le montant prévu doit être positif.",
  }),
  plannedOn: isoDateSchema,
  /** The milestone the tranche waits for, kept when a schedule is rebalanced. */
  gatingMilestoneId: z.number().int().positive().nullable().optional(),
});

/**
 * Replaces the planned tranches of a schedule (those still "prévu"); tranches
 * already under way stay as they are. The planned total may not exceed the
 * allocation.
 */
export const planScheduleSchema = z.object({
  laureateSlug,
  tranches: z.array(plannedTrancheSchema).max(24, { error: "24 tranches au plus." }),
  idempotencyKey: idempotencyKeySchema,
});
export type PlanScheduleInput = z.infer<typeof planScheduleSchema>;

/** One step of a tranche, dated, with its reference (DP number, payment reference) or reason. */
export const moveTrancheSchema = z
  .object({
    trancheId: storedInteger,
    version: storedInteger,
    to: z.enum(["service_fait", "demande_paiement", "paye", "annule"], { error: "Statut inconnu." }),
    on: isoDateSchema,
    reference: optionalText(100).optional(),
    /** For a payment, the amount actually paid; the planned amount by default. */
    amountCents: centsSchema.optional(),
    reason: optionalText(500).optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((input) => input.to !== "annule" || (input.reason ?? "").length >= 5, {
    error: "Indiquez le motif de l'annulation (5 caractères au moins).",
    path: ["reason"],
  });
export type MoveTrancheInput = z.infer<typeof moveTrancheSchema>;

/** Links a planned tranche to the milestone it waits for, or unlinks it (null). */
export const setTrancheGateSchema = z.object({
  trancheId: storedInteger,
  version: storedInteger,
  milestoneId: storedInteger.nullable(),
  idempotencyKey: idempotencyKeySchema,
});
export type SetTrancheGateInput = z.infer<typeof setTrancheGateSchema>;

export interface TrancheItem {
  id: number;
  kind: TrancheKind;
  position: number;
  plannedAmountCents: Cents;
  plannedOn: string;
  status: TrancheStatus;
  serviceFaitOn: string | null;
  paymentRequestedOn: string | null;
  paymentRequestReference: string | null;
  paidOn: string | null;
  cancelledOn: string | null;
  cancellationReason: string | null;
  gatingMilestoneId: number | null;
  /** The milestone "service fait" waits for, and whether it is reached. */
  gatingMilestone: { title: string; reached: boolean } | null;
  version: number;
}

export interface FundingRecordItem {
  /** Kept on the laureate; edited with its funding record. */
  fundingMode: FundingModeKey;
  conventionDate: string | null;
  ejNumber: string | null;
  siret: string | null;
  rna: string | null;
  paymentConditions: PaymentCondition | null;
  /** 0 while no record exists yet. */
  version: number;
}
