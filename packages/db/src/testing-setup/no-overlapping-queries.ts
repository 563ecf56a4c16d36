import { afterEach, expect } from "vitest";

/**
 * pg 8 queues a query sent while its client is still busy, with a deprecation
 * warning; pg 9 will refuse it. In a transaction every query uses one client,
 * so a Promise.all over queries there is a bug waiting for the upgrade: a
 * test that provokes the warning fails.
 */
const overlapping: string[] = [];
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && /already executing a query/.test(warning.message)) {
    overlapping.push(warning.stack ?? warning.message);
  }
});

afterEach(() => {
  const seen = overlapping.splice(0);
  expect(seen, "requêtes envoyées ensemble sur le client d'une transaction").toEqual([]);
});
