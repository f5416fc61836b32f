/**
 * V8 flags the server runs with (`npm start` passes them; the benchmarks start their servers
 * with them too; a test keeps package.json in step). Each request leaves short-lived garbage
 * that, with V8's defaults, is promoted to the old generation — the young generation is small
 * and V8 pretenures allocation sites it saw survive — so the old generation fills and a major GC
 * (50–70 ms on one core) lands in the middle of requests every few seconds. A larger young
 * generation and no pretenuring let that garbage die young: the directory benchmark went from a
 * major GC in most 10-second runs to none, and its p99 from 65–130 ms to about 20 ms. Costs about
 * 100 MiB more RSS.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--no-allocation-site-pretenuring'] as const;
