/**
 * R-A2's backup selection checks (__tests__/support/backup-coverage.ts) over every blueprint environment but
 * voice-ai's, which the unit project checks: each of these environments would be synthesized in a unit worker for
 * this check alone (~0.1 s each, ~1 s of one worker for the eight).
 */
import { BLUEPRINTS, DEFAULT_BLUEPRINT } from "../../config/blueprints";
import { describeBackupCoverage } from "../support/backup-coverage";

describeBackupCoverage(
  Object.entries(BLUEPRINTS)
    .filter(([blueprint]) => blueprint !== DEFAULT_BLUEPRINT)
    .flatMap(([blueprint, envs]) => Object.keys(envs).map((env) => [blueprint, env] as const)),
);
