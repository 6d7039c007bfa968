import { benchMonteCarlo } from '/work/main/bench/montecarlo-bench.ts';
await benchMonteCarlo();
