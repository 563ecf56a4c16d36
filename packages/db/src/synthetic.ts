import { asc, sql } from "drizzle-orm";
import type { Executor } from "./database.js";
import { scheduleLedgerBreaches } from "./ledger-invariants.js";
import { laureates, programmes } from "./schema/index.js";

export interface SyntheticPortfolio {
  /** Laureates to add beside the existing ones (copies of the real ones' categories, ministries, territories). */
  laureates: number;
  /** Payment lines spread evenly over the added laureates. */
  payments: number;
  /** Milestones spread evenly over the added laureates (none by default). */
  milestones?: number;
}

export interface SyntheticResult {
  /** Identifiers of the added laureates are all above this one. */
  afterLaureateId: number;
  /** The EJ numbers of the added laureates, for a payment extract to name them. */
  firstEjNumber: string;
}

/** "9" then nine digits: never one of the demonstration scenario's ("21…"). */
export function syntheticEjNumber(laureateId: number): string {
  return `9${String(laureateId).padStart(9, "0")}`;
}

/**
 * Adds a synthetic portfolio in a few set-based statements (generate_series),
 * so that a million payment lines take seconds, not hours. Every added row is
 * marked is_demo, and the ledger's invariants hold: each allocation is 125 %
 * of what was paid on it, its paid_cents is the sum of its payments, and the
 * envelope grows by exactly the added allocations. Meant for benchmarks and
 * tests, never for a real database.
 */
export async function addSyntheticPortfolio(
  db: Executor,
  size: SyntheticPortfolio,
): Promise<SyntheticResult> {
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .orderBy(asc(programmes.id))
    .limit(1);
  if (!programme) throw new Error("Aucun programme : préparez la base avant d'y ajouter des lauréats.");
  const programmeId = programme.id;
  const [last] = await db
    .select({
      id: sql<number>`coalesce(max(${laureates.id}), 0)::int`,
      position: sql<number>`coalesce(max(${laureates.position}), 0)::int`,
    })
    .from(laureates);
  const afterLaureateId = last?.id ?? 0;
  const lastPosition = last?.position ?? 0;

  await db.execute(sql`
    with template as (
      select row_number() over (order by position, id) as rn, porteur, ministry, category, territory_scope,
             region_code, departement_code, place, funding_mode
      from laureate where programme_id = ${programmeId}
    )
    insert into laureate (programme_id, slug, title, porteur, ministry, category, territory_scope, region_code,
                          departement_code, place, summary, funding_mode, position)
    select ${programmeId}, 'synthetique-' || (${lastPosition} + g), 'Projet synthétique n° ' || (${lastPosition} + g),
           t.porteur, t.ministry, t.category, t.territory_scope, t.region_code, t.departement_code, t.place,
           'Lauréat généré pour les mesures de performance.', t.funding_mode, ${lastPosition} + g
    from generate_series(1, ${size.laureates}) g
    join template t on t.rn = 1 + (g - 1) % (select count(*) from template)`);

  // Payments over 2022–2025, amounts between 100 € and 5 100 €, spread evenly over the new laureates,
  // outside the schedule (with their reason): the tranches below stay planned, for the tranche steps to pay.
  await db.execute(sql`
    with added as (
      select id, row_number() over (order by id) - 1 as idx from laureate where id > ${afterLaureateId}
    )
    insert into payment (laureate_id, amount_cents, paid_on, reference, reason, source, is_demo)
    select a.id, 10000 + (i::bigint * 7919 + a.id::bigint * 104729) % 500000, date '2022-03-01' + ((i * 37 + a.id) % 1300)::int,
           'SYN-' || i, 'Versement synthétique hors échéancier (banc d''essai)', 'import', true
    from generate_series(0, ${size.payments} - 1) i
    join added a on a.idx = i % ${size.laureates}`);

  await db.execute(sql`
    insert into allocation (laureate_id, amount_cents, original_amount_cents, paid_cents, is_demo)
    select l.id, coalesce(s.paid, 0) * 5 / 4 + 1000000, coalesce(s.paid, 0) * 5 / 4 + 1000000, coalesce(s.paid, 0), true
    from laureate l
    left join (select laureate_id, sum(amount_cents) as paid from payment
               where laureate_id > ${afterLaureateId} group by laureate_id) s on s.laureate_id = l.id
    where l.id > ${afterLaureateId}`);

  await db.execute(sql`
    insert into allocation_movement (programme_id, laureate_id, kind, delta_cents, amount_after_cents, reason,
                                     occurred_at, is_demo)
    select ${programmeId}, laureate_id, 'attribution', amount_cents, amount_cents,
           'Attribution (données synthétiques)', timestamptz '2022-03-01 10:00:00+01', true
    from allocation where laureate_id > ${afterLaureateId}`);

  await db.execute(sql`
    insert into funding_record (laureate_id, convention_date, ej_number, payment_conditions, is_demo)
    select id, date '2022-03-01', '9' || lpad(id::text, 9, '0'), 'echelonne', true
    from laureate where id > ${afterLaureateId}`);

  await db.execute(sql`
    insert into tranche (laureate_id, kind, position, planned_amount_cents, planned_on, status, is_demo)
    select a.laureate_id, k.kind, k.position,
           case k.kind when 'avance' then a.amount_cents * 3 / 10
                       when 'acompte' then a.amount_cents * 4 / 10
                       else a.amount_cents - a.amount_cents * 3 / 10 - a.amount_cents * 4 / 10 end,
           k.planned_on, 'prevu', true
    from allocation a
    cross join (values ('avance', 1, date '2022-06-01'), ('acompte', 2, date '2023-06-01'),
                       ('solde', 3, date '2025-06-01')) as k(kind, position, planned_on)
    where a.laureate_id > ${afterLaureateId}`);

  // Milestones due over 2022–2027: those past due mostly reached, one in seven left late; the rest to come.
  if ((size.milestones ?? 0) > 0) {
    await db.execute(sql`
      with added as (
        select id, row_number() over (order by id) - 1 as idx from laureate where id > ${afterLaureateId}
      ), planned as (
        select a.id as laureate_id, i, date '2022-03-01' + ((i * 53 + a.id) % 2000)::int as due_on
        from generate_series(0, ${size.milestones ?? 0} - 1) i
        join added a on a.idx = i % ${size.laureates}
      )
      insert into milestone (laureate_id, title, due_on, status, reached_on, position, is_demo)
      select laureate_id, 'Jalon synthétique n° ' || i, due_on,
             case when due_on < current_date and i % 7 <> 0 then 'atteint'
                  when due_on < current_date then 'en_cours' else 'a_venir' end,
             case when due_on < current_date and i % 7 <> 0 then due_on end,
             i / ${size.laureates} + 1, true
      from planned`);
  }

  await db.execute(sql`
    update programme set
      envelope_cents = envelope_cents + added.total,
      allocated_cents = allocated_cents + added.total
    from (select coalesce(sum(amount_cents), 0) as total from allocation where laureate_id > ${afterLaureateId}) added
    where programme.id = ${programmeId}`);

  return { afterLaureateId, firstEjNumber: syntheticEjNumber(afterLaureateId + 1) };
}

/**
 * The ledger's invariants checked by the database, whatever wrote the rows:
 * each allocation's paid_cents is the sum of its payments and within its
 * amount, the programme's allocated_cents is the sum of its allocations,
 * within the envelope, payment_month holds each month's sum of payments, and
 * the schedule agrees with the payments (`scheduleLedgerBreaches`). Returns
 * what is broken (empty when all holds).
 */
export async function ledgerInvariantBreaches(db: Executor): Promise<string[]> {
  const rows = await db
    .select({
      unpaidMismatch: sql<number>`(select count(*) from allocation a
        where a.paid_cents <> coalesce((select sum(p.amount_cents) from payment p where p.laureate_id = a.laureate_id), 0)
           or a.paid_cents < 0 or a.paid_cents > a.amount_cents)::int`,
      programmeMismatch: sql<number>`(select count(*) from programme pr
        where pr.allocated_cents <> coalesce((select sum(a.amount_cents) from allocation a
                                               join laureate l on l.id = a.laureate_id
                                               where l.programme_id = pr.id), 0)
           or pr.allocated_cents > pr.envelope_cents)::int`,
      monthMismatch: sql<number>`(select count(*) from (
        select date_trunc('month', paid_on)::date as month, sum(amount_cents) as cents from payment group by 1
      ) live full join payment_month kept using (month)
        where coalesce(live.cents, 0) <> coalesce(kept.paid_cents, 0))::int`,
    })
    .from(sql`(select 1) as one`);
  const [row] = rows;
  const breaches: string[] = [];
  if (row?.unpaidMismatch)
    breaches.push(`${row.unpaidMismatch} allocation(s) : versé ≠ Σ versements ou hors [0, montant]`);
  if (row?.programmeMismatch)
    breaches.push(`${row.programmeMismatch} programme(s) : alloué ≠ Σ allocations ou au-delà de l'enveloppe`);
  if (row?.monthMismatch) {
    breaches.push(`${row.monthMismatch} mois : payment_month ≠ Σ versements du mois`);
  }
  return [...breaches, ...(await scheduleLedgerBreaches(db))];
}
