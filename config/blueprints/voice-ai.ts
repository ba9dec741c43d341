import { dev } from "../environments/dev";
import { prod } from "../environments/prod";
import { staging } from "../environments/staging";

/**
 * Seed 000, the main system: the voice-AI platform in us-east-1 with DR in us-west-2. Its environments stay in
 * `config/environments/` (they came first and other suites import them from there); this file only names them.
 */
export const voiceAi = { dev, staging, prod };
