// The app `npm run bench` synthesizes at growing sizes: main.ts's build and synth, over generated configs.
// BENCH_ENVIRONMENTS and BENCH_SERVICES choose the size; each tenant's App writes to BENCH_OUTDIR/<project>.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildPlatformApp } from "../stacks/app";
import { benchTenants } from "./bench-configs";

const outdir = process.env.BENCH_OUTDIR ?? "cdktf.out.bench";
// cdktf creates an App's outdir without its parents.
mkdirSync(outdir, { recursive: true });
for (const tenant of benchTenants(Number(process.env.BENCH_ENVIRONMENTS ?? 3), Number(process.env.BENCH_SERVICES ?? 2))) {
  buildPlatformApp({ configs: tenant.configs, outdir: join(outdir, tenant.project) }).app.synth();
}
