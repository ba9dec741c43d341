import { describe, expect, expectTypeOf, it } from "vitest";
import { BLUEPRINTS, ConfigError, type EnvironmentInput, parseEnvironmentConfig } from "../../config";
import { genaiServices } from "../../config/blueprints/genai-services";
import { saprism } from "../../config/blueprints/saprism";
import { voiceAi } from "../../config/blueprints/voice-ai";
import { voiceAssistant } from "../../config/blueprints/voice-assistant";
import { voiceConnect } from "../../config/blueprints/voice-connect";

// The type half of this file runs in `npm run typecheck` (tsconfig.test.json includes __tests__): every
// `@ts-expect-error` below must meet an error, so if EnvironmentInput turned loose (`any`, `unknown`, a plain record)
// or a blueprint stopped declaring it, typecheck fails here instead of typos silently reaching `npm run synth`.

describe("blueprints are typed by the schema's input type", () => {
  it("declares every blueprint environment as EnvironmentInput", () => {
    expectTypeOf<EnvironmentInput>().not.toBeAny();
    expectTypeOf<EnvironmentInput>().not.toBeUnknown();
    expectTypeOf(BLUEPRINTS).toEqualTypeOf<Readonly<Record<string, Readonly<Record<string, EnvironmentInput>>>>>();
    // The generator functions return EnvironmentInput (not an inferred, wider object type).
    expectTypeOf(voiceAi.dev).toEqualTypeOf<EnvironmentInput>();
    expectTypeOf(saprism.prod).toEqualTypeOf<EnvironmentInput>();
    expectTypeOf(voiceConnect.prod).toEqualTypeOf<EnvironmentInput>();
    // genai-services writes one object literal with `satisfies EnvironmentInput`.
    expectTypeOf(genaiServices.prod).toExtend<EnvironmentInput>();
    expectTypeOf(voiceAssistant.prod).toEqualTypeOf<EnvironmentInput>();
    expect(Object.keys(BLUEPRINTS)).toEqual(["voice-ai", "voice-connect", "saprism", "genai-services", "voice-assistant"]);
  });
});

describe("a typo is red in the editor and in typecheck, and still refused at load", () => {
  const base = voiceAi.dev;
  const cases: [string, () => EnvironmentInput, RegExp][] = [
    [
      "misspelled top-level field",
      (): EnvironmentInput => ({
        ...base,
        // @ts-expect-error `acountId` is not a field (accountId is)
        acountId: "111111111111",
      }),
      /Unrecognized key: "acountId"/,
    ],
    [
      "misspelled nested field",
      (): EnvironmentInput => ({
        ...base,
        // @ts-expect-error `multiAZ` is not a database field (multiAz is)
        database: { ...base.database!, multiAZ: true },
      }),
      /database: Unrecognized key: "multiAZ"/,
    ],
    [
      "wrong type",
      (): EnvironmentInput => ({
        ...base,
        // @ts-expect-error kms.deletionWindowDays is a number
        kms: { ...base.kms, deletionWindowDays: "7" },
      }),
      /kms\.deletionWindowDays/,
    ],
    [
      "value outside an enum",
      (): EnvironmentInput => ({
        ...base,
        // @ts-expect-error natGateways is "single" or "per-az"
        network: { ...base.network, natGateways: "one" },
      }),
      /network\.natGateways/,
    ],
    [
      "misspelled field of a service",
      (): EnvironmentInput => ({
        ...base,
        // @ts-expect-error `healthcheckPath` is not a service field (healthCheckPath is)
        services: [{ ...base.services[0], healthcheckPath: "/health" }],
      }),
      /services\.0: Unrecognized key: "healthcheckPath"/,
    ],
  ];

  it.each(cases)("%s", (_name, build, message) => {
    const parse = () => parseEnvironmentConfig(build(), "dev");
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(message);
  });
});
