// Every cross-field rule, in the order their problems are reported. Each section's rules live in
// rules/<section>.ts beside its schema in sections/<section>.ts; the rules read the composed config type from
// schema.ts, which imports only the section schemas, so no import runs in a circle.
import type { CrossFieldRule } from "../schema";
import { apiRules } from "./api";
import { backupRules } from "./backup";
import { cacheRules } from "./cache";
import { componentRules } from "./components";
import { ciRules } from "./ci";
import { databaseRules } from "./database";
import { dynamodbRules } from "./dynamodb";
import { ecsRules } from "./ecs";
import { edgeRules } from "./edge";
import { environmentRules } from "./environment";
import { frontendRules } from "./frontend";
import { functionsRules } from "./functions";
import { identityRules } from "./identity";
import { messagingRules } from "./messaging";
import { networkRules } from "./network";
import { observabilityRules } from "./observability";
import { parametersRules } from "./parameters";
import { pipelineRules } from "./pipeline";
import { servicesRules } from "./services";
import { storageRules } from "./storage";
import { workflowRules } from "./workflow";

export const crossFieldRules: readonly CrossFieldRule[] = [
  ...environmentRules,
  ...componentRules,
  ...networkRules,
  ...storageRules,
  ...databaseRules,
  ...cacheRules,
  ...backupRules,
  ...observabilityRules,
  ...servicesRules,
  ...ecsRules,
  ...edgeRules,
  ...messagingRules,
  ...dynamodbRules,
  ...functionsRules,
  ...identityRules,
  ...parametersRules,
  ...workflowRules,
  ...apiRules,
  ...frontendRules,
  ...ciRules,
  ...pipelineRules,
];
