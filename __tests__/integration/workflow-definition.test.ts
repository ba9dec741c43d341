import { describe, expect, it } from "vitest";
import { BLUEPRINTS } from "../../config";
import { validateStateMachineDefinition } from "../../scripts/terraform/step-functions-stub";
import { synthBlueprintEnvironment } from "../support/synth";

const BLUEPRINT = "voice-assistant";

/**
 * The definition with every `${...}` Terraform reference replaced by the ARN it stands for at apply time, as
 * ValidateStateMachineDefinition sees it: the workflow stack's references are the functions stack's alias ARNs.
 */
function withPlausibleArns(definition: string, scope: { region: string; accountId: string }): { definition: string; references: number } {
  let references = 0;
  const resolved = definition.replace(/\$\{([^}]*)\}/g, (expression, reference: string) => {
    references++;
    const alias = /aws_lambda_alias_(.+?)_deployment_alias_arn$/.exec(reference);
    if (alias) return `arn:aws:lambda:${scope.region}:${scope.accountId}:function:${alias[1].replace(/_/g, "-")}:live`;
    throw new Error(`no plausible ARN for ${expression} in the state machine definition: add its shape to this test`);
  });
  return { definition: resolved, references };
}

describe(`${BLUEPRINT} state machine definitions pass asl-validator (what the offline plan's Step Functions stub checks)`, () => {
  it.each(Object.keys(BLUEPRINTS[BLUEPRINT]))("%s-workflow", (environment) => {
    const env = synthBlueprintEnvironment(BLUEPRINT, environment);
    const machines = Object.entries((env.stack("workflow").json.resource?.aws_sfn_state_machine ?? {}) as Record<string, { definition: string }>);
    expect(machines.length).toBeGreaterThan(0);
    for (const [name, machine] of machines) {
      const { definition, references } = withPlausibleArns(machine.definition, env.config);
      expect(references, `${name} invokes the functions stack's aliases`).toBeGreaterThan(0);
      const validation = validateStateMachineDefinition({ definition });
      expect(validation.diagnostics, `aws_sfn_state_machine.${name}`).toEqual([]);
      expect(validation.result).toBe("OK");
    }
  });
});
