/** The rule pack: every guardrail `evaluateStack` runs, in the catalog's order (guardrails/rule-catalog.json). */
import { CATALOG_IDS } from "./catalog";
import * as apiGateway from "./rules/api-gateway";
import * as backup from "./rules/backup";
import * as cloudfront from "./rules/cloudfront";
import * as codebuild from "./rules/codebuild";
import * as cost from "./rules/cost";
import * as ebs from "./rules/ebs";
import * as ecr from "./rules/ecr";
import * as ecs from "./rules/ecs";
import * as elasticache from "./rules/elasticache";
import * as elb from "./rules/elb";
import * as iam from "./rules/iam";
import * as kms from "./rules/kms";
import * as lambda from "./rules/lambda";
import * as logs from "./rules/logs";
import * as network from "./rules/network";
import * as rds from "./rules/rds";
import * as s3 from "./rules/s3";
import * as secrets from "./rules/secrets";
import * as snsSqs from "./rules/sns-sqs";
import * as waf from "./rules/waf";
import * as workflow from "./rules/workflow";
import type { Rule } from "./types";

const RULE_MODULES = [
  apiGateway,
  backup,
  cloudfront,
  codebuild,
  cost,
  ebs,
  ecr,
  ecs,
  elasticache,
  elb,
  iam,
  kms,
  lambda,
  logs,
  network,
  rds,
  s3,
  secrets,
  snsSqs,
  waf,
  workflow,
];

/**
 * The rules of `catalogIds` in that order, each taken from the module that exports it (modules also export constants,
 * which are not rules). A catalog entry without a check, or an id checked twice, fails here rather than going unseen.
 */
export function packRules(catalogIds: readonly string[], modules: readonly object[]): Rule[] {
  const implemented = new Map<string, Rule>();
  for (const exported of modules.flatMap((module) => Object.values(module) as unknown[])) {
    if (!isRule(exported)) continue;
    if (implemented.has(exported.id)) throw new Error(`guardrail rule ${exported.id} has two checks`);
    implemented.set(exported.id, exported);
  }
  const unchecked = catalogIds.filter((id) => !implemented.has(id));
  if (unchecked.length > 0) throw new Error(`guardrails/rule-catalog.json: ${unchecked.join(", ")} has no check in guardrails/rules/`);
  return catalogIds.map((id) => implemented.get(id)!);
}

function isRule(value: unknown): value is Rule {
  return typeof value === "object" && value !== null && "scope" in value && "check" in value && "id" in value;
}

export const RULES: readonly Rule[] = packRules(CATALOG_IDS, RULE_MODULES);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
