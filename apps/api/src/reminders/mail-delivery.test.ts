import { schema } from "@defis/db";
import { createTestDatabase, type TestDatabaseHandle } from "@defis/db/testing";
import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../testing/test-app.js";
import { createSmtpSender, deliverPendingMail, MAX_ATTEMPTS, type MailSender } from "./mail-delivery.js";

const { mailOutbox } = schema;
const MINUTE = 60_000;
const FROM = "Défis <ne-pas-repondre@defis.example>";

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on a free loopback port: what it accepted, and addresses it refuses. */
async function startSmtpServer() {
  const received: Received[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) callback(new Error("Boîte aux lettres indisponible"));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("mail delivery", () => {
  let database: TestDatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sender: MailSender;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([createTestDatabase({ demo: false }), startSmtpServer()]);
    sender = createSmtpSender(smtp.url, FROM);
  });
  afterAll(async () => {
    sender.close();
    await Promise.all([smtp.close(), database.close()]);
  });
  beforeEach(async () => {
    await database.db.delete(mailOutbox);
    smtp.received.length = 0;
    smtp.refused.clear();
  });

  async function write(
    mails: { to: string; subject: string; status?: "a_envoyer" | "envoye" | "echec" | "non_envoye" }[],
  ) {
    await database.db.insert(mailOutbox).values(
      mails.map((mail) => ({
        kind: "rappel_sponsor" as const,
        recipientEmail: mail.to,
        subject: mail.subject,
        body: `Bonjour,\n\nCorps de « ${mail.subject} ».`,
        occurrence: "rappels:2026-11-23",
        status: mail.status ?? "a_envoyer",
      })),
    );
  }
  const rows = () => database.db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
  const options = (now = new Date()) => ({ now, logger: silentLogger });

  it("sends exactly the mails waiting, through SMTP, and marks them sent", async () => {
    await write([
      { to: "sacha.petit@sante.gouv.fr", subject: "Défis : 2 projets demandent votre attention" },
      { to: "dominique.bernard@interieur.gouv.fr", subject: "Défis : 1 projet demande votre attention" },
      { to: "deja.envoye@defis.example", subject: "Déjà envoyé", status: "envoye" },
      { to: "garde@defis.example", subject: "Gardé dans la boîte d'envoi", status: "non_envoye" },
    ]);
    const now = new Date();
    expect(await deliverPendingMail(database.db, sender, options(now))).toEqual({
      sent: 2,
      failed: 0,
      withheld: 0,
    });
    expect(
      smtp.received
        .map(({ from, to, subject }) => ({ from, to, subject }))
        .sort((a, b) => a.subject.localeCompare(b.subject)),
    ).toEqual([
      {
        from: "ne-pas-repondre@defis.example",
        to: ["dominique.bernard@interieur.gouv.fr"],
        subject: "Défis : 1 projet demande votre attention",
      },
      {
        from: "ne-pas-repondre@defis.example",
        to: ["sacha.petit@sante.gouv.fr"],
        subject: "Défis : 2 projets demandent votre attention",
      },
    ]);
    expect(smtp.received.map((mail) => mail.text.trim())).toContain(
      "Bonjour,\n\nCorps de « Défis : 2 projets demandent votre attention ».",
    );
    expect((await rows()).map(({ status, attempts, sentAt }) => ({ status, attempts, sentAt }))).toEqual([
      { status: "envoye", attempts: 1, sentAt: now },
      { status: "envoye", attempts: 1, sentAt: now },
      { status: "envoye", attempts: 0, sentAt: null },
      { status: "non_envoye", attempts: 0, sentAt: null },
    ]);

    // Nothing left to send.
    expect(await deliverPendingMail(database.db, sender, options())).toEqual({
      sent: 0,
      failed: 0,
      withheld: 0,
    });
    expect(smtp.received).toHaveLength(2);
  });

  it("marks a refused mail as failed, and tries it again after its delay, a bounded number of times", async () => {
    smtp.refused.add("plein@defis.example");
    await write([{ to: "plein@defis.example", subject: "Rappel refusé" }]);
    const written = Date.now();
    expect(await deliverPendingMail(database.db, sender, options())).toMatchObject({ sent: 0, failed: 1 });
    const [failed] = await rows();
    expect(failed).toMatchObject({ status: "echec", attempts: 1, sentAt: null });
    expect(failed?.lastError).toContain("Boîte aux lettres indisponible");

    // Not before its delay (5 minutes after writing for the second attempt).
    await deliverPendingMail(database.db, sender, options(new Date(written + MINUTE)));
    expect((await rows())[0]?.attempts).toBe(1);

    smtp.refused.clear();
    expect(
      await deliverPendingMail(database.db, sender, options(new Date(written + 6 * MINUTE))),
    ).toMatchObject({ sent: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: "envoye", attempts: 2, lastError: null });
    expect(smtp.received.map((mail) => mail.to)).toEqual([["plein@defis.example"]]);
  });

  it("gives up after the last attempt", async () => {
    smtp.refused.add("plein@defis.example");
    await write([{ to: "plein@defis.example", subject: "Rappel refusé" }]);
    const muchLater = new Date(Date.now() + 24 * 60 * MINUTE);
    for (let turn = 0; turn < MAX_ATTEMPTS + 2; turn += 1) {
      await deliverPendingMail(database.db, sender, options(muchLater));
    }
    expect((await rows())[0]).toMatchObject({ status: "echec", attempts: MAX_ATTEMPTS });
    expect(smtp.received).toEqual([]);
  });

  it("keeps the mails readable as not sent when no SMTP server is configured", async () => {
    await write([
      { to: "sacha.petit@sante.gouv.fr", subject: "Rappel" },
      { to: "deja.envoye@defis.example", subject: "Déjà envoyé", status: "envoye" },
    ]);
    expect(await deliverPendingMail(database.db, null, options())).toEqual({
      sent: 0,
      failed: 0,
      withheld: 1,
    });
    expect((await rows()).map((row) => row.status)).toEqual(["non_envoye", "envoye"]);
    // Configuring a server later does not send old mail kept for reading.
    expect(await deliverPendingMail(database.db, sender, options())).toMatchObject({ sent: 0 });
    expect(smtp.received).toEqual([]);
  });

  it("sends each mail once when two instances deliver together", async () => {
    const addresses = Array.from({ length: 12 }, (_, index) => `sponsor.${index}@defis.example`);
    await write(addresses.map((to) => ({ to, subject: `Rappel ${to}` })));
    const other = await database.openAnotherInstance();
    const otherSender = createSmtpSender(smtp.url, FROM);
    try {
      const reports = await Promise.all([
        deliverPendingMail(database.db, sender, options()),
        deliverPendingMail(other.db, otherSender, options()),
      ]);
      expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(addresses.length);
    } finally {
      otherSender.close();
    }
    expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual([...addresses].sort());
    const statuses = await database.db
      .select({ attempts: mailOutbox.attempts })
      .from(mailOutbox)
      .where(eq(mailOutbox.status, "envoye"));
    expect(statuses.every((row) => row.attempts === 1)).toBe(true);
    expect(statuses).toHaveLength(addresses.length);
  });
});
