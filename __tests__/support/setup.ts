import "../../patches";
import { Testing } from "cdktf";

// Registers toHaveResource, toHaveResourceWithProperties, toHaveDataSource, ... on vitest's global expect, once per
// worker: this file runs before every test file, and with isolate: false the workers' files share that expect.
const MATCHERS_REGISTERED = Symbol.for("voice-infra.cdktf-matchers-registered");
const worker = globalThis as { [MATCHERS_REGISTERED]?: boolean };
if (!worker[MATCHERS_REGISTERED]) {
  Testing.setupJest();
  worker[MATCHERS_REGISTERED] = true;
}
