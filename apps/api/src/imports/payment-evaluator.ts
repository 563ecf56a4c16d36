import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { TRANCHE_KINDS, TRANCHE_STATUSES, type TrancheKind } from "@defis/domain";
import { and, eq, gt, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  parseAmountCents,
  parseEjNumber,
  parsePaymentDate,
  parseReference,
  type CellValue,
  type Parsed,
} from "./import-cells.js";
import type { SourceRow } from "./import-readers.js";
import type { ImportRowReport } from "@defis/domain";

const { allocations, fundingRecords, laureates, payments, tranches } = schema;

/** The statuses in which a tranche waits for its payment. */
export const PAYABLE_TRANCHE_STATUSES = ["demande_paiement", "service_fait"] as const;

interface OpenTranche {
  id: number;
  kind: TrancheKind;
  position: number;
  plannedAmountCents: number;
  status: (typeof PAYABLE_TRANCHE_STATUSES)[number];
}

/** What the import needs to know of one laureate, read once, then kept up to date row after row. */
interface LaureateLedger {
  id: number;
  slug: string;
  title: string;
  /** Allocation minus what is paid, minus the earlier rows of the file; null without an allocation. */
  remainingCents: number | null;
  /** Payments already recorded, by "date|cents|reference"; true when the payment was reversed since. */
  recorded: Map<string, boolean>;
  /** Tranches waiting for a payment and not yet claimed by an earlier row of the file. */
  openTranches: OpenTranche[];
}

/** What to write for a row to import. */
export interface PaymentToWrite {
  laureateId: number;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  trancheId: number | null;
}

export interface EvaluatedRow {
  report: ImportRowReport;
  write: PaymentToWrite | null;
}

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
function money(cents: number): string {
  return euros.format(cents / 100);
}

function rawText(value: CellValue): string | null {
  if (value === null) return null;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  return text === "" ? null : text.slice(0, 40);
}

function valueOf<T>(parsed: Parsed<T>): T | null {
  return parsed.ok ? parsed.value : null;
}

/** "Paiera la tranche n° 2 (acompte, demande de paiement)." */
function trancheMessage(tranche: OpenTranche): string {
  return (
    `Paiera la tranche n° ${tranche.position} (${TRANCHE_KINDS[tranche.kind].toLowerCase()}, ` +
    `${TRANCHE_STATUSES[tranche.status].toLowerCase()}).`
  );
}

/** Reversed only if every payment with that key was reversed. */
function recordedPayments(
  rows: { paidOn: string; amountCents: number; reference: string | null; reversalId: number | null }[],
): Map<string, boolean> {
  const recorded = new Map<string, boolean>();
  for (const payment of rows) {
    const key = `${payment.paidOn}|${payment.amountCents}|${payment.reference ?? ""}`;
    recorded.set(key, (recorded.get(key) ?? true) && payment.reversalId !== null);
  }
  return recorded;
}

/**
 * Decides, row after row, what importing an extract would do: the same code
 * serves the dry run and the application, so both always agree. Database
 * reads happen once per EJ number and per laureate, not once per row.
 * `lockTranches`: in the application, the open tranches are locked until the
 * transaction ends, so that the tranche a row will pay cannot move meanwhile.
 */
export class PaymentEvaluator {
  private readonly laureateByEj = new Map<string, number | null>();
  private readonly ledgers = new Map<number, LaureateLedger>();
  /** Rows already accepted in this file, by "laureate|date|cents|reference", with their line. */
  private readonly accepted = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly today: string,
    private readonly lockTranches: boolean,
  ) {}

  async evaluate(source: SourceRow): Promise<EvaluatedRow> {
    const ej = parseEjNumber(source.cells.ejNumber);
    const date = parsePaymentDate(source.cells.date, this.today);
    const amount = parseAmountCents(source.cells.amount);
    const reference = parseReference(source.cells.reference);
    const ledger = ej.ok ? await this.ledgerOf(ej.value) : null;

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

    const paymentKey = `${date.value}|${amount.value}|${reference.value ?? ""}`;
    const fileKey = `${ledger.id}|${paymentKey}`;
    const earlierLine = this.accepted.get(fileKey);
    if (earlierLine !== undefined) return duplicate(`Ligne identique à la ligne ${earlierLine} du fichier.`);
    const reversed = ledger.recorded.get(paymentKey);
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
        `Ce versement dépasserait le montant alloué : il reste ${money(ledger.remainingCents)} à payer, ` +
          "lignes précédentes du fichier comprises.",
      );
    }

    const trancheIndex = ledger.openTranches.findIndex(
      (tranche) => tranche.plannedAmountCents === amount.value,
    );
    const [tranche] = trancheIndex >= 0 ? ledger.openTranches.splice(trancheIndex, 1) : [];
    ledger.remainingCents -= amount.value;
    this.accepted.set(fileKey, source.line);
    return {
      report: {
        ...report,
        outcome: "à importer",
        message: tranche ? trancheMessage(tranche) : null,
        tranche: tranche ? { id: tranche.id, kind: tranche.kind, position: tranche.position } : null,
      },
      write: {
        laureateId: ledger.id,
        amountCents: amount.value,
        paidOn: date.value,
        reference: reference.value,
        trancheId: tranche?.id ?? null,
      },
    };
  }

  private async ledgerOf(ejNumber: string): Promise<LaureateLedger | null> {
    if (!this.laureateByEj.has(ejNumber)) {
      const [found] = await this.db
        .select({ id: laureates.id })
        .from(fundingRecords)
        .innerJoin(laureates, eq(laureates.id, fundingRecords.laureateId))
        .where(eq(fundingRecords.ejNumber, ejNumber));
      this.laureateByEj.set(ejNumber, found?.id ?? null);
      if (found && !this.ledgers.has(found.id)) this.ledgers.set(found.id, await this.readLedger(found.id));
    }
    const laureateId = this.laureateByEj.get(ejNumber);
    return laureateId === undefined || laureateId === null ? null : (this.ledgers.get(laureateId) ?? null);
  }

  private async readLedger(laureateId: number): Promise<LaureateLedger> {
    const [laureate] = await this.db
      .select({
        slug: laureates.slug,
        title: laureates.title,
        amountCents: allocations.amountCents,
        paidCents: allocations.paidCents,
      })
      .from(laureates)
      .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
      .where(eq(laureates.id, laureateId));
    if (!laureate) throw new Error(`Lauréat ${laureateId} introuvable.`);
    const reversals = alias(payments, "reversal");
    const recorded = await this.db
      .select({
        paidOn: payments.paidOn,
        amountCents: payments.amountCents,
        reference: payments.reference,
        reversalId: reversals.id,
      })
      .from(payments)
      .leftJoin(reversals, eq(reversals.reversesPaymentId, payments.id))
      .where(and(eq(payments.laureateId, laureateId), gt(payments.amountCents, 0)));
    const open = this.db
      .select({
        id: tranches.id,
        kind: tranches.kind,
        position: tranches.position,
        plannedAmountCents: tranches.plannedAmountCents,
        status: tranches.status,
      })
      .from(tranches)
      .where(
        and(eq(tranches.laureateId, laureateId), inArray(tranches.status, [...PAYABLE_TRANCHE_STATUSES])),
      )
      .orderBy(tranches.position);
    const openTranches = (this.lockTranches ? await open.for("update") : await open) as OpenTranche[];
    // A tranche whose payment is requested is the one the extract most likely pays.
    openTranches.sort(
      (left, right) =>
        PAYABLE_TRANCHE_STATUSES.indexOf(left.status) - PAYABLE_TRANCHE_STATUSES.indexOf(right.status) ||
        left.position - right.position,
    );
    return {
      id: laureateId,
      slug: laureate.slug,
      title: laureate.title,
      remainingCents: laureate.amountCents === null ? null : laureate.amountCents - (laureate.paidCents ?? 0),
      recorded: recordedPayments(recorded),
      openTranches,
    };
  }
}
