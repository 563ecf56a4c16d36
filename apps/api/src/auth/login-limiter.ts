import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { and, eq, gt, or, sql, type SQL } from "drizzle-orm";

const { loginAttempts } = schema;

/**
 * Three limits, counted in the database so that every instance shares them:
 * - one account from one address: after 5 failures, refused for the window;
 * - one address across accounts (password spraying): after 20 failures, each
 *   further attempt waits, longer and longer;
 * - one account across addresses (a distributed guess): after 10 failures,
 *   attempts wait likewise, except from an address this account has signed in
 *   from: an attacker slows the account down without locking its owner out.
 */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  accountAndAddressFailures: 5,
  addressFailures: 20,
  accountFailures: 10,
  /** The first wait once a slowing limit is reached; it doubles with each further failure. */
  firstWaitSeconds: 30,
  knownAddressDays: 90,
} as const;

export const TOO_MANY_ATTEMPTS_MESSAGE =
  "Trop de tentatives de connexion pour ce compte depuis votre poste. Réessayez dans 15 minutes.";

/** The failures that the limits read, as counted in the window. */
export interface AttemptCounts {
  /** Failures for this account from this address since its last success there. */
  accountAndAddress: number;
  address: FailuresSince;
  account: FailuresSince;
  /** This account signed in from this address within `knownAddressDays`. */
  knownAddress: boolean;
}

/** Failures in the window, and the seconds since the latest of them (null when none). */
interface FailuresSince {
  failures: number;
  secondsSinceLast: number | null;
}

export type SignInGate =
  | { kind: "open" }
  | { kind: "locked" }
  | { kind: "slowed"; scope: "adresse" | "compte"; retryAfterSeconds: number };

/** Seconds still to wait after `failures` failures against a slowing limit; 0 when none. */
function remainingWait({ failures, secondsSinceLast }: FailuresSince, threshold: number): number {
  if (failures < threshold || secondsSinceLast === null) return 0;
  const wait = Math.min(
    LOGIN_LIMITS.firstWaitSeconds * 2 ** (failures - threshold),
    LOGIN_LIMITS.windowMinutes * 60,
  );
  return Math.max(0, Math.ceil(wait - secondsSinceLast));
}

/** Whether an attempt may go ahead now, from the counts of earlier failures. */
export function signInGate(counts: AttemptCounts): SignInGate {
  if (counts.accountAndAddress >= LOGIN_LIMITS.accountAndAddressFailures) return { kind: "locked" };
  const addressWait = remainingWait(counts.address, LOGIN_LIMITS.addressFailures);
  if (addressWait > 0) return { kind: "slowed", scope: "adresse", retryAfterSeconds: addressWait };
  const accountWait = counts.knownAddress ? 0 : remainingWait(counts.account, LOGIN_LIMITS.accountFailures);
  if (accountWait > 0) return { kind: "slowed", scope: "compte", retryAfterSeconds: accountWait };
  return { kind: "open" };
}

/** "2 minutes", "45 secondes": how long the person must wait, in French. */
function inFrench(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

export function slowedMessage(gate: Extract<SignInGate, { kind: "slowed" }>): string {
  return gate.scope === "adresse"
    ? `Trop de tentatives de connexion depuis votre réseau. Réessayez dans ${inFrench(gate.retryAfterSeconds)}.`
    : `Trop de tentatives de connexion sur ce compte. Réessayez dans ${inFrench(gate.retryAfterSeconds)}, ou depuis le poste d'où vous vous connectez d'habitude.`;
}

/**
 * Serialises the attempts from one address and on one account across every
 * instance: the check and the record happen under two transaction-level
 * advisory locks, always taken address first, so two attempts cannot deadlock.
 * Each kind of key has its own class (the first number), so they never collide.
 */
export async function lockAttemptsOf(db: Executor, email: string, address: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(1, hashtext(${address}))`);
  await db.execute(sql`select pg_advisory_xact_lock(2, hashtext(${email}))`);
}

/** The counts the limits read, in one statement. */
export async function countAttempts(db: Executor, email: string, address: string): Promise<AttemptCounts> {
  const t = loginAttempts;
  const lastPairSuccess = sql`coalesce((
    select max(${t.attemptedAt}) from ${t}
    where ${t.email} = ${email} and ${t.address} = ${address} and ${t.succeeded}
  ), '-infinity')`;
  const count = (where: SQL) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);
  const secondsSinceLast = (where: SQL) =>
    sql<number | null>`extract(epoch from now() - max(${t.attemptedAt}) filter (where ${where}))`.mapWith(
      (value: string | number | null) => (value === null ? null : Number(value)),
    );
  const ofAddress = sql`${t.address} = ${address}`;
  const ofAccount = sql`${t.email} = ${email}`;
  const [row] = await db
    .select({
      pair: count(sql`${ofAccount} and ${ofAddress} and ${t.attemptedAt} > ${lastPairSuccess}`),
      addressFailures: count(ofAddress),
      addressSeconds: secondsSinceLast(ofAddress),
      accountFailures: count(ofAccount),
      accountSeconds: secondsSinceLast(ofAccount),
      known: sql<boolean>`exists (
        select 1 from ${t} where ${ofAccount} and ${ofAddress} and ${t.succeeded}
          and ${t.attemptedAt} > now() - make_interval(days => ${LOGIN_LIMITS.knownAddressDays})
      )`,
    })
    .from(t)
    .where(
      and(
        eq(t.succeeded, false),
        gt(t.attemptedAt, sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`),
        or(eq(t.email, email), eq(t.address, address)),
      ),
    );
  return {
    accountAndAddress: row?.pair ?? 0,
    address: { failures: row?.addressFailures ?? 0, secondsSinceLast: row?.addressSeconds ?? null },
    account: { failures: row?.accountFailures ?? 0, secondsSinceLast: row?.accountSeconds ?? null },
    knownAddress: row?.known ?? false,
  };
}

export async function recordAttempt(
  db: Executor,
  email: string,
  address: string,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ email, address, succeeded });
}
