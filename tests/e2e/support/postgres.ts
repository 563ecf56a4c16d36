import { randomBytes } from "node:crypto";
import pg from "pg";

/** A fresh, empty PostgreSQL database on the server of `serverUrl`; `drop()` removes it. */
export interface ScratchDatabase {
  url: string;
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(
  serverUrl: string,
  prefix = "defis_e2e",
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      onServer(url.toString(), async (client) => (await client.query<Row>(text, values)).rows),
    drop: () =>
      onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(),
  };
}
