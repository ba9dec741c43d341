/**
 * R-A2's backup selection checks (__tests__/support/backup-coverage.ts) over the voice-ai environments, which every
 * unit worker synthesizes anyway; the other blueprints' environments are checked in the integration project
 * (__tests__/integration/backup-coverage.test.ts), where they are synthesized for this check alone.
 */
import { BLUEPRINTS, DEFAULT_BLUEPRINT } from "../../config/blueprints";
import { describeBackupCoverage } from "../support/backup-coverage";

describeBackupCoverage(Object.keys(BLUEPRINTS[DEFAULT_BLUEPRINT]).map((env) => [DEFAULT_BLUEPRINT, env] as const));
