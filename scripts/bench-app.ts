// The app `npm run bench` synthesizes at growing sizes: main.ts's synth over generated configs.
// BENCH_ENVIRONMENTS and BENCH_SERVICES choose the size; the stacks go to BENCH_OUTDIR.
import { synthesizePlatformApp } from "../stacks/app";
import { benchConfigs } from "./bench-configs";

synthesizePlatformApp({
  configs: benchConfigs(Number(process.env.BENCH_ENVIRONMENTS ?? 3), Number(process.env.BENCH_SERVICES ?? 2)),
  outdir: process.env.BENCH_OUTDIR ?? "cdktf.out.bench",
});
