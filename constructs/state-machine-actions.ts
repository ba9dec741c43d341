/**
 * IAM actions a state machine's role needs that have no resource-level permissions, so they are granted on "*".
 * Dependency-free: the StateMachine construct grants them and the VP-SFN guardrails check for them.
 */

/** CloudWatch Logs vended-log APIs the role calls to set up delivery (cw-logs.html#cloudwatch-iam-policy). */
export const STATE_MACHINE_LOG_DELIVERY_ACTIONS = [
  "logs:CreateLogDelivery",
  "logs:GetLogDelivery",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:DescribeResourcePolicies",
  "logs:DescribeLogGroups",
] as const;

/** What the role needs to send X-Ray segments. */
export const XRAY_WRITE_ACTIONS = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"] as const;
