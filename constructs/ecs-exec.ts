import type { PolicyStatement } from "./iam-policy";

/** ECS Exec wiring shared by every service of a cluster. */
export interface ExecSettings {
  /** Log group (KMS-encrypted) that receives exec session output. */
  readonly logGroupArn: string;
  /** CMK that encrypts exec sessions (the cluster's `execute_command_configuration.kms_key_id`). */
  readonly kmsKeyArn: string;
}

/**
 * Task-scoped writable volumes that the SSM agent ECS Exec injects into every container needs when the container's
 * root filesystem is read-only (without them it crashes at start and exec sessions fail;
 * aws/containers-roadmap#1359, guardrail VP-ECS-4).
 */
export const EXEC_AGENT_VOLUMES = [
  { name: "ssm-managed-agents", containerPath: "/managed-agents" },
  { name: "ssm-agent-state", containerPath: "/var/lib/amazon/ssm" },
  { name: "ssm-agent-logs", containerPath: "/var/log/amazon/ssm" },
] as const;

/** What a task role needs for exec sessions: the Session Manager channels, the session log group and its key. */
export function execStatements(exec: ExecSettings): PolicyStatement[] {
  return [
    {
      // Session Manager channels have no resource ARNs to scope to.
      sid: "ExecSessionChannels",
      actions: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      resources: ["*"],
    },
    { sid: "ExecChecksLogGroupEncryption", actions: ["logs:DescribeLogGroups"], resources: ["*"] },
    {
      sid: "ExecWritesSessionLogs",
      actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
      resources: [`${exec.logGroupArn}:log-stream:*`, `${exec.logGroupArn}:*`],
    },
    { sid: "ExecDecryptsSessions", actions: ["kms:Decrypt"], resources: [exec.kmsKeyArn] },
  ];
}
