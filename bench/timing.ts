import { performance } from 'node:perf_hooks';

/** Runs per measurement (BENCH_RUNS, default 30), after a few warm-up runs. */
export const RUNS = Number(process.env.BENCH_RUNS ?? 30);
export const WARMUP = 5;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median time of `fn` in milliseconds, over RUNS runs after WARMUP warm-up runs. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
