import type { EnvironmentConfig } from "../config";
import { isImageFunction, isZipFunction } from "../config/sections/functions";
import { secretNameFor } from "../config/sections/security";
import { bucketNameFor } from "../config/sections/storage";

/** What the deploy commands need of a stack in deploy order. */
export interface DeployedStack {
  readonly id: string;
  readonly component: string;
  /** The bootstrap stack keeps local state until it is migrated into S3. */
  readonly localBackend: boolean;
}

/**
 * The commands that deploy one environment, in deploy order, with the manual steps a stack needs before the next
 * one: filling in the third-party secrets after secrets-kms, pushing the images after registry and uploading the
 * function packages after storage (the ecs and functions plans stop on a missing one), waiting for SES to verify the
 * mail domain (the identity plan stops until it has), creating the database's app user after ecs, uploading the site
 * after frontend and approving the pipeline's GitHub connection (docs/first-deploy.md).
 */
export function deployCommands(order: readonly DeployedStack[], config: EnvironmentConfig): string[] {
  return order.flatMap((stack) => [
    `npx cdktf deploy ${stack.id}${stack.localBackend ? "   # local state: migrate it into S3 next (docs/bootstrap-state.md)" : ""}`,
    ...(stack.component === "secrets-kms" ? secretValueSteps(config) : []),
    ...(stack.component === "registry" ? imagePushSteps(stack.id, config) : []),
    ...(stack.component === "storage" ? artifactUploadSteps(config) : []),
    ...(stack.component === "mail" ? mailVerificationSteps(config) : []),
    ...(stack.component === "frontend" ? siteUploadSteps(stack.id) : []),
    ...(stack.component === "pipeline" ? connectionSteps(stack.id) : []),
    ...(stack.component === "ecs" ? appUserSteps(stack.id, config) : []),
  ]);
}

function secretValueSteps(config: EnvironmentConfig): string[] {
  if (config.secrets.externalApiKeys.length === 0) return [];
  return [
    "# before ecs: give each third-party secret its value; the ecs plan stops on one without (docs/first-deploy.md)",
    ...config.secrets.externalApiKeys.map(
      (name) => `aws secretsmanager put-secret-value --secret-id ${secretNameFor(config, name)} --secret-string '<value>'`,
    ),
  ];
}

function imagePushSteps(registryStackId: string, config: EnvironmentConfig): string[] {
  const images = [...config.services, ...(config.functions ?? []).filter(isImageFunction)].map(({ name, imageTag }) => `${name}:${imageTag}`);
  return [
    `# before ecs and functions: push ${images.join(", ")} to the repositories in \`terraform -chdir=cdktf.out/stacks/${registryStackId} output -json repository_urls\` (docs/operations.md#rolling-out-an-image)`,
  ];
}

function artifactUploadSteps(config: EnvironmentConfig): string[] {
  const packages = (config.functions ?? []).filter(isZipFunction);
  if (packages.length === 0) return [];
  const bucket = bucketNameFor(config, "artifacts");
  return [
    "# before functions: upload each function's package; the functions plan stops on one that is missing (the pipeline's build stage does this later)",
    ...packages.map((fn) => `aws s3 cp build/${fn.name}.zip s3://${bucket}/${fn.code.artifactKey}`),
  ];
}

function mailVerificationSteps(config: EnvironmentConfig): string[] {
  const domain = config.identity?.email?.domain.name;
  if (!domain) return [];
  return [
    `# before identity: wait until SES has verified ${domain} (its DKIM records resolve within minutes, at most 72 hours); the identity plan stops until then (a missing identity: did the mail stack apply?): aws sesv2 get-email-identity --email-identity ${domain} --query VerifiedForSendingStatus`,
    `# once per account, before identity: SES production access (a sandboxed account only mails verified addresses, so sign-up codes would not arrive); check: aws sesv2 get-account --query ProductionAccessEnabled; request: aws sesv2 put-account-details --production-access-enabled --mail-type TRANSACTIONAL --website-url https://${domain} --use-case-description '<who receives what>'`,
  ];
}

function siteUploadSteps(frontendStackId: string): string[] {
  return [
    `# then: upload the built site and invalidate the cache: aws s3 sync build/site s3://$(terraform -chdir=cdktf.out/stacks/${frontendStackId} output -raw site_bucket) --delete && aws cloudfront create-invalidation --distribution-id $(terraform -chdir=cdktf.out/stacks/${frontendStackId} output -raw distribution_id) --paths '/*'`,
  ];
}

function connectionSteps(pipelineStackId: string): string[] {
  return [
    `# then: create each target account's deploy role (pipeline.deployTargets[].roleArn), trusting its runner role: terraform -chdir=cdktf.out/stacks/${pipelineStackId} output -json deploy_runner_role_arns`,
    `# then: approve the pending GitHub connection in the console (Developer Tools > Settings > Connections): terraform -chdir=cdktf.out/stacks/${pipelineStackId} output -raw connection_arn`,
  ];
}

function appUserSteps(ecsStackId: string, config: EnvironmentConfig): string[] {
  if (!config.database) return [];
  return config.database.migration
    ? [
        `# right away: run the migrations, which create the app user "${config.database.appUser}": eval "$(terraform -chdir=cdktf.out/stacks/${ecsStackId} output -raw db_migrate_command)"`,
      ]
    : [`# right away: create the app user "${config.database.appUser}" as the master user (docs/first-deploy.md#the-app-user)`];
}
