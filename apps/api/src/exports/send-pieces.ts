import type { Response } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

async function* startingWith<Piece>(first: Piece, rest: AsyncIterator<Piece>): AsyncGenerator<Piece> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Sends the pieces of a file as they come, no faster than the client reads
 * them (pipeline's backpressure). Nothing is sent before the first piece is
 * ready, so a failure to read the database is a plain error response; a
 * failure after that destroys the response: the client sees a broken
 * download, never a shorter file that looks complete.
 */
export async function sendPieces(res: Response, pieces: AsyncIterable<string>): Promise<void> {
  const iterator = pieces[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    res.end();
    return;
  }
  await pipeline(Readable.from(startingWith(first.value, iterator)), res);
}
