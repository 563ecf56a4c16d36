import {
  payTranches,
  recordPaymentOutsideSchedule,
  reversePayment,
  schema,
  setAllocation,
  type DatabaseHandle,
} from "@defis/db";
import { eq } from "drizzle-orm";
import { openSession } from "../auth/sessions.js";
import { sessionCookieName } from "../auth/session-cookie.js";

/** A valid SIRET (Luhn key) standing for the DITP in tests: the real one is configuration. */
export const TEST_ATTRIBUANT_SIRET = "12345678900015";

export interface MoneyFixture {
  /** Cookie headers of an officer and of a leadership account (the test servers run in production mode). */
  officerCookie: string;
  leadershipCookie: string;
  /** Payment ids, in the order they were recorded. */
  payments: {
    dggnTransfer: number;
    smicvalAdvance: number;
    smicvalDuplicate: number;
    smicvalReversal: number;
  };
}

async function laureateId(database: DatabaseHandle, slug: string): Promise<number> {
  const [row] = await database.db
    .select({ id: schema.laureates.id })
    .from(schema.laureates)
    .where(eq(schema.laureates.slug, slug));
  if (!row) throw new Error(`Lauréat absent : ${slug}`);
  return row.id;
}

/** An account of its own (the database has no demonstration account) and its session cookie. */
async function signedInAccount(
  database: DatabaseHandle,
  email: string,
  role: "charge_mission" | "direction",
): Promise<{ id: number; cookie: string }> {
  const [user] = await database.db
    .insert(schema.users)
    .values({ email, displayName: email, role })
    .returning({ id: schema.users.id });
  if (!user) throw new Error(`Compte non créé : ${email}`);
  return { id: user.id, cookie: `${sessionCookieName(true)}=${await openSession(database.db, user.id)}` };
}

/**
 * A small portfolio written through the ledger, on a database without the
 * demonstration scenario:
 * - smicval-zero-dechet (subvention): 120 000,00 € revised to 123 456,78 €, committed (EJ), four tranches
 *   (one cancelled), an advance paid, a duplicate payment reversed;
 * - chu-toulouse-parkinson (subvention): 50 000,01 €, no convention date yet;
 * - collectif-rivage-ou-atterrir (subvention, association): 10 000,05 €, RNA only, nothing paid;
 * - dggn-lab-innovation (transfert): 200 000,00 € transferred in one go, imported from Chorus.
 */
export async function writeMoneyFixture(database: DatabaseHandle): Promise<MoneyFixture> {
  const officer = await signedInAccount(database, "agent@ditp.example", "charge_mission");
  const leadership = await signedInAccount(database, "direction@ditp.example", "direction");
  const actor = { userId: officer.id };

  const dggn = await laureateId(database, "dggn-lab-innovation");
  const smicval = await laureateId(database, "smicval-zero-dechet");
  const chu = await laureateId(database, "chu-toulouse-parkinson");
  const collectif = await laureateId(database, "collectif-rivage-ou-atterrir");

  return database.db.transaction(async (tx) => {
    await setAllocation(tx, actor, { laureateId: dggn, amountCents: 20_000_000, reason: "Attribution" });
    await setAllocation(tx, actor, { laureateId: smicval, amountCents: 12_000_000, reason: "Attribution" });
    await setAllocation(tx, actor, { laureateId: smicval, amountCents: 12_345_678, reason: "Révision" });
    await setAllocation(tx, actor, { laureateId: chu, amountCents: 5_000_001, reason: "Attribution" });
    await setAllocation(tx, actor, { laureateId: collectif, amountCents: 1_000_005, reason: "Attribution" });

    await tx.insert(schema.fundingRecords).values([
      {
        laureateId: dggn,
        conventionDate: "2022-04-01",
        ejNumber: "2100999999",
        siret: "18000456000017",
        paymentConditions: "unique",
      },
      {
        laureateId: smicval,
        conventionDate: "2022-06-15",
        ejNumber: "2100123456",
        siret: "21330001200019",
        paymentConditions: "echelonne",
      },
      { laureateId: chu, siret: "26331012300017", paymentConditions: "unique" },
      { laureateId: collectif, conventionDate: "2022-05-02", rna: "W332012345", paymentConditions: "unique" },
    ]);

    const [advance] = await tx
      .insert(schema.tranches)
      .values([
        {
          laureateId: smicval,
          kind: "avance",
          position: 1,
          plannedAmountCents: 3_703_703,
          plannedOn: "2022-07-01",
          // Paid below, by the tranche's own step.
          status: "demande_paiement",
          serviceFaitOn: "2022-06-20",
          paymentRequestedOn: "2022-06-25",
          paymentRequestReference: "DP-2022-001",
        },
        {
          laureateId: smicval,
          kind: "acompte",
          position: 2,
          plannedAmountCents: 6_172_839,
          plannedOn: "2023-03-01",
          status: "demande_paiement",
          serviceFaitOn: "2023-02-10",
          paymentRequestedOn: "2023-02-15",
          // A separator and quotes: both dialects must quote it.
          paymentRequestReference: 'DP-2023-017; lot "B"',
        },
        {
          laureateId: smicval,
          kind: "solde",
          position: 3,
          plannedAmountCents: 2_469_136,
          plannedOn: "2023-12-15",
        },
        {
          laureateId: smicval,
          kind: "acompte",
          position: 4,
          plannedAmountCents: 100_000,
          plannedOn: "2024-06-30",
          status: "annule",
          cancelledOn: "2023-01-05",
          cancellationReason: "Fusion avec l'acompte n° 2, à la demande du porteur",
        },
      ])
      .returning({ id: schema.tranches.id });

    const dggnTransfer = await recordPaymentOutsideSchedule(
      tx,
      actor,
      {
        laureateId: dggn,
        amountCents: 20_000_000,
        paidOn: "2022-05-02",
        reference: "TRF-2022-01",
        reason: "Transfert en une fois, sans échéancier",
      },
      "import",
    );
    const [smicvalAdvance = 0] = await payTranches(tx, actor, [
      { trancheId: advance?.id ?? 0, path: "payer", paidOn: "2022-07-20", reference: "VIR-2022-0001" },
    ]);
    // A reference Excel would run as a formula: the Excel file must neutralise it, open data keep it.
    const smicvalDuplicate = await recordPaymentOutsideSchedule(tx, actor, {
      laureateId: smicval,
      amountCents: 50_000,
      paidOn: "2022-09-01",
      reference: "=1+2",
      reason: "Frais de l'atelier usagers, hors échéancier",
    });
    const { reversalId } = await reversePayment(tx, actor, {
      paymentId: smicvalDuplicate,
      reason: "Doublon, saisi deux fois",
      reversedOn: "2022-09-10",
    });
    return {
      officerCookie: officer.cookie,
      leadershipCookie: leadership.cookie,
      payments: { dggnTransfer, smicvalAdvance, smicvalDuplicate, smicvalReversal: reversalId },
    };
  });
}
