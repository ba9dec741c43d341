/** The nine services seed 004 names, in the seed's order: what genai-services must build one of each of. */
export const SEED_004_SERVICES = [
  "format-conversion",
  "classification",
  "workflow",
  "search",
  "quality",
  "personalization",
  "document-extraction",
  "conversational",
  "code",
];
