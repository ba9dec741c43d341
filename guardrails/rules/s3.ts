import { stackRule } from "../catalog";
import { actionMatches, blocks, grantsToEveryone, isCustomerManagedKey, isSet, isTrue, policyStatements, refersTo, type Statement } from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant } from "../types";

const PUBLIC_ACCESS_SETTINGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

/** Principals that can only write access logs into SSE-S3 buckets. */
const SSE_S3_ONLY_LOG_WRITERS = ["logging.s3.amazonaws.com", "logdelivery.elasticloadbalancing.amazonaws.com"];
const ELB_ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::\d{12}:root$/;

function buckets(context: RuleContext): ElementView[] {
  return context.elements.filter((e) => e.type === "aws_s3_bucket");
}

/** Companion resources (`aws_s3_bucket_*`) that configure `bucket`. */
function companions(context: RuleContext, type: string, bucket: ElementView, attribute = "bucket"): ElementView[] {
  return context.elements.filter((e) => e.type === type && refersTo(e.attributes[attribute], bucket, "bucket"));
}

function bucketPolicyStatements(context: RuleContext, bucket: ElementView): Statement[] | undefined {
  const policies = [...companions(context, "aws_s3_bucket_policy", bucket).map((p) => p.attributes.policy), bucket.attributes.policy];
  const statements: Statement[] = [];
  for (const policy of policies.filter(isSet)) {
    const parsed = policyStatements(policy, context);
    if (!parsed) return undefined;
    statements.push(...parsed);
  }
  return statements;
}

/**
 * S3 server access logging and (pre-2022-region) ALB access logs can only write into SSE-S3 buckets, so those
 * buckets are the one exception to CMK encryption.
 */
function isAccessLogBucket(context: RuleContext, bucket: ElementView): boolean {
  if (companions(context, "aws_s3_bucket_logging", bucket, "target_bucket").length > 0) return true;
  const loadBalancers = context.elements.filter((e) => e.type === "aws_lb" || e.type === "aws_alb");
  if (loadBalancers.some((lb) => blocks(lb.attributes.access_logs).some((logs) => refersTo(logs.bucket, bucket, "bucket")))) {
    return true;
  }
  const statements = bucketPolicyStatements(context, bucket) ?? [];
  return statements.some((s) => {
    if (s.effect !== "Allow" || s.principals === undefined || s.principals === "*") return false;
    const services = s.principals.Service ?? [];
    const accounts = s.principals.AWS ?? [];
    const writesLogs = s.actions.some((a) => actionMatches(a, "s3:PutObject")) && s.resources.some((r) => r.includes("/AWSLogs/"));
    return services.some((service) => SSE_S3_ONLY_LOG_WRITERS.includes(service)) || (writesLogs && accounts.some((a) => ELB_ACCOUNT_ROOT.test(a)));
  });
}

export const bucketPublicAccessBlock = stackRule("VP-S3-1", (context) =>
  buckets(context).map((bucket) => {
    const blocksOfBucket = companions(context, "aws_s3_bucket_public_access_block", bucket);
    if (blocksOfBucket.length === 0) return { subject: bucket, verdict: nonCompliant("the bucket has no aws_s3_bucket_public_access_block") };
    const off = PUBLIC_ACCESS_SETTINGS.filter((setting) => !blocksOfBucket.some((b) => isTrue(b.attributes[setting])));
    return {
      subject: bucket,
      verdict: off.length === 0 ? compliant : nonCompliant(`its public access block leaves ${off.join(", ")} off`),
    };
  }),
);

export const bucketEncryptedWithCmk = stackRule("VP-S3-2", (context) =>
  buckets(context).map((bucket) => {
    const defaults = [
      ...companions(context, "aws_s3_bucket_server_side_encryption_configuration", bucket).flatMap((c) => blocks(c.attributes.rule)),
      ...blocks(bucket.attributes.server_side_encryption_configuration).flatMap((c) => blocks(c.rule)),
    ].flatMap((rule) => blocks(rule.apply_server_side_encryption_by_default));
    if (defaults.length === 0) return { subject: bucket, verdict: nonCompliant("the bucket declares no default encryption") };
    const problems = defaults.flatMap((d) => {
      const algorithm = String(d.sse_algorithm);
      if (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") {
        return isCustomerManagedKey(d.kms_master_key_id, "alias/aws/s3") ? [] : ["it uses the AWS-managed aws/s3 key instead of a CMK"];
      }
      if (algorithm === "AES256") {
        return isAccessLogBucket(context, bucket) ? [] : ["it uses SSE-S3 (AES256) but receives no S3 or ALB access logs"];
      }
      return [`sse_algorithm ${algorithm} is not a KMS algorithm`];
    });
    return { subject: bucket, verdict: problems.length === 0 ? compliant : nonCompliant(problems.join("; ")) };
  }),
);

function deniesPlainHttp(statement: Statement): boolean {
  if (statement.effect !== "Deny" || !grantsToEveryone(statement)) return false;
  if (!statement.actions.some((a) => actionMatches(a, "s3:GetObject") && actionMatches(a, "s3:PutObject"))) return false;
  const secureTransport = Object.entries(statement.conditions.Bool ?? {}).find(([key]) => key.toLowerCase() === "aws:securetransport")?.[1];
  return [secureTransport].flat().some((v) => String(v) === "false");
}

export const bucketRequiresTls = stackRule("VP-S3-3", (context) =>
  buckets(context).map((bucket) => {
    const statements = bucketPolicyStatements(context, bucket);
    if (statements === undefined) {
      return { subject: bucket, verdict: nonCompliant("its bucket policy is only known at plan time, so TLS enforcement cannot be checked") };
    }
    return {
      subject: bucket,
      verdict: statements.some(deniesPlainHttp)
        ? compliant
        : nonCompliant("no bucket policy statement denies requests without TLS (aws:SecureTransport = false)"),
    };
  }),
);
