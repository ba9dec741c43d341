/** Bucket-policy statements that let AWS log producers write into a log bucket, and nothing else. */
import type { PolicyStatement } from "./iam-policy";

/**
 * Elastic Load Balancing's log-writer account in regions that launched before August 2022 (AWS docs, "Enable
 * access logs for your Application Load Balancer"). Newer regions use the service principal only.
 */
export const ELB_LOG_ACCOUNT_BY_REGION: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "ca-central-1": "985666609251",
  "eu-central-1": "054676820928",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-north-1": "897822967062",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-northeast-3": "383597477331",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-south-1": "718504428378",
  "sa-east-1": "507241528517",
};

export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";
export const S3_SERVER_ACCESS_LOG_SERVICE = "logging.s3.amazonaws.com";

export interface AlbLogDeliveryOptions {
  /** ARN of the log bucket. */
  readonly bucketArn: string;
  /** Key prefix the load balancer is configured with (`access_logs.prefix`), without slashes. */
  readonly prefix: string;
  /** Account that owns the load balancers. */
  readonly accountId: string;
  /** Region of the load balancers and the bucket. */
  readonly region: string;
}

/**
 * ALB access-log delivery into `<prefix>/AWSLogs/<account>/`: the region's ELB account where one exists and the
 * log-delivery service principal everywhere, so the policy holds in old and new regions alike.
 */
export function albAccessLogStatements(options: AlbLogDeliveryOptions): PolicyStatement[] {
  const resources = [`${options.bucketArn}/${options.prefix}/AWSLogs/${options.accountId}/*`];
  const elbAccount = ELB_LOG_ACCOUNT_BY_REGION[options.region];
  return [
    ...(elbAccount
      ? [{ sid: "ElbAccountWritesAlbAccessLogs", principals: { AWS: `arn:aws:iam::${elbAccount}:root` }, actions: ["s3:PutObject"], resources }]
      : []),
    { sid: "ElbLogDeliveryWritesAlbAccessLogs", principals: { Service: ELB_LOG_DELIVERY_SERVICE }, actions: ["s3:PutObject"], resources },
  ];
}

export interface S3AccessLogDeliveryOptions {
  /** ARN of the log bucket. */
  readonly bucketArn: string;
  /** Key prefix the source buckets log under, without slashes. */
  readonly prefix: string;
  /** Account of the source buckets (confused-deputy guard). */
  readonly accountId: string;
  /** ARN patterns of the buckets allowed to log here, e.g. `arn:aws:s3:::voice-ai-prod-*`. */
  readonly sourceBucketArns: readonly string[];
}

/** S3 server access logging (which cannot use ACLs on a BucketOwnerEnforced bucket) into `<prefix>/`. */
export function s3AccessLogStatements(options: S3AccessLogDeliveryOptions): PolicyStatement[] {
  return [
    {
      sid: "S3ServerAccessLogsFromThisAccountsBuckets",
      principals: { Service: S3_SERVER_ACCESS_LOG_SERVICE },
      actions: ["s3:PutObject"],
      resources: [`${options.bucketArn}/${options.prefix}/*`],
      conditions: {
        StringEquals: { "aws:SourceAccount": options.accountId },
        ArnLike: { "aws:SourceArn": [...options.sourceBucketArns] },
      },
    },
  ];
}
