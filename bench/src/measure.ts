import { performance } from "node:perf_hooks";

/** Something to time: one call is one sample. */
export type Work = () => Promise<unknown>;

export interface Percentiles {
  p50: number;
  p95: number;
  samples: number;
}

export interface PairResult {
  subject: Percentiles;
  reference: Percentiles;
}

export function percentiles(milliseconds: number[]): Percentiles {
  const sorted = [...milliseconds].sort((left, right) => left - right);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), samples: sorted.length };
}

async function timed(work: Work): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Subject and reference measured in the same run, interleaved call by call
 * (and the order flipped every other round), after a warm-up of both: a
 * slower moment of the machine weighs on both sides alike. `iterations`
 * rounds, or fewer (never under 20) once `budgetSeconds` have passed.
 */
export async function measurePair(
  subject: Work,
  reference: Work,
  {
    warmup,
    iterations,
    budgetSeconds = Infinity,
  }: { warmup: number; iterations: number; budgetSeconds?: number },
): Promise<PairResult> {
  const deadline = performance.now() + budgetSeconds * 1000;
  for (let round = 0; round < warmup; round += 1) {
    await subject();
    await reference();
  }
  const subjectTimes: number[] = [];
  const referenceTimes: number[] = [];
  // A slow workload stops at its time budget, with at least 20 rounds (and so a p95 that means something).
  for (let round = 0; round < iterations && (round < 20 || performance.now() < deadline); round += 1) {
    if (round % 2 === 0) {
      subjectTimes.push(await timed(subject));
      referenceTimes.push(await timed(reference));
    } else {
      referenceTimes.push(await timed(reference));
      subjectTimes.push(await timed(subject));
    }
  }
  return { subject: percentiles(subjectTimes), reference: percentiles(referenceTimes) };
}
