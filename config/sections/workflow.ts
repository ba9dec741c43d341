import { z } from "zod";
import { logRetentionDays, resourceName } from "./common";

const retentionSeconds = z.number().int().min(60, "must be at least 60 seconds").max(1_209_600, "must be at most 1209600 seconds (14 days)");

/** Where a rule delivers matching events. */
const eventTargetSchema = z.discriminatedUnion("type", [
  /** A work queue of this section, by name. */
  z.strictObject({ type: z.literal("queue"), name: resourceName }),
  /** A zip function's `live` alias, by config name. */
  z.strictObject({ type: z.literal("function"), name: resourceName }),
  /** The section's state machine (an execution per event). */
  z.strictObject({ type: z.literal("state-machine") }),
  /** The section's notifications topic. */
  z.strictObject({ type: z.literal("notifications") }),
]);

export const eventRuleSchema = z.strictObject({
  /** Rule name on the bus, which carries the project and environment (seed 002: user-interaction, system-error, analytics). */
  name: resourceName,
  /** What the rule is for, shown in the console. */
  description: z.string().max(512, "must be at most 512 characters").optional(),
  /** Event `source` values it matches (`voice-assistant.api`). */
  sources: z.array(z.string().min(1).max(256)).min(1, "must list at least one source"),
  /** Event `detail-type` values it matches (`User Interaction`); all detail types when empty. */
  detailTypes: z.array(z.string().min(1).max(128)).default([]),
  /** Where matching events go (EventBridge allows 5 targets per rule). */
  targets: z.array(eventTargetSchema).min(1, "must list at least one target").max(5, "must list at most 5 targets (EventBridge's limit)"),
  /** How long and how often EventBridge retries a failed delivery before the rule's dead-letter queue gets the event. */
  retry: z
    .strictObject({
      maximumEventAgeSeconds: z.number().int().min(60, "must be at least 60 seconds").max(86_400, "must be at most 86400 seconds"),
      maximumRetryAttempts: z.number().int().min(0, "must be at least 0").max(185, "must be at most 185"),
    })
    .default({ maximumEventAgeSeconds: 3600, maximumRetryAttempts: 24 }),
});

export const workQueueSchema = z.strictObject({
  /** Queue name suffix: `<project>-<env>-<name>`. */
  name: resourceName,
  /** Seconds a received message stays hidden; above the consumer's timeout. */
  visibilityTimeoutSeconds: z.number().int().min(0, "must be at least 0").max(43_200, "must be at most 43200 seconds (12 hours)"),
  /** Seconds a message is kept. */
  messageRetentionSeconds: retentionSeconds,
  /** Receives before a message moves to the queue's dead-letter queue. */
  maxReceiveCount: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000"),
});

export const workflowSchema = z.strictObject({
  /** The voice pipeline as a Step Functions state machine: the functions it runs, in order. */
  stateMachine: z.strictObject({
    /** Name suffix: `<project>-<env>-<name>`. */
    name: resourceName,
    /** Zip functions (by config name) the pipeline invokes one after another, each with retries. */
    steps: z.array(resourceName).min(1, "must list at least one function"),
    /** ALL logs every state transition; ERROR only failures. */
    logLevel: z.enum(["ALL", "ERROR", "FATAL"]).default("ERROR"),
    /** Put execution inputs and outputs (what users said) into the logs. */
    includeExecutionData: z.boolean().default(false),
    /** Retention of the execution log group. */
    logRetentionDays,
    /** An execution running longer than this fails. */
    timeoutSeconds: z.number().int().min(1, "must be at least 1 second").max(31_536_000, "must be at most one year"),
  }),
  /** The custom event bus of the application's events (seed 002: user interaction, system errors, analytics). */
  eventBus: z.strictObject({
    /** Bus name suffix: `<project>-<env>-<name>`. */
    name: resourceName,
    /** Days the archive keeps every event for replay. */
    archiveRetentionDays: z.number().int().min(1, "must be at least 1 day").max(36_500, "must be at most 36500 days"),
  }),
  /** SQS work queues, each with its own dead-letter queue, on the messaging key. */
  queues: z.array(workQueueSchema).default([]),
  /** EventBridge rules on the bus. */
  rules: z.array(eventRuleSchema).min(1, "must define at least one rule"),
  /** Who is told about system errors (the notifications topic's e-mail subscriptions). */
  notificationEmails: z.array(z.email("must be an email address such as ops@example.com")).default([]),
});

export type WorkflowConfig = z.infer<typeof workflowSchema>;
export type EventRuleConfig = z.infer<typeof eventRuleSchema>;

/** Physical name of a workflow resource: `<project>-<env>-<name>`; the functions stack derives its grants from it. */
export function workflowResourceName(config: { readonly project: string; readonly environment: string }, name: string): string {
  return `${config.project}-${config.environment}-${name}`;
}
