import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { SqsQueueRedriveAllowPolicy } from "@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy";
import { Construct } from "constructs";
import { denyUnencryptedTransport, policyDocument } from "./iam-policy";

/** An AWS service allowed to send to the queue on behalf of named resources (EventBridge rules, SNS topics). */
export interface QueueServiceSender {
  /** Service principal, e.g. `events.amazonaws.com`. */
  readonly service: string;
  /** ARNs (or `ArnLike` patterns) of the resources it sends for, e.g. the EventBridge rule's ARN. */
  readonly sourceArns: readonly string[];
}

/** Where messages go after too many failed receives. */
export interface DeadLetterTarget {
  /** The dead-letter queue; same FIFO-ness as the source, retention at least the source's. */
  readonly queue: EncryptedQueue;
  /** Receives of one message before SQS moves it (1-1000). */
  readonly maxReceiveCount: number;
}

export interface EncryptedQueueProps {
  /** Queue name (1-80 characters of A-Z a-z 0-9 _ -); FIFO queues end in `.fifo`. */
  readonly name: string;
  /**
   * First-in-first-out delivery with exactly-once processing per message group.
   * @default false
   */
  readonly fifo?: boolean;
  /** CMK that encrypts message bodies; producers need kms:GenerateDataKey, consumers kms:Decrypt on it. */
  readonly kmsKeyArn: string;
  /** Seconds SQS keeps an unconsumed message (60-1209600). */
  readonly messageRetentionSeconds: number;
  /**
   * Seconds a received message stays hidden from other consumers (0-43200).
   * @default 30
   */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * FIFO only: deduplicate by a hash of the body when a producer sends no deduplication id.
   * @default false
   */
  readonly contentBasedDeduplication?: boolean;
  /**
   * Dead-letter queue for messages that keep failing; it is told to accept redrives from this queue only.
   * @default - messages that keep failing stay until they expire
   */
  readonly deadLetter?: DeadLetterTarget;
  /**
   * Services that send to the queue through its policy (EventBridge targets and dead-letter queues), each bound to
   * its source ARNs. A queue has one policy, so these statements must live in it rather than in a second
   * `aws_sqs_queue_policy`, which would overwrite the first.
   * @default - none; only IAM principals of the account send
   */
  readonly serviceSenders?: readonly QueueServiceSender[];
}

const MAX_RETENTION_SECONDS = 1_209_600;
const MAX_VISIBILITY_SECONDS = 43_200;
/** Long polling: fewer empty receives (each one billed) and lower latency than short polling. */
const RECEIVE_WAIT_SECONDS = 20;
/** How long SQS reuses a data key before asking KMS again: the AWS default, bounded KMS calls. */
const KMS_DATA_KEY_REUSE_SECONDS = 300;

/**
 * An SQS queue encrypted with a customer-managed key whose policy refuses anything but TLS, with an
 * optional dead-letter queue wired both ways (redrive policy here, redrive allow policy on the DLQ).
 */
export class EncryptedQueue extends Construct {
  readonly queue: SqsQueue;
  readonly fifo: boolean;
  readonly messageRetentionSeconds: number;
  private redriveSource?: string;

  constructor(scope: Construct, id: string, props: EncryptedQueueProps) {
    super(scope, id);
    const fifo = props.fifo ?? false;
    const baseName = fifo ? props.name.replace(/\.fifo$/, "") : props.name;
    if (fifo !== props.name.endsWith(".fifo")) {
      throw new Error(`EncryptedQueue ${id}: name "${props.name}" must end in .fifo exactly when fifo is true`);
    }
    for (const [i, sender] of (props.serviceSenders ?? []).entries()) {
      if (sender.sourceArns.length === 0) {
        throw new Error(`EncryptedQueue ${id}: serviceSenders[${i}].sourceArns is empty; the service could then send for anyone's resources`);
      }
    }
    if (!/^[A-Za-z0-9_-]+$/.test(baseName) || props.name.length > 80) {
      throw new Error(`EncryptedQueue ${id}: name "${props.name}" must be at most 80 characters of A-Z a-z 0-9 _ -`);
    }
    if (!fifo && props.contentBasedDeduplication) {
      throw new Error(`EncryptedQueue ${id}: contentBasedDeduplication needs fifo: true`);
    }
    if (
      !Number.isInteger(props.messageRetentionSeconds) ||
      props.messageRetentionSeconds < 60 ||
      props.messageRetentionSeconds > MAX_RETENTION_SECONDS
    ) {
      throw new Error(`EncryptedQueue ${id}: messageRetentionSeconds must be 60-${MAX_RETENTION_SECONDS}`);
    }
    const visibility = props.visibilityTimeoutSeconds ?? 30;
    if (!Number.isInteger(visibility) || visibility < 0 || visibility > MAX_VISIBILITY_SECONDS) {
      throw new Error(`EncryptedQueue ${id}: visibilityTimeoutSeconds must be 0-${MAX_VISIBILITY_SECONDS}`);
    }
    const deadLetter = props.deadLetter;
    if (deadLetter) {
      if (deadLetter.queue.fifo !== fifo) {
        throw new Error(`EncryptedQueue ${id}: deadLetter.queue must be ${fifo ? "a FIFO" : "a standard"} queue like this one`);
      }
      if (deadLetter.queue.messageRetentionSeconds < props.messageRetentionSeconds) {
        throw new Error(
          `EncryptedQueue ${id}: deadLetter.queue keeps messages ${deadLetter.queue.messageRetentionSeconds} s, less than this queue's ` +
            `${props.messageRetentionSeconds} s; a moved message keeps its original age and would expire early`,
        );
      }
      if (!Number.isInteger(deadLetter.maxReceiveCount) || deadLetter.maxReceiveCount < 1 || deadLetter.maxReceiveCount > 1000) {
        throw new Error(`EncryptedQueue ${id}: deadLetter.maxReceiveCount must be 1-1000`);
      }
    }

    this.fifo = fifo;
    this.messageRetentionSeconds = props.messageRetentionSeconds;
    this.queue = new SqsQueue(this, "Resource", {
      name: props.name,
      fifoQueue: fifo || undefined,
      contentBasedDeduplication: fifo ? (props.contentBasedDeduplication ?? false) : undefined,
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: KMS_DATA_KEY_REUSE_SECONDS,
      messageRetentionSeconds: props.messageRetentionSeconds,
      visibilityTimeoutSeconds: visibility,
      receiveWaitTimeSeconds: RECEIVE_WAIT_SECONDS,
      redrivePolicy: deadLetter
        ? JSON.stringify({ deadLetterTargetArn: deadLetter.queue.arn, maxReceiveCount: deadLetter.maxReceiveCount })
        : undefined,
      tags: { Name: props.name },
    });
    new SqsQueuePolicy(this, "Policy", {
      queueUrl: this.queue.url,
      policy: policyDocument([
        denyUnencryptedTransport(["sqs:*"], [this.queue.arn]),
        ...(props.serviceSenders ?? []).map((sender) => ({
          sid: `${sender.service.split(".")[0]}SendsForItsSources`,
          principals: { Service: sender.service },
          actions: ["sqs:SendMessage"],
          resources: [this.queue.arn],
          conditions: { ArnLike: { "aws:SourceArn": [...sender.sourceArns] } },
        })),
      ]),
    });
    deadLetter?.queue.acceptRedriveFrom(id, this.queue.arn);
  }

  get arn(): string {
    return this.queue.arn;
  }

  get url(): string {
    return this.queue.url;
  }

  get name(): string {
    return this.queue.name;
  }

  /** Restricts this (dead-letter) queue to redrives from one source queue. */
  private acceptRedriveFrom(sourceId: string, sourceArn: string): void {
    if (this.redriveSource !== undefined) {
      throw new Error(`EncryptedQueue ${this.node.id}: already the dead-letter queue of ${this.redriveSource}; give ${sourceId} its own`);
    }
    this.redriveSource = sourceId;
    new SqsQueueRedriveAllowPolicy(this, "RedriveAllow", {
      queueUrl: this.queue.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [sourceArn] }),
    });
  }
}
