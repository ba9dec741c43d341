import { App } from "cdktf";
import type { EnvironmentConfig } from "../config";
import { EnvironmentStacks, buildEnvironment } from "./index";

export interface PlatformAppOptions {
  /** Validated environments to build, each into its own set of stacks. */
  readonly configs: readonly EnvironmentConfig[];
  /**
   * Where `synth()` writes.
   * @default - cdktf.out, or CDKTF_OUTDIR when the cdktf CLI runs the app
   */
  readonly outdir?: string;
}

export interface PlatformApp {
  readonly app: App;
  readonly environments: readonly EnvironmentStacks[];
}

/** The whole application: what `main.ts` synthesizes and what the tests inspect. */
export function buildPlatformApp(options: PlatformAppOptions): PlatformApp {
  const app = new App({ outdir: options.outdir, skipValidation: false });
  const environments = options.configs.map((config) => buildEnvironment(app, config));
  return { app, environments };
}
