import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { ApiConfig } from "../config/sections/api";
import { DnsValidatedCertificate } from "../constructs/dns-validated-certificate";
import { RestApi, type RestApiRoute } from "../constructs/rest-api";
import { WebApplicationFirewall } from "../constructs/web-application-firewall";
import type { DeployedZipFunction } from "./functions-stack";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";
import { firewallSettings } from "./waf-settings";

export interface ApiStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK of the stage's access and execution log groups and of the WAF log group (secrets-kms `logs` key). */
  readonly logsKeyArn: string;
  /** Cognito user pool whose tokens every non-public route requires (identity stack `userPoolArn`). */
  readonly userPoolArn: string;
  /** Zip functions by config name (functions stack `zipFunctions`); each route's `function` names one. */
  readonly functions: Readonly<Record<string, DeployedZipFunction>>;
}

/**
 * Seed 002's API Gateway: one regional REST API whose routes proxy to the zip functions' `live` aliases, the Cognito
 * authorizer on every route but the health check, stage throttling, a usage plan, the response cache in prod,
 * CMK-encrypted access and execution logs, a regional WAF web ACL on the stage where `api.waf` is set, and a custom
 * domain with a regional certificate where `api.domain` is set, and CORS for the site's origin where
 * `frontend.domain` is set. Only synthesized when `api` is configured.
 */
export class ApiStack extends PlatformStack {
  /** Name of the REST API, the `ApiName` dimension of its metrics. */
  readonly apiName: string;
  /** The stage, the `Stage` dimension of its metrics. */
  readonly stageName: string;
  /** Base URL clients call: the custom domain's, or the stage's `execute-api` URL. */
  readonly url: string;
  /** The stage's JSON access log group, for Logs Insights queries. */
  readonly accessLogGroupName: string;
  /** Name of the web ACL on the stage (the `WebACL` dimension of its metrics); undefined without `api.waf`. */
  readonly webAclName?: string;
  /** The WAF's `aws-waf-logs-*` log group; undefined without `api.waf`. */
  readonly wafLogGroupName?: string;

  constructor(scope: Construct, props: ApiStackProps) {
    super(scope, { ...props, component: "api" });
    const config = this.section("api");
    this.apiName = `${this.namePrefix}-api`;
    this.stageName = config.stageName;

    // Issued in the API's own region (the default provider): a regional endpoint cannot use another region's certificate.
    const domain = config.domain;
    const customDomain = domain && {
      domainName: domain.name,
      hostedZoneId: domain.hostedZoneId,
      certificateArn: new DnsValidatedCertificate(this, "certificate", { domainName: domain.name, hostedZoneId: domain.hostedZoneId }).certificateArn,
    };

    const frontendDomain = this.config.frontend?.domain;
    const api = new RestApi(this, "api", {
      name: this.apiName,
      description: `${this.namePrefix}: seed 002's routes to the functions' live aliases`,
      routes: this.routes(config, props.functions),
      userPoolArn: props.userPoolArn,
      stageName: config.stageName,
      logKmsKeyArn: props.logsKeyArn,
      logRetentionDays: config.logRetentionDays,
      throttle: config.throttle,
      executionLoggingLevel: config.executionLoggingLevel,
      cache: config.cache,
      usagePlan: config.quota && { quota: config.quota },
      customDomain,
      // The site is the API's only browser client: its origin may call the API (preflights, API Gateway's errors).
      // The functions add the same origin to their own responses.
      cors: frontendDomain ? { allowOrigins: [`https://${frontendDomain.name}`] } : undefined,
      accountLoggingRole: config.accountLoggingRole,
    });
    this.url = api.url;
    this.accessLogGroupName = api.stage.accessLogGroup.name;

    // The construct associates its ACL with the stage itself, so RestApi gets no `webAclArn`: a second association of
    // the same stage would fight this one (WAF keeps one web ACL per resource).
    if (config.waf) {
      const waf = new WebApplicationFirewall(this, "waf", {
        name: this.apiName,
        protectedResourceArn: api.stage.stage.arn,
        logKmsKeyArn: props.logsKeyArn,
        ...firewallSettings(config.waf),
      });
      this.webAclName = waf.name;
      this.wafLogGroupName = waf.logGroup.name;
    }

    new TerraformOutput(this, "api_url", { value: this.url, description: "Base URL of the REST API" });
  }

  /** The configured routes, each pointed at its function's alias; a function the functions stack lacks stops synth. */
  private routes(config: ApiConfig, functions: Readonly<Record<string, DeployedZipFunction>>): RestApiRoute[] {
    return config.routes.map((route, i) => {
      const fn = functions[route.function];
      if (!fn) {
        const known = Object.keys(functions).join(", ") || "none";
        throw new Error(
          `${this.node.id}: api.routes[${i}] (${route.methods.join(",")} ${route.path}) is served by function "${route.function}", which functions has no entry for (known: ${known})`,
        );
      }
      return {
        path: route.path,
        methods: route.methods,
        target: { functionName: fn.functionName, aliasName: fn.aliasName, invokeArn: fn.aliasInvokeArn },
        public: route.public,
        cached: route.cached,
        cacheKeyQueryStrings: route.cacheKeyQueryStrings,
      };
    });
  }
}
