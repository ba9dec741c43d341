/** The rule pack: every guardrail `evaluateStack` runs, in report order. */
import {
  deploymentReplacedBeforeDestroy,
  loggingNeedsAccountRole,
  methodCacheEncrypted,
  methodsRequireAuthorization,
  stageLogsAndTraces,
} from "./rules/api-gateway";
import { planSelectsByArn, vaultEncryptedWithCmk } from "./rules/backup";
import {
  certificateFromUsEast1,
  cloudfrontLogDeliveryInUsEast1,
  customCertificateModernTls,
  oacBucketHasOnePolicyGrantingRead,
  s3OriginsUseOac,
  s3SiteSendsSecurityHeaders,
  viewerProtocolHttpsOnly,
} from "./rules/cloudfront";
import {
  artifactStoreEncryptedWithCmk,
  buildLogsEncryptedWithCmk,
  buildOutputEncryptedWithCmk,
  noPlaintextBuildSecrets,
  privilegedOnlyForContainerBuilds,
  sourceConnectionUsable,
} from "./rules/codebuild";
import {
  anomalyMonitorNotDimensional,
  anomalySubscriptionFrequencyFitsSubscribers,
  budgetNotificationSubscriberLimits,
  costAlertsCanPublish,
  costAlertsCanUseTopicKey,
} from "./rules/cost";
import { volumeEncryptedWithCmk } from "./rules/ebs";
import { repositoryEncryptedWithCmk } from "./rules/ecr";
import {
  containersRunLockedDown,
  execWorksOnReadOnlyRoot,
  noPublicIpOnTasks,
  noSecretsInContainerEnvironment,
  serviceSecretsCheckedForValues,
  servicesNotDatabaseMaster,
} from "./rules/ecs";
import { cacheEncryptedAtRest, cacheEncryptedInTransit } from "./rules/elasticache";
import { httpRedirectsToHttps, listenerPrefersTls13, listenerTlsPolicy, loadBalancerDeletionProtection } from "./rules/elb";
import { noPublicPrincipals, noWildcardActions, noWildcardResourcesOnData } from "./rules/iam";
import { encryptionContextGrantsReachable, kmsKeyRotation } from "./rules/kms";
import {
  asyncFunctionsKeepFailedEvents,
  codeDeployAliasesIgnoreVersion,
  environmentEncryptedWithCmk,
  functionsTraceActively,
  provisionedBelowReserved,
} from "./rules/lambda";
import {
  flowLogRoleHasMinimumPermissions,
  logGroupEncryptedWithCmk,
  logGroupRetention,
  serviceLogGroupsHaveRetention,
  trailEncryptedWithCmk,
} from "./rules/logs";
import { noInternetIngress, noPublicIpAddresses, noUnrestrictedEgress } from "./rules/network";
import {
  databaseDeletionProtection,
  databaseEncryptedWithCmk,
  databaseForcesTls,
  databaseNotPublic,
  replicaSourceNotManagedPassword,
} from "./rules/rds";
import { bucketEncryptedWithCmk, bucketPublicAccessBlock, bucketRequiresTls } from "./rules/s3";
import { noPlaintextSecrets, secretEncryptedWithCmk, secretNameNotArnSuffixed, secretOutputsAreSensitive } from "./rules/secrets";
import { queueEncryptedWithCmk, topicEncryptedWithCmk } from "./rules/sns-sqs";
import { bodyCapSparesUploadRoutes, countedBodyRulesAreReblocked, wafLogsRedactCredentials } from "./rules/waf";
import {
  eventQueuesAcceptEventBridge,
  eventTargetHasDeadLetterQueue,
  eventTargetHasRetryPolicy,
  lambdaTargetsHavePermission,
  stateMachineEncryptedWithCmk,
  stateMachineLogDestinationFormat,
  stateMachineLogsToCmkGroup,
  stateMachineRoleCanDeliverLogs,
  stateMachineTraced,
} from "./rules/workflow";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  bucketPublicAccessBlock,
  bucketEncryptedWithCmk,
  bucketRequiresTls,
  kmsKeyRotation,
  encryptionContextGrantsReachable,
  databaseEncryptedWithCmk,
  databaseNotPublic,
  databaseForcesTls,
  databaseDeletionProtection,
  replicaSourceNotManagedPassword,
  cacheEncryptedAtRest,
  cacheEncryptedInTransit,
  noInternetIngress,
  noPublicIpAddresses,
  noUnrestrictedEgress,
  noWildcardActions,
  noWildcardResourcesOnData,
  noPublicPrincipals,
  logGroupRetention,
  logGroupEncryptedWithCmk,
  serviceLogGroupsHaveRetention,
  trailEncryptedWithCmk,
  flowLogRoleHasMinimumPermissions,
  secretEncryptedWithCmk,
  noPlaintextSecrets,
  secretOutputsAreSensitive,
  secretNameNotArnSuffixed,
  noPublicIpOnTasks,
  noSecretsInContainerEnvironment,
  containersRunLockedDown,
  execWorksOnReadOnlyRoot,
  servicesNotDatabaseMaster,
  serviceSecretsCheckedForValues,
  repositoryEncryptedWithCmk,
  volumeEncryptedWithCmk,
  listenerTlsPolicy,
  httpRedirectsToHttps,
  loadBalancerDeletionProtection,
  listenerPrefersTls13,
  topicEncryptedWithCmk,
  queueEncryptedWithCmk,
  vaultEncryptedWithCmk,
  planSelectsByArn,
  bodyCapSparesUploadRoutes,
  countedBodyRulesAreReblocked,
  wafLogsRedactCredentials,
  functionsTraceActively,
  asyncFunctionsKeepFailedEvents,
  environmentEncryptedWithCmk,
  provisionedBelowReserved,
  codeDeployAliasesIgnoreVersion,
  stageLogsAndTraces,
  methodCacheEncrypted,
  methodsRequireAuthorization,
  loggingNeedsAccountRole,
  deploymentReplacedBeforeDestroy,
  buildOutputEncryptedWithCmk,
  buildLogsEncryptedWithCmk,
  privilegedOnlyForContainerBuilds,
  noPlaintextBuildSecrets,
  artifactStoreEncryptedWithCmk,
  sourceConnectionUsable,
  viewerProtocolHttpsOnly,
  customCertificateModernTls,
  s3OriginsUseOac,
  s3SiteSendsSecurityHeaders,
  certificateFromUsEast1,
  cloudfrontLogDeliveryInUsEast1,
  oacBucketHasOnePolicyGrantingRead,
  stateMachineLogsToCmkGroup,
  stateMachineTraced,
  stateMachineEncryptedWithCmk,
  stateMachineLogDestinationFormat,
  stateMachineRoleCanDeliverLogs,
  eventTargetHasDeadLetterQueue,
  eventTargetHasRetryPolicy,
  eventQueuesAcceptEventBridge,
  lambdaTargetsHavePermission,
  anomalyMonitorNotDimensional,
  anomalySubscriptionFrequencyFitsSubscribers,
  costAlertsCanPublish,
  costAlertsCanUseTopicKey,
  budgetNotificationSubscriberLimits,
];

const ids = RULES.map((rule) => rule.id);
const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
if (duplicate) throw new Error(`guardrail rule id ${duplicate} is registered twice`);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
