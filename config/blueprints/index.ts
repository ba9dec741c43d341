import type { EnvironmentInput } from "../schema";
import { genaiServices } from "./genai-services";
import { saprism } from "./saprism";
import { voiceAi } from "./voice-ai";
import { voiceAssistant } from "./voice-assistant";
import { voiceConnect } from "./voice-connect";

/**
 * Every blueprint: one seed system as configuration of the same stacks. A blueprint's name is the `project` of
 * each of its environments (so it prefixes physical names and state keys); its environments are raw config
 * objects in deploy-promotion order, typed as `EnvironmentInput` (typecheck catches a misspelled field) and
 * validated when loaded.
 */
export const BLUEPRINTS: Readonly<Record<string, Readonly<Record<string, EnvironmentInput>>>> = {
  "voice-ai": voiceAi,
  "voice-connect": voiceConnect,
  saprism,
  "genai-services": genaiServices,
  "voice-assistant": voiceAssistant,
};

/** What `npm run synth` builds without `INFRA_BLUEPRINTS`. */
export const DEFAULT_BLUEPRINT = "voice-ai";
