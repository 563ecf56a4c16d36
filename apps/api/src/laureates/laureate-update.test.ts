import type { DatabaseHandle } from "@defis/db";
import type { LaureateDetail } from "@defis/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";

function editOf(laureate: LaureateDetail, porteur: string) {
  return {
    laureateSlug: laureate.slug,
    version: laureate.version,
    porteur,
    ministry: laureate.ministry,
    fundingMode: laureate.fundingMode,
    partnerLabs: laureate.partnerLabs,
  };
}

describe("laureates.update", () => {
  let database: DatabaseHandle;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
  });
  afterAll(() => database.close());

  it("lets an officer complete what the announcement left unsaid, and moves the version on", async () => {
    const before = await officer.laureates.bySlug({ slug: "prevention-perte-autonomie" });
    expect(before.porteur).toBe("non précisé");
    const after = await officer.laureates.update({
      ...editOf(before, "Caisse nationale de solidarité pour l'autonomie"),
      ministry: "solidarites-sante",
      fundingMode: "subvention",
    });
    expect(after).toMatchObject({
      porteur: "Caisse nationale de solidarité pour l'autonomie",
      ministry: "solidarites-sante",
      fundingMode: "subvention",
      version: before.version + 1,
    });
  });

  it("refuses an edit made on a stale version and says what the record holds now", async () => {
    const read = await officer.laureates.bySlug({ slug: "insep-catalyser" });
    await officer.laureates.update(editOf(read, "INSEP (première modification)"));
    const stale = officer.laureates.update(editOf(read, "INSEP (modification concurrente)"));
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    const current = await officer.laureates.bySlug({ slug: "insep-catalyser" });
    expect(current.porteur).toBe("INSEP (première modification)");
  });

  it("sends the current values with the conflict, for the form to offer them", async () => {
    const server = await startTestServer(database);
    try {
      const cookie = await signIn(server.url, DEMO_EMAILS.officer);
      const read = await officer.laureates.bySlug({ slug: "dma-acceslibre" });
      await officer.laureates.update(editOf(read, "DMA (déjà modifié)"));
      const response = await fetch(`${server.url}/trpc/laureates.update`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-trpc-source": "test", cookie },
        body: JSON.stringify({ json: editOf(read, "DMA (trop tard)") }),
      });
      expect(response.status).toBe(409);
      const body = (await response.json()) as {
        error: { json: { message: string; data: { current: { porteur: string; version: number } } } };
      };
      expect(body.error.json.message).toContain("modifiée entre-temps");
      expect(body.error.json.data.current).toMatchObject({
        porteur: "DMA (déjà modifié)",
        version: read.version + 1,
      });
    } finally {
      await server.close();
    }
  });

  it("never loses an update when two officers save the same version at once", async () => {
    const read = await officer.laureates.bySlug({ slug: "sgar-hdf-illettrisme" });
    const admin = await callerAs(database, DEMO_EMAILS.admin);
    const results = await Promise.allSettled([
      officer.laureates.update(editOf(read, "Version de la chargée de mission")),
      admin.laureates.update(editOf(read, "Version de l'administrateur")),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const winner = results.find((result) => result.status === "fulfilled");
    const current = await officer.laureates.bySlug({ slug: "sgar-hdf-illettrisme" });
    expect(current.porteur).toBe(winner?.status === "fulfilled" ? winner.value.porteur : "");
    expect(current.version).toBe(read.version + 1);
    const history = await officer.audit.forLaureate({ slug: "sgar-hdf-illettrisme" });
    expect(history).toHaveLength(1);
  });

  it("validates the record in French before writing", async () => {
    const read = await officer.laureates.bySlug({ slug: "sgar-hdf-illettrisme" });
    await expect(officer.laureates.update(editOf(read, " "))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
