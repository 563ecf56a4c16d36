import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { describeAuditChanges } from "@defis/domain";
import { count, desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { seedDemoReviews } from "./review-commands.js";
import { callerAs, createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";

type Caller = Awaited<ReturnType<typeof callerAs>>;

const BOM = "\uFEFF";

describe("decisions of the reviews", () => {
  let database: TestDatabaseHandle;
  let officer: Caller;
  let leadership: Caller;
  let sponsor: Caller;
  let first: number;
  let second: number;
  let third: number;
  let weather: { decisionId: number; version: number };
  let schedule: { decisionId: number; version: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    leadership = await callerAs(database, DEMO_EMAILS.leadership);
    sponsor = await callerAs(database, DEMO_EMAILS.sponsorSante);
    first = (await officer.reviews.open({ asOf: "2023-03-31", title: "COPIL de mars 2023" })).id;
  });
  afterAll(() => database.close());

  async function auditCount(): Promise<number> {
    const [row] = await database.db.select({ total: count() }).from(schema.auditEvents);
    return row?.total ?? 0;
  }

  it("records decisions in a review, each with its laureates and its audit event", async () => {
    weather = await officer.reviews.recordDecision({
      reviewId: first,
      text: "Relancer le sponsor pour la mise à jour de la météo",
      owner: "Camille, chargée de mission",
      dueOn: "2023-04-30",
      laureateSlugs: ["chu-toulouse-parkinson"],
    });
    schedule = await officer.reviews.recordDecision({
      reviewId: first,
      text: "Vérifier l'échéancier avec les porteurs",
      owner: "Direction de programme",
      dueOn: "2023-12-31",
      laureateSlugs: ["dggn-lab-innovation", "smicval-zero-dechet"],
    });
    const decisions = await leadership.reviews.decisions({ id: first });
    expect(decisions.isLatest).toBe(true);
    expect(decisions.carriedOver).toEqual([]);
    expect(decisions.taken.map((decision) => [decision.text, decision.standing, decision.laureates])).toEqual(
      [
        [
          "Relancer le sponsor pour la mise à jour de la météo",
          "en_cours",
          [{ slug: "chu-toulouse-parkinson", title: expect.any(String) as string }],
        ],
        [
          "Vérifier l'échéancier avec les porteurs",
          "en_cours",
          [
            { slug: "dggn-lab-innovation", title: expect.any(String) as string },
            { slug: "smicval-zero-dechet", title: expect.any(String) as string },
          ],
        ],
      ],
    );

    const [event] = await database.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "decision.enregistrement"))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(event?.entity).toBe("decision");
    expect(event?.entityId).toBe(String(schedule.decisionId));
    expect(event?.laureateId).not.toBeNull();
    const described = describeAuditChanges(event?.action ?? "", event?.before ?? null, event?.after ?? null);
    expect(described.every((change) => change.labelled)).toBe(true);
    expect(described.map((change) => [change.field, change.after])).toContainEqual([
      "Responsable",
      "Direction de programme",
    ]);
  });

  it("refuses a reader, a short text, a due day before the review and an unknown laureate, writing nothing", async () => {
    const before = await auditCount();
    const valid = {
      reviewId: first,
      text: "Une décision valable",
      owner: "Direction",
      dueOn: "2023-05-31",
      laureateSlugs: [],
    };
    await expect(leadership.reviews.recordDecision(valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sponsor.reviews.recordDecision(valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(officer.reviews.recordDecision({ ...valid, text: "Oui" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Décrivez la décision en 5 caractères au moins.") as string,
    });
    await expect(officer.reviews.recordDecision({ ...valid, dueOn: "2023-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "L'échéance ne peut pas précéder le jour de la revue (31 mars 2023).",
    });
    await expect(
      officer.reviews.recordDecision({ ...valid, laureateSlugs: ["laureat-inconnu"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Le lauréat « laureat-inconnu » n'existe pas." });
    await expect(
      officer.reviews.updateDecision({
        decisionId: weather.decisionId,
        reviewId: first,
        version: weather.version,
        status: "abandonnee",
        note: null,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Indiquez pourquoi la décision est abandonnée") as string,
    });
    expect(await auditCount()).toBe(before);
    expect((await leadership.reviews.decisions({ id: first })).taken).toHaveLength(2);
  });

  it("carries open decisions into the next review, with the status noted there", async () => {
    second = (await officer.reviews.open({ asOf: "2023-06-30", title: "COPIL de juin 2023" })).id;
    const opened = await leadership.reviews.decisions({ id: second });
    expect(opened.isLatest).toBe(true);
    expect(opened.taken).toEqual([]);
    // Due on 30 April and still in progress at the end of June: late, computed, never stored.
    expect(opened.carriedOver.map((decision) => [decision.id, decision.standing])).toEqual([
      [weather.decisionId, "en_retard"],
      [schedule.decisionId, "en_cours"],
    ]);

    // The first review is no longer the latest: its decisions are followed up in the second.
    await expect(
      officer.reviews.updateDecision({
        decisionId: weather.decisionId,
        reviewId: first,
        version: weather.version,
        status: "faite",
        note: null,
      }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "Une revue plus récente existe (au 30 juin 2023) : les décisions s'y enregistrent et s'y suivent.",
    });

    const done = await officer.reviews.updateDecision({
      decisionId: weather.decisionId,
      reviewId: second,
      version: weather.version,
      status: "faite",
      note: "Relance envoyée le 12 mai",
    });
    await expect(
      officer.reviews.updateDecision({
        decisionId: weather.decisionId,
        reviewId: second,
        version: weather.version,
        status: "en_cours",
        note: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const followed = await leadership.reviews.decisions({ id: second });
    expect(followed.carriedOver.find((decision) => decision.id === weather.decisionId)).toMatchObject({
      status: "faite",
      standing: "faite",
      note: "Relance envoyée le 12 mai",
      notedOn: "2023-06-30",
      version: done.version,
    });
    // The first review still shows the decision as it stood on its day.
    expect((await leadership.reviews.decisions({ id: first })).taken[0]).toMatchObject({
      status: "en_cours",
      note: null,
    });

    const [event] = await database.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "decision.statut"))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(event?.before).toEqual({ revue: null, statut: "en_cours", note: null });
    expect(event?.after).toEqual({ revue: "2023-06-30", statut: "faite", note: "Relance envoyée le 12 mai" });
  });

  it("reports a decision done since the previous review once, then leaves it out of the follow-up", async () => {
    // Noted « faite » in the June review, while it was the latest: September reports it, December no more.
    third = (await officer.reviews.open({ asOf: "2023-09-30", title: "COPIL de septembre 2023" })).id;
    const september = await leadership.reviews.decisions({ id: third });
    expect(
      september.carriedOver.map((decision) => [decision.id, decision.standing, decision.notedOn]),
    ).toEqual([
      [weather.decisionId, "faite", "2023-06-30"],
      [schedule.decisionId, "en_cours", null],
    ]);
    expect((await leadership.reviews.decisions({ id: second })).isLatest).toBe(false);
    third = (await officer.reviews.open({ asOf: "2023-12-01", title: "COPIL de décembre 2023" })).id;
    const december = await leadership.reviews.decisions({ id: third });
    expect(december.carriedOver.map((decision) => decision.id)).toEqual([schedule.decisionId]);
  });

  it("lists a laureate's decisions for the officers and the sponsor of its scope only", async () => {
    const ofChu = await sponsor.reviews.laureateDecisions({ laureateSlug: "chu-toulouse-parkinson" });
    expect(ofChu.map((decision) => [decision.id, decision.reviewAsOf, decision.standing])).toEqual([
      [weather.decisionId, "2023-03-31", "faite"],
    ]);
    await expect(
      sponsor.reviews.laureateDecisions({ laureateSlug: "dggn-lab-innovation" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Ce lauréat n'est pas dans votre périmètre." });
    expect(
      (await officer.reviews.laureateDecisions({ laureateSlug: "dggn-lab-innovation" })).map(
        (decision) => decision.id,
      ),
    ).toEqual([schedule.decisionId]);
    await expect(sponsor.reviews.decisions({ id: first })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the decisions due, the nearest first, late ones judged today", async () => {
    const due = await leadership.reviews.decisionsDue({});
    expect(due.map((decision) => decision.id)).toEqual([schedule.decisionId]);
    // Due at the end of 2023: late today.
    expect(due[0]?.standing).toBe("en_retard");
    await expect(sponsor.reviews.decisionsDue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the decisions due on a past day as the reviews had noted them by then", async () => {
    // Before the first review, no decision had been taken.
    expect(await leadership.reviews.decisionsDue({ asOf: "2023-03-15" })).toEqual([]);
    // In May 2023 the weather decision was late and not yet noted done (it was, in the June review).
    const may = await leadership.reviews.decisionsDue({ asOf: "2023-05-15" });
    expect(may.map((decision) => [decision.id, decision.standing])).toEqual([
      [weather.decisionId, "en_retard"],
      [schedule.decisionId, "en_cours"],
    ]);
  });

  it("exports every decision as CSV for Excel and as open data, to officers and direction only", async () => {
    const server = await startTestServer(database);
    try {
      const download = async (email: string, query = "") =>
        fetch(`${server.url}/api/exports/decisions.csv${query}`, {
          headers: { cookie: await signIn(server.url, email) },
        });
      const excel = await download(DEMO_EMAILS.leadership);
      expect(excel.status).toBe(200);
      expect(excel.headers.get("content-disposition")).toBe(
        `attachment; filename="defis-decisions-${parisDay()}.csv"`,
      );
      const excelText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await excel.arrayBuffer());
      const header =
        "Revue du;Revue;Décision;Responsable;Échéance;Statut;Statut noté à la revue du;Note;" +
        "Lauréats (identifiants);Démonstration\r\n";
      expect(excelText.startsWith(BOM + header)).toBe(true);
      expect(excelText).toContain(
        "2023-03-31;COPIL de mars 2023;Relancer le sponsor pour la mise à jour de la météo;" +
          "Camille, chargée de mission;2023-04-30;Faite;2023-06-30;Relance envoyée le 12 mai;chu-toulouse-parkinson;non\r\n",
      );

      const opendata = await download(DEMO_EMAILS.officer, "?format=opendata");
      expect(opendata.headers.get("content-disposition")).toBe(
        `attachment; filename="defis-decisions-opendata-${parisDay()}.csv"`,
      );
      const opendataText = await opendata.text();
      expect(opendataText.startsWith("Revue du,Revue,Décision,")).toBe(true);
      expect(opendataText).toContain(
        "2023-03-31,COPIL de mars 2023,Vérifier l'échéancier avec les porteurs,Direction de programme," +
          "2023-12-31,En retard,,,dggn-lab-innovation | smicval-zero-dechet,non\r\n",
      );
      expect((await download(DEMO_EMAILS.sponsorSante)).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it("notes one status when two officers note the same version at once", async () => {
    const [current] = (await leadership.reviews.decisions({ id: third })).carriedOver.filter(
      (decision) => decision.id === schedule.decisionId,
    );
    const results = await Promise.allSettled(
      ["Premier point", "Second point", "Troisième point"].map((note) =>
        officer.reviews.updateDecision({
          decisionId: schedule.decisionId,
          reviewId: third,
          version: current?.version ?? 0,
          status: "en_cours",
          note,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const updates = await database.db
      .select({ total: count() })
      .from(schema.reviewDecisionUpdates)
      .where(eq(schema.reviewDecisionUpdates.decisionId, schedule.decisionId));
    expect(updates[0]?.total).toBe(1);
  });

  it("seeds the demonstration's decisions, followed up in its second review", async () => {
    await database.db.execute(sql`delete from portfolio_review`);
    await seedDemoReviews(database.db, parisDay());
    const [latest, earlier] = await leadership.reviews.list();
    const followed = await leadership.reviews.decisions({ id: latest?.id ?? 0 });
    expect(followed.taken).toHaveLength(1);
    expect(followed.carriedOver.map((decision) => decision.standing).sort()).toEqual([
      "abandonnee",
      "en_retard",
      "en_retard",
      "faite",
    ]);
    const all = [...followed.taken, ...followed.carriedOver];
    expect(all.every((decision) => decision.isDemo && decision.text.endsWith("(démonstration)"))).toBe(true);
    expect((await leadership.reviews.decisions({ id: earlier?.id ?? 0 })).taken).toHaveLength(4);
    const updates = await database.db
      .select({ isDemo: schema.reviewDecisionUpdates.isDemo })
      .from(schema.reviewDecisionUpdates)
      .where(inArray(schema.reviewDecisionUpdates.reviewId, [latest?.id ?? 0]));
    expect(updates.map((update) => update.isDemo)).toEqual([true, true, true]);
  });
});
