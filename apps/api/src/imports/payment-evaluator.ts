import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { formatCents, moneyStepRefusal, TRANCHE_KINDS, type TrancheStatus } from "@defis/domain";
import { and, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  parseAmountCents,
  parseEjNumber,
  parsePaymentDate,
  parseReference,
  rawText,
  valueOf,
  type Parsed,
} from "./import-cells.js";
import type { PaymentColumn } from "./import-columns.js";
import type { SourceRow } from "./import-readers.js";
import { readLaureateLedgers, type LaureateLedger, type OpenTranche } from "./import-ledgers.js";
import type { ImportRowReport } from "@defis/domain";

const { payments } = schema;

/** A row's cells read, each with its value or its error. */
interface ParsedRow {
  source: SourceRow<PaymentColumn>;
  ej: Parsed<string>;
  date: Parsed<string>;
  amount: Parsed<number>;
  reference: Parsed<string | null>;
}

/** What to write for a row to import: the tranche it pays, or the reason it is outside the schedule. */
export interface PaymentToWrite {
  laureateId: number;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  trancheId: number | null;
  reason: string | null;
}

export interface EvaluatedRow {
  report: ImportRowReport;
  write: PaymentToWrite | null;
}

/** "06/12/2026": dates in the report's sentences, as the pages write them. */
function frenchDay(isoDay: string): string {
  const [year, month, day] = isoDay.split("-");
  return `${day}/${month}/${year}`;
}

/** What the import observes besides the payment, for a tranche in this status. */
const OBSERVED_STEPS: Partial<Record<TrancheStatus, string>> = {
  prevu: "service fait et demande de paiement constatés",
  service_fait: "demande de paiement constatée",
};

/** "Solde n° 3 prévu le 01/06/2024 → payé ; service fait et demande de paiement constatés par l'import du 06/12/2026." */
function trancheChange(tranche: OpenTranche, amountCents: number, today: string): string {
  const observed = OBSERVED_STEPS[tranche.status];
  // "Avance prévue… → payée", "Solde prévu… → payé".
  const ending = tranche.kind === "avance" ? "e" : "";
  return (
    `${TRANCHE_KINDS[tranche.kind]} n° ${tranche.position} prévu${ending} le ${frenchDay(tranche.plannedOn)} → payé${ending}` +
    (amountCents === tranche.plannedAmountCents
      ? ""
      : ` (montant prévu : ${formatCents(tranche.plannedAmountCents)})`) +
    (observed ? ` ; ${observed} par l'import du ${frenchDay(today)}` : "") +
    "."
  );
}

/** The reason written on a payment that no open tranche awaits. */
export function outsideScheduleReason(today: string): string {
  return `Import du relevé du ${frenchDay(today)} : aucune tranche ouverte`;
}

/**
 * The tranche a row pays: the open tranche planned for exactly its amount,
 * else the earliest open one; none (outside the schedule) when none is open.
 * Taken off the list, so that two rows of one file never pay the same tranche.
 */
function takeTranche(ledger: LaureateLedger, amountCents: number): OpenTranche | null {
  const exact = ledger.openTranches.findIndex((tranche) => tranche.plannedAmountCents === amountCents);
  const [tranche] = ledger.openTranches.splice(Math.max(exact, 0), 1);
  return tranche ?? null;
}

/** "laureate|date|cents|reference": a payment as the import compares it. */
function paymentKey(
  laureateId: number,
  paidOn: string,
  amountCents: number,
  reference: string | null,
): string {
  return `${laureateId}|${paidOn}|${amountCents}|${reference ?? ""}`;
}

/**
 * Decides, row after row, what importing an extract would do: the same code
 * serves the dry run and the application, so both always agree. Rows come a
 * batch at a time, and the database is read a few times per batch, not per
 * row: the laureates of the EJ numbers first seen, their open tranches, and
 * the payments already recorded that the batch's rows repeat. Only the
 * laureates met so far are kept between batches, never their payments.
 * It reads without locking, outside any long transaction: the application
 * then checks, under its locks, that the ledger of every laureate of the file
 * is still as read (`fingerprints`).
 */
export class PaymentEvaluator {
  /** By EJ number: its laureate's ledger, or null when no laureate has it. */
  private readonly ledgerByEj = new Map<string, LaureateLedger | null>();
  /** Rows already accepted in this file, by "laureate|date|cents|reference", with their line. */
  private readonly accepted = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly today: string,
  ) {}

  /** By EJ number met in the file: the fingerprint of its laureate's ledger as read, null for none. */
  fingerprints(): Map<string, string | null> {
    return new Map([...this.ledgerByEj].map(([ej, ledger]) => [ej, ledger?.fingerprint ?? null]));
  }

  /** What each row of the batch would do, in the batch's order. */
  async evaluate(sources: readonly SourceRow<PaymentColumn>[]): Promise<EvaluatedRow[]> {
    const rows = sources.map((source) => this.parse(source));
    await this.readLedgers([
      ...new Set(
        rows.flatMap((row) => (row.ej.ok && !this.ledgerByEj.has(row.ej.value) ? [row.ej.value] : [])),
      ),
    ]);
    const recorded = await this.readRecorded(rows);
    return rows.map((row) => this.decide(row, recorded));
  }

  private parse(source: SourceRow<PaymentColumn>): ParsedRow {
    return {
      source,
      ej: parseEjNumber(source.cells.ejNumber),
      date: parsePaymentDate(source.cells.date, this.today),
      amount: parseAmountCents(source.cells.amount),
      reference: parseReference(source.cells.reference),
    };
  }

  private ledgerOf(row: ParsedRow): LaureateLedger | null {
    return row.ej.ok ? (this.ledgerByEj.get(row.ej.value) ?? null) : null;
  }

  /** `recorded`: the payments the batch repeats, by laureate and key; true when reversed since. */
  private decide(row: ParsedRow, recorded: Map<string, boolean>): EvaluatedRow {
    const { source, ej, date, amount, reference } = row;
    const ledger = this.ledgerOf(row);
    const report: ImportRowReport = {
      line: source.line,
      ejNumber: ej.ok ? ej.value : rawText(source.cells.ejNumber),
      laureate: ledger ? { slug: ledger.slug, title: ledger.title } : null,
      date: valueOf(date),
      amountCents: valueOf(amount),
      reference: reference.ok ? reference.value : rawText(source.cells.reference),
      outcome: "erreur",
      message: null,
      tranche: null,
    };
    const error = (message: string): EvaluatedRow => ({ report: { ...report, message }, write: null });
    const duplicate = (message: string): EvaluatedRow => ({
      report: { ...report, outcome: "doublon", message },
      write: null,
    });

    const problems = [ej, date, amount, reference].flatMap((parsed) => (parsed.ok ? [] : [parsed.error]));
    if (ej.ok && !ledger) {
      problems.unshift(
        `Aucun lauréat n'a l'EJ ${ej.value} : renseignez-le dans son dossier de financement, ou corrigez la ligne.`,
      );
    }
    if (!ledger || !date.ok || !amount.ok || !reference.ok || problems.length > 0) {
      return error(problems.join(" "));
    }

    const fileKey = paymentKey(ledger.id, date.value, amount.value, reference.value);
    const earlierLine = this.accepted.get(fileKey);
    if (earlierLine !== undefined) return duplicate(`Ligne identique à la ligne ${earlierLine} du fichier.`);
    const reversed = recorded.get(fileKey);
    if (reversed !== undefined) {
      return duplicate(
        reversed
          ? "Ce versement a déjà été enregistré, puis contre-passé : saisissez-le depuis la fiche du lauréat s'il faut le refaire."
          : "Ce versement est déjà enregistré (même lauréat, date, montant et référence).",
      );
    }
    if (ledger.remainingCents === null) {
      return error("Ce lauréat n'a pas d'allocation : attribuez-lui d'abord un montant.");
    }
    if (amount.value > ledger.remainingCents) {
      return error(
        `Ce versement dépasserait le montant alloué : il reste ${formatCents(ledger.remainingCents)} à payer, ` +
          "lignes précédentes du fichier comprises.",
      );
    }

    const modeRefusal = moneyStepRefusal("paye", ledger.fundingMode, ledger, reference.value);
    if (modeRefusal) return error(modeRefusal);

    const tranche = takeTranche(ledger, amount.value);
    const reason = tranche ? null : outsideScheduleReason(this.today);
    ledger.remainingCents -= amount.value;
    this.accepted.set(fileKey, source.line);
    return {
      report: {
        ...report,
        outcome: "à importer",
        message: tranche
          ? trancheChange(tranche, amount.value, this.today)
          : `Hors échéancier, motif : « ${reason} ».`,
        tranche: tranche
          ? {
              id: tranche.id,
              kind: tranche.kind,
              position: tranche.position,
              plannedOn: tranche.plannedOn,
              plannedAmountCents: tranche.plannedAmountCents,
              status: tranche.status,
            }
          : null,
      },
      write: {
        laureateId: ledger.id,
        amountCents: amount.value,
        paidOn: date.value,
        reference: reference.value,
        trancheId: tranche?.id ?? null,
        reason,
      },
    };
  }

  private async readLedgers(ejNumbers: string[]): Promise<void> {
    if (ejNumbers.length === 0) return;
    const read = await readLaureateLedgers(this.db, ejNumbers, false);
    for (const ejNumber of ejNumbers) this.ledgerByEj.set(ejNumber, read.get(ejNumber) ?? null);
  }

  /**
   * The recorded payments that rows of the batch repeat (same laureate, date,
   * amount and reference), in one statement: reversed only if every payment
   * with that key was reversed.
   */
  private async readRecorded(rows: ParsedRow[]): Promise<Map<string, boolean>> {
    const keys = rows.flatMap((row) => {
      const ledger = this.ledgerOf(row);
      return ledger && row.date.ok && row.amount.ok && row.reference.ok
        ? [
            {
              laureateId: ledger.id,
              paidOn: row.date.value,
              cents: row.amount.value,
              reference: row.reference.value,
            },
          ]
        : [];
    });
    const recorded = new Map<string, boolean>();
    if (keys.length === 0) return recorded;
    const reversals = alias(payments, "reversal");
    // No reference and an empty one are the same, as in the keys.
    const reference = sql<string>`coalesce(${payments.reference}, '')`;
    const repeated = await this.db
      .select({
        laureateId: payments.laureateId,
        paidOn: payments.paidOn,
        amountCents: payments.amountCents,
        reference,
        reversed: sql<boolean>`bool_and(${reversals.id} is not null)`,
      })
      // Four arrays rather than four parameters a row: the statement is built and sent in a fraction of the time.
      .from(
        sql`unnest(${sql.param(keys.map((key) => key.laureateId))}::integer[], ${sql.param(keys.map((key) => key.paidOn))}::date[],
          ${sql.param(keys.map((key) => key.cents))}::bigint[], ${sql.param(keys.map((key) => key.reference))}::text[])
          as row (laureate_id, paid_on, amount_cents, reference)`,
      )
      .innerJoin(
        payments,
        and(
          sql`${payments.laureateId} = row.laureate_id`,
          sql`${payments.paidOn} = row.paid_on`,
          sql`${payments.amountCents} = row.amount_cents`,
          sql`${reference} = coalesce(row.reference, '')`,
        ),
      )
      .leftJoin(reversals, eq(reversals.reversesPaymentId, payments.id))
      .where(gt(payments.amountCents, 0))
      .groupBy(payments.laureateId, payments.paidOn, payments.amountCents, reference);
    for (const payment of repeated) {
      recorded.set(
        paymentKey(payment.laureateId, payment.paidOn, payment.amountCents, payment.reference),
        payment.reversed,
      );
    }
    return recorded;
  }
}
