import { describe, expect, it } from "vitest";
import { PROD_CLIENT_VPN, STANDBY } from "../support/messaging";
import { foreignWrites } from "../support/ownership";
import { type SynthesizedEnvironment, type TerraformJson, editedConfig, synthConfig, synthEnvironment } from "../support/synth";

function writesOfEveryStack(synth: SynthesizedEnvironment): Record<string, string[]> {
  const prefix = `${synth.config.environment}-`;
  return Object.fromEntries(
    synth.stackIds.map((id) => [id, foreignWrites(synth.stack(id.slice(prefix.length)).json)]).filter(([, w]) => w.length > 0),
  );
}

describe("foreignWrites", () => {
  it("flags rules on another stack's group and policies on another stack's role, as the messaging stack wrote them", () => {
    const remote = (output: string) => `\${data.terraform_remote_state.cross_stack_reference_input_prod_vpc.outputs.${output}}`;
    const json: TerraformJson = {
      terraform: {},
      resource: {
        aws_security_group: { client_vpn_security_group: { name: "vpn" } },
        aws_vpc_security_group_egress_rule: {
          client_vpn_security_group_egress_postgres: { security_group_id: "${aws_security_group.client_vpn_security_group.id}" },
        },
        aws_vpc_security_group_ingress_rule: {
          rds_ingress_from_client_vpn: { security_group_id: remote("cross_stack_output_aws_security_group_rds_security_group_id") },
        },
        aws_iam_role_policy_attachment: {
          app_policy_voice_api: {
            role: `\${element(split("/", ${remote("cross_stack_output_aws_iam_role_voice_api_task_role_arn").slice(2, -1)}), 1)}`,
          },
          literal: { role: "voice-ai-prod-voice-api-task" },
        },
      },
    };
    expect(foreignWrites(json)).toEqual([
      expect.stringMatching(
        /^aws_vpc_security_group_ingress_rule\.rds_ingress_from_client_vpn\.security_group_id = \$\{data\.terraform_remote_state/,
      ),
      expect.stringMatching(/^aws_iam_role_policy_attachment\.app_policy_voice_api\.role = \$\{element\(split\("\/", data\.terraform_remote_state/),
      "aws_iam_role_policy_attachment.literal.role = voice-ai-prod-voice-api-task",
    ]);
  });
});

describe.each(["dev", "staging", "prod"])("%s: no stack writes into a security group or role it does not own", (env) => {
  it("every security-group rule and role policy targets a group or role of its own stack", () => {
    expect(writesOfEveryStack(synthEnvironment(env))).toEqual({});
  });
});

describe("no foreign writes with every messaging option on", () => {
  // Client VPN (rules on the RDS and Redis groups) and failover: the options that used to write across stacks.
  const synth = synthConfig(
    editedConfig("prod", (raw) => {
      raw.messaging.clientVpn = PROD_CLIENT_VPN;
      raw.messaging.failover = { secondary: STANDBY };
    }),
  );
  it("holds for prod with Client VPN and failover", () => {
    expect(synth.stackIds).toEqual(expect.arrayContaining(["prod-access", "prod-dns", "prod-messaging"]));
    expect(writesOfEveryStack(synth)).toEqual({});
  });
});
