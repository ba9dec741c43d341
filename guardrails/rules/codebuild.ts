/** CodeBuild projects and CodePipeline pipelines: encryption, build privileges, secrets, and the source connection. */
import { elementRule } from "../catalog";
import {
  actionMatches,
  blocks,
  environmentCredential,
  isCustomerManagedKey,
  isExpression,
  isLiteralString,
  isSet,
  isTrue,
  policyStatements,
  referencedAddress,
  type Statement,
} from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant, notApplicable } from "../types";

export const buildOutputEncryptedWithCmk = elementRule("VP-CB-1", ["aws_codebuild_project"], ({ attributes }) =>
  isCustomerManagedKey(attributes.encryption_key, "alias/aws/s3")
    ? compliant
    : nonCompliant("encryption_key is not a CMK (unset or alias/aws/s3), so build output is encrypted with the AWS-managed S3 key"),
);

/** The log group a `group_name` names: a reference into the stack, or a group of the stack with that literal name. */
function logGroupNamed(name: unknown, context: RuleContext): ElementView | undefined {
  const referenced = context.lookup(name);
  if (referenced) return referenced.type === "aws_cloudwatch_log_group" ? referenced : undefined;
  return context.elements.find((e) => e.type === "aws_cloudwatch_log_group" && isLiteralString(name) && e.attributes.name === name);
}

export const buildLogsEncryptedWithCmk = elementRule("VP-CB-2", ["aws_codebuild_project"], ({ attributes }, context) => {
  const logs = blocks(attributes.logs_config)[0];
  const cloudwatch = blocks(logs?.cloudwatch_logs)[0];
  const s3 = blocks(logs?.s3_logs)[0];
  // CloudWatch logging is on unless switched off; S3 logging is off unless switched on.
  const cloudwatchOn = cloudwatch?.status !== "DISABLED";
  const s3On = s3?.status === "ENABLED";
  const problems: string[] = [];
  if (cloudwatchOn) {
    const name = cloudwatch?.group_name;
    const group = isSet(name) ? logGroupNamed(name, context) : undefined;
    if (!isSet(name)) {
      problems.push("CloudWatch logs go to /aws/codebuild/<project>, a group CodeBuild creates unencrypted and without retention");
    } else if (group) {
      if (!isSet(group.attributes.kms_key_id)) problems.push(`log group ${group.address} has no kms_key_id`);
    } else if (isLiteralString(name)) {
      // A group from another stack (remote state) cannot be read here; a literal name no element creates, can.
      problems.push(`log group "${name}" is not created in this stack, so CodeBuild creates it unencrypted and without retention`);
    }
  }
  if (s3On && isTrue(s3?.encryption_disabled)) problems.push("s3_logs has encryption_disabled = true");
  if (!cloudwatchOn && !s3On) problems.push("both CloudWatch and S3 logs are disabled, so builds leave no record");
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

/**
 * The tag that declares a container build (BuildProject's CONTAINER_BUILD_TAG): the declaration is in the
 * synthesized project, visible in review and in the console, instead of a flag only the construct saw.
 */
const CONTAINER_BUILD_TAG = "container-build";
const CONTAINER_COMMAND = /\b(docker|buildx|podman|finch)\b/;

export const privilegedOnlyForContainerBuilds = elementRule(
  "VP-CB-3",
  ["aws_codebuild_project"],
  ({ attributes }) => {
    const environment = blocks(attributes.environment)[0];
    if (!isTrue(environment?.privileged_mode)) return compliant;
    const tags = (attributes.tags ?? {}) as Record<string, unknown>;
    if (tags[CONTAINER_BUILD_TAG] !== "true") {
      return nonCompliant(`privileged_mode gives the build root on its host, but the project is not tagged ${CONTAINER_BUILD_TAG} = "true"`);
    }
    // A buildspec file in the repository cannot be read at synth; an inline one can, and must use what it asked for.
    const buildspec = blocks(attributes.source)[0]?.buildspec;
    if (isLiteralString(buildspec) && buildspec.includes("\n") && !CONTAINER_COMMAND.test(buildspec)) {
      return nonCompliant("the project is declared a container build, but its inline buildspec runs no docker, buildx, podman or finch command");
    }
    return compliant;
  },
  { containerBuildTag: CONTAINER_BUILD_TAG },
);

export const noPlaintextBuildSecrets = elementRule("VP-CB-4", ["aws_codebuild_project"], ({ attributes }) => {
  const variables = blocks(blocks(attributes.environment)[0]?.environment_variable);
  const problems: string[] = [];
  for (const variable of variables) {
    // CodeBuild's default type is PLAINTEXT: the value is stored in the project and shown in the console.
    if ((variable.type ?? "PLAINTEXT") !== "PLAINTEXT") continue;
    const name = String(variable.name);
    const value = variable.value;
    if (!isLiteralString(value) || value === "") continue;
    const found = environmentCredential(name, value);
    if (found?.by === "value") problems.push(`${name} contains ${found.kind}`);
    else if (found?.by === "name") problems.push(`${name} is named like a secret and set to a literal`);
    else if (found?.by === "key") problems.push(`${name} looks like a key`);
  }
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

export const artifactStoreEncryptedWithCmk = elementRule("VP-CP-1", ["aws_codepipeline"], ({ attributes }) => {
  const stores = blocks(attributes.artifact_store);
  const problems = stores.flatMap((store, i) => {
    const key = blocks(store.encryption_key)[0];
    const where = `artifact_store[${i}]${isSet(store.region) ? ` (${String(store.region)})` : ""}`;
    // Without the block CodePipeline uses the AWS-managed aws/s3 key, which another account's role can never use.
    if (!key || !isSet(key.id)) return [`${where} has no encryption_key, so artifacts use the AWS-managed aws/s3 key`];
    if (key.type !== "KMS" || !isCustomerManagedKey(key.id, "alias/aws/s3")) return [`${where} encryption_key is not a customer-managed KMS key`];
    return [];
  });
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

/** Service prefixes whose UseConnection the role needs for a connection ARN: its own prefix, or both when unknown. */
function connectionPrefixes(connectionArn: unknown): string[] {
  if (isLiteralString(connectionArn)) {
    const prefix = /^arn:[^:]+:(codestar-connections|codeconnections):/.exec(connectionArn)?.[1];
    if (prefix) return [prefix];
  }
  if (referencedAddress(connectionArn)?.startsWith("aws_codeconnections_connection.")) return ["codeconnections"];
  // aws_codestarconnections_connection: connections created since July 2024 get codeconnections ARNs, older ones
  // codestar-connections ARNs; only the apply tells which, so the role needs both.
  return ["codestar-connections", "codeconnections"];
}

function coversConnection(statement: Statement, connectionArn: unknown): boolean {
  return statement.resources.some(
    (resource) =>
      resource === "*" ||
      resource === connectionArn ||
      (isLiteralString(connectionArn) && !isExpression(resource) && actionMatches(resource, connectionArn)),
  );
}

/** Allow statements of every policy of `role` in the stack; undefined when some policy cannot be read here. */
function roleStatements(role: ElementView, context: RuleContext): Statement[] | undefined {
  const ownedBy = (value: unknown) => referencedAddress(value) === role.address || (isLiteralString(value) && value === role.attributes.name);
  const documents: unknown[] = [
    ...blocks(role.attributes.inline_policy).map((inline) => inline.policy),
    ...context.elements.filter((e) => e.type === "aws_iam_role_policy" && ownedBy(e.attributes.role)).map((e) => e.attributes.policy),
  ];
  for (const attachment of context.elements.filter((e) => e.type === "aws_iam_role_policy_attachment" && ownedBy(e.attributes.role))) {
    const policy = context.lookup(attachment.attributes.policy_arn);
    // AWS-managed and other stacks' policies are not in this stack's JSON.
    if (policy?.type !== "aws_iam_policy") return undefined;
    documents.push(policy.attributes.policy);
  }
  const statements = documents.map((document) => policyStatements(document, context));
  if (statements.some((s) => s === undefined)) return undefined;
  return statements.flatMap((s) => s!).filter((s) => s.effect === "Allow");
}

export const sourceConnectionUsable = elementRule("VP-CP-2", ["aws_codepipeline"], (pipeline, context) => {
  const sources = blocks(pipeline.attributes.stage)
    .flatMap((stage) => blocks(stage.action))
    .filter((action) => action.provider === "CodeStarSourceConnection");
  if (sources.length === 0) return notApplicable;
  const problems: string[] = [];
  let checked = 0;
  for (const action of sources) {
    // An action-level role replaces the pipeline's for that action.
    const role = context.lookup(action.role_arn ?? pipeline.attributes.role_arn);
    if (role?.type !== "aws_iam_role") continue;
    const allows = roleStatements(role, context);
    if (!allows) continue;
    checked++;
    const connection = (action.configuration as Record<string, unknown> | undefined)?.ConnectionArn;
    const missing = connectionPrefixes(connection).filter(
      (prefix) =>
        !allows.some((s) => s.actions.some((pattern) => actionMatches(pattern, `${prefix}:UseConnection`)) && coversConnection(s, connection)),
    );
    if (missing.length > 0) {
      problems.push(
        `action ${String(action.name)}: role ${role.address} lacks ${missing.map((p) => `${p}:UseConnection`).join(" and ")} on ${String(connection)}, so the Source action fails with "insufficient permissions" on its first run`,
      );
    }
  }
  if (checked === 0) return notApplicable;
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});
