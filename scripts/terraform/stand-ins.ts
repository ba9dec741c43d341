import type { TerraformJson } from "./stack-json";

/**
 * Data sources the AWS provider answers without calling AWS (from its configuration or pure computation), and the
 * remote state the offline plan seeds itself. Every other `data` or `ephemeral` block reads AWS while terraform
 * plans, which offline fails only after the SDK's retries: it needs a stand-in below, or its stack cannot be planned.
 */
export const OFFLINE_DATA_SOURCES: ReadonlySet<string> = new Set([
  "terraform_remote_state",
  "aws_iam_policy_document",
  "aws_partition",
  "aws_region",
  "aws_arn",
  "aws_default_tags",
  "aws_service_principal",
]);

/** What a stand-in knows about the stack it is placed in. */
export interface StandInContext {
  /** The account the stack's AWS provider is pinned to (`allowed_account_ids`), or a fixture account. */
  readonly accountId: string;
  /** The whole stack JSON, serialized: where stand-ins find how their values are read. */
  readonly text: string;
  /** The block's reference prefix in that text (`ephemeral.aws_secretsmanager_secret_version.master_secret`). */
  readonly reference: string;
}

/** A fixed value for an AWS read, and the assumption about the world that the value makes. */
interface StandIn {
  /** Printed with every stack that uses the stand-in: what the offline plan takes for granted instead of reading it. */
  readonly assumes: string;
  /** Attribute values besides the block's own arguments, which the stand-in keeps. */
  attributes(block: Record<string, unknown>, context: StandInContext): Record<string, unknown>;
}

/** A fixed password, long enough for any `password_length` the AWS API accepts (4-4096). */
const standInPassword = (length: unknown) => "OfflinePlan0".repeat(342).slice(0, typeof length === "number" ? length : 32);

/**
 * AWS reads the offline copy replaces by a local value of the same shape, keyed `<block>.<type>`, as the random
 * provider is swapped for terraform_data. Each says what it assumes; those assumptions are exactly what an offline
 * plan cannot prove (docs/plan-offline.md).
 */
export const STAND_INS: Readonly<Record<string, StandIn>> = {
  // Pure metadata: the stacks run in the account their provider is pinned to, which the offline copy cannot check.
  "data.aws_caller_identity": {
    assumes: "the caller is the account the provider is pinned to",
    attributes: (_, { accountId }) => ({ account_id: accountId, arn: `arn:aws:iam::${accountId}:root`, id: accountId, user_id: accountId }),
  },
  // The ECS stack's preconditions: a task cannot start with an empty secret, and the operator fills it before deploy.
  "data.aws_secretsmanager_secret_versions": {
    assumes: "the secret has a current (AWSCURRENT) value, as the operator sets before the first deploy",
    attributes: (block) => ({
      arn: block.secret_id,
      id: block.secret_id,
      name: "offline-plan",
      versions: [
        {
          created_time: "2025-01-01T00:00:00Z",
          last_accessed_date: "2025-01-01T00:00:00Z",
          version_id: "offline-plan",
          version_stages: ["AWSCURRENT"],
        },
      ],
    }),
  },
  // PushedImage: ecs and functions plans stop on a tag that was never pushed; the deploy order pushes it first.
  "data.aws_ecr_image": {
    assumes: "the image tag was pushed to its repository before the deploy",
    attributes: (block, { accountId }) => ({
      id: `sha256:${"0".repeat(64)}`,
      image_digest: `sha256:${"0".repeat(64)}`,
      image_pushed_at: 1735689600,
      image_size_in_bytes: 1,
      image_tags: block.image_tag === undefined ? [] : [block.image_tag],
      registry_id: accountId,
    }),
  },
  // ZipFunction: the functions plan stops on a package that was never uploaded; the deploy order uploads it first.
  "data.aws_s3_object": {
    assumes: "the function package was uploaded to the artifacts bucket before the deploy",
    attributes: (block) => ({
      id: block.key,
      arn: `arn:aws:s3:::${String(block.bucket)}/${String(block.key)}`,
      content_length: 1,
      content_type: "application/zip",
      etag: "offline-plan",
      version_id: "offline-plan-version",
      last_modified: "Wed, 01 Jan 2025 00:00:00 GMT",
      server_side_encryption: "aws:kms",
    }),
  },
  // IdentityStack: the plan stops until SES has verified the mail stack's domain; the deploy order waits for it.
  "data.aws_sesv2_email_identity": {
    assumes: "SES verified the mail stack's domain (its DKIM records resolved) before the identity deploy",
    attributes: (block) => ({
      id: block.email_identity,
      identity_type: "DOMAIN",
      verified_for_sending_status: true,
      configuration_set_name: "offline-plan",
      dkim_signing_attributes: [{ status: "SUCCESS", signing_attributes_origin: "AWS_SES", tokens: [] }],
      tags: {},
    }),
  },
  // Secrets Manager's GetRandomPassword does what the random provider does locally.
  "ephemeral.aws_secretsmanager_random_password": {
    assumes: "Secrets Manager generates the password as asked",
    attributes: (block) => ({ random_password: standInPassword(block.password_length) }),
  },
  "ephemeral.aws_secretsmanager_secret_version": {
    assumes: "the secret holds a value written by the stack that owns it (a JSON object with every key this stack reads)",
    attributes: (block, { text, reference }) => ({ arn: block.secret_id, secret_string: JSON.stringify(secretKeysRead(text, reference)) }),
  },
};

/**
 * The keys a stack reads out of a JSON secret (`jsondecode(<reference>.secret_string)["password"]` or `.password`),
 * each with the same stand-in string.
 */
export function secretKeysRead(text: string, reference: string): Record<string, string> {
  const escaped = reference.replace(/\./g, "\\.");
  // In the serialized stack the quotes of `["key"]` are escaped (\").
  const pattern = new RegExp(`jsondecode\\(${escaped}\\.secret_string\\)(?:\\[\\\\"([^\\\\]+)\\\\"\\]|\\.([A-Za-z_][A-Za-z0-9_]*))`, "g");
  const keys = [...text.matchAll(pattern)].map((match) => match[1] ?? match[2]);
  return Object.fromEntries([...new Set(keys)].sort().map((key) => [key, standInPassword(32)]));
}

/** The offline copy of a stack's AWS reads: what was replaced (with its assumption) and what cannot be planned. */
export interface StandInReport {
  readonly json: TerraformJson;
  /** `data.aws_x.name: assumption` per replaced block. */
  readonly standIns: readonly string[];
  /** `data.aws_x.name: reason` per block that reads AWS and has no stand-in; the stack cannot be planned offline. */
  readonly blockers: readonly string[];
}

/**
 * Replaces every `data` and `ephemeral` block that has a stand-in by a local value `offline_<block>_<type>_<name>`
 * holding its arguments and the stand-in's attributes, and rewrites every reference to it. References in
 * `depends_on` go: a constant has nothing to wait for. The block itself stays, as written but with `count = 0`:
 * terraform still validates it against the provider schema (its validate walk does not expand `count`), and never
 * reads it. A block with `count` or `for_each`, or of a type without a stand-in, stays and is reported as a blocker.
 */
export function withStandIns(json: TerraformJson, accountId: string): StandInReport {
  const copy: TerraformJson = structuredClone(json);
  const text = JSON.stringify(json);
  const locals: Record<string, unknown> = { ...((copy.locals as Record<string, unknown> | undefined) ?? {}) };
  const replaced = new Map<string, string>();
  const standIns: string[] = [];
  const blockers: string[] = [];
  for (const kind of ["data", "ephemeral"] as const) {
    const blocks = (copy[kind] ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
    for (const [type, named] of Object.entries(blocks)) {
      if (kind === "data" && OFFLINE_DATA_SOURCES.has(type)) continue;
      const standIn = STAND_INS[`${kind}.${type}`];
      for (const [name, block] of Object.entries(named)) {
        const reference = kind === "data" ? `data.${type}.${name}` : `ephemeral.${type}.${name}`;
        if (!standIn) {
          blockers.push(
            `${reference}: reads AWS while terraform plans, and the offline plan has no stand-in for ${kind}.${type} (scripts/terraform/stand-ins.ts)`,
          );
          continue;
        }
        if (block.count !== undefined || block.for_each !== undefined) {
          blockers.push(`${reference}: a stand-in cannot replace a block with count or for_each`);
          continue;
        }
        const { "//": _metadata, provider: _provider, depends_on: _dependsOn, lifecycle: _lifecycle, ...args } = block;
        const local = `offline_${kind}_${type}_${name}`;
        locals[local] = { ...args, ...standIn.attributes(args, { accountId, text, reference }) };
        replaced.set(reference, `local.${local}`);
        standIns.push(`${reference}: ${standIn.assumes}`);
        named[name] = { ...block, count: 0 };
      }
    }
  }
  if (replaced.size === 0) return { json: copy, standIns, blockers };

  copy.locals = locals;
  const rewritten = JSON.stringify(copy, (key, value) => {
    if (key === "depends_on" && Array.isArray(value)) return value.filter((entry) => !replaced.has(entry));
    if (typeof value !== "string") return value;
    return value.replace(/\b(data|ephemeral)\.([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)/g, (match) => replaced.get(match) ?? match);
  });
  return { json: JSON.parse(rewritten), standIns, blockers };
}
