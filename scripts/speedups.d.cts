/** The variable that turns every speed-up off: VOICE_INFRA_NO_SPEEDUPS. */
export declare const NO_SPEEDUPS: string;
export interface Speedup {
  /** What it does. */
  readonly what: string;
  /** The files that implement it. */
  readonly where: string;
  /** A variable that turns off only this one. */
  readonly offWith?: string;
}
/** Every speed-up by name. */
export declare const SPEEDUPS: Readonly<Record<SpeedupName, Speedup>>;
export type SpeedupName =
  | "fast-resolve"
  | "no-token-stack-traces"
  | "bundles"
  | "code-cache"
  | "test-bundle"
  | "test-transform-cache"
  | "test-workers-no-opt";
/** False when VOICE_INFRA_NO_SPEEDUPS is set. */
export declare function speedupsOn(env?: NodeJS.ProcessEnv): boolean;
/** Whether one speed-up is on: neither VOICE_INFRA_NO_SPEEDUPS nor its own variable is set. */
export declare function speedupOn(name: SpeedupName, env?: NodeJS.ProcessEnv): boolean;
