import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { describe, expect, it } from "vitest";
import { synthStagingWithCdn } from "../support/cloudfront-cases";
import { synthMessagingVariant } from "../support/messaging";
import { resourcesOf, synthBlueprintEnvironment, synthEnvironment } from "../support/synth";

/** `${data.terraform_remote_state.<producer>.outputs.…}`: a value read from another stack's state. */
function fromStack(env: string, component: string): RegExp {
  return new RegExp(
    `^\\$\\{data\\.terraform_remote_state\\.cross_stack_reference_input_${env}_${component.replace(/-/g, "_")}\\.outputs\\.[a-z0-9_]+\\}`,
  );
}

const MANAGED_GROUPS = {
  ipReputation: "AWSManagedRulesAmazonIpReputationList",
  anonymousIp: "AWSManagedRulesAnonymousIpList",
  commonRuleSet: "AWSManagedRulesCommonRuleSet",
  knownBadInputs: "AWSManagedRulesKnownBadInputsRuleSet",
  sqlInjection: "AWSManagedRulesSQLiRuleSet",
} as const;

describe.each(["dev", "staging", "prod"])("%s edge stack", (env) => {
  const synth = synthEnvironment(env);
  const edge = synth.stack("edge");
  const { config } = synth;
  const prefix = `${config.project}-${env}`;
  const listeners = Object.entries(resourcesOf(edge, "aws_lb_listener"));
  const appListener = config.edge!.https ? "https_listener" : "http_listener";

  it("puts an internet-facing ALB in the vpc stack's public subnets, dropping invalid headers", () => {
    const alb = resourcesOf(edge, "aws_lb").alb;
    expect(alb).toMatchObject({
      name: prefix,
      internal: false,
      load_balancer_type: "application",
      drop_invalid_header_fields: true,
      enable_deletion_protection: config.edge!.deletionProtection,
      idle_timeout: config.edge!.idleTimeoutSeconds,
    });
    expect(alb.subnets).toHaveLength(config.network!.availabilityZones.length);
    for (const subnet of alb.subnets) expect(subnet).toMatch(fromStack(env, "vpc"));
    expect(alb.security_groups).toEqual([expect.stringMatching(/alb_security_group_id\}$/)]);
  });

  it("writes access logs to the storage stack's logs bucket under the prefix its policy allows", () => {
    const alb = resourcesOf(edge, "aws_lb").alb;
    expect(alb.access_logs).toEqual({
      bucket: expect.stringMatching(fromStack(env, "storage")),
      prefix: synth.stacks.storage.albLogPrefix,
      enabled: true,
    });
  });

  if (config.edge!.https) {
    it("terminates TLS with a TLS 1.3 policy and a DNS-validated certificate", () => {
      const https = resourcesOf(edge, "aws_lb_listener").https_listener;
      expect(https).toMatchObject({ port: 443, protocol: "HTTPS", ssl_policy: config.edge!.tlsPolicy });
      expect(https.ssl_policy).toMatch(/^ELBSecurityPolicy-TLS13-/);
      // The ARN comes from the validation resource, so the listener waits for issuance.
      expect(https.certificate_arn).toBe("${aws_acm_certificate_validation.certificate_issued.certificate_arn}");
      expect(edge.text).toHaveResourceWithProperties(AcmCertificate, { domain_name: config.edge!.domain!.name, validation_method: "DNS" });
      const validation = resourcesOf(edge, "aws_route53_record").certificate_validation;
      expect(validation.zone_id).toBe(config.edge!.domain!.hostedZoneId);
      expect(validation.for_each).toContain("aws_acm_certificate.certificate.domain_validation_options");
    });

    it("only redirects on port 80", () => {
      const http = resourcesOf(edge, "aws_lb_listener").http_listener;
      expect(http.default_action).toEqual([
        expect.objectContaining({ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }),
      ]);
      const rulesOnHttp = Object.values(resourcesOf(edge, "aws_lb_listener_rule")).filter((r) => r.listener_arn.includes("http_listener"));
      expect(rulesOnHttp).toEqual([]);
    });

    it("points the domain at the ALB", () => {
      expect(resourcesOf(edge, "aws_route53_record").alb_alias).toMatchObject({
        zone_id: config.edge!.domain!.hostedZoneId,
        name: config.edge!.domain!.name,
        type: "A",
        alias: { name: "${aws_lb.alb.dns_name}", zone_id: "${aws_lb.alb.zone_id}", evaluate_target_health: true },
      });
    });
  } else {
    it("serves HTTP only, with no certificate, as config allows outside prod", () => {
      expect(listeners.map(([name, l]) => [name, l.protocol])).toEqual([["http_listener", "HTTP"]]);
      expect(resourcesOf(edge, "aws_acm_certificate")).toEqual({});
    });
  }

  it("answers unmatched paths with a 404 from the ALB itself", () => {
    const listener = resourcesOf(edge, "aws_lb_listener")[appListener];
    expect(listener.default_action).toEqual([
      expect.objectContaining({ type: "fixed-response", fixed_response: expect.objectContaining({ status_code: "404" }) }),
    ]);
  });

  it.each(config.services.map((s) => [s.name, s] as const))("routes %s to its own ip target group with its health check", (name, service) => {
    const id = name.replace(/-/g, "_");
    expect(resourcesOf(edge, "aws_lb_target_group")[id]).toMatchObject({
      name: `${prefix}-${name}`,
      target_type: "ip",
      protocol: "HTTP",
      port: service.containerPort,
      deregistration_delay: String(service.deregistrationDelaySeconds),
      vpc_id: expect.stringMatching(fromStack(env, "vpc")),
      health_check: expect.objectContaining({ path: service.healthCheckPath, matcher: "200" }),
    });
    expect(resourcesOf(edge, "aws_lb_listener_rule")[`${id}_rule`]).toMatchObject({
      listener_arn: `\${aws_lb_listener.${appListener}.arn}`,
      priority: service.priority,
      condition: [{ path_pattern: { values: service.pathPatterns } }],
      action: [{ type: "forward", target_group_arn: `\${aws_lb_target_group.${id}.arn}` }],
    });
  });

  it("makes only the WebSocket (sticky) target groups sticky, with an ALB cookie", () => {
    const groups = resourcesOf(edge, "aws_lb_target_group");
    const sticky = Object.values(groups)
      .filter((g) => g.stickiness.enabled)
      .map((g) => g.name);
    expect(sticky).toEqual(config.services.filter((s) => s.sticky).map((s) => `${prefix}-${s.name}`));
    expect(sticky.length).toBeGreaterThan(0);
    for (const group of Object.values(groups)) expect(group.stickiness.type).toBe("lb_cookie");
    expect(config.services.find((s) => s.sticky)!.pathPatterns).toContain("/ws/*");
  });

  it("associates a regional web ACL with the ALB", () => {
    expect(edge.text).toHaveResourceWithProperties(Wafv2WebAclAssociation, {
      resource_arn: "${aws_lb.alb.arn}",
      web_acl_arn: "${aws_wafv2_web_acl.waf.arn}",
    });
    expect(resourcesOf(edge, "aws_wafv2_web_acl").waf).toMatchObject({ scope: "REGIONAL", default_action: { allow: {} } });
  });

  it("blocks clients above the configured per-IP rate and applies the enabled managed rule groups", () => {
    const rules: any[] = resourcesOf(edge, "aws_wafv2_web_acl").waf.rule;
    const rate = rules.find((r) => r.statement.rate_based_statement);
    expect(rate.action).toEqual({ block: {} });
    expect(rate.statement.rate_based_statement).toMatchObject({ limit: config.edge!.waf.rateLimitPer5Min, aggregate_key_type: "IP" });
    const managed = rules.filter((r) => r.statement.managed_rule_group_statement).map((r) => r.statement.managed_rule_group_statement.name);
    const enabled = Object.entries(MANAGED_GROUPS).filter(([toggle]) => config.edge!.waf.managedRules[toggle as keyof typeof MANAGED_GROUPS]);
    expect(managed.filter((name) => name !== "AWSManagedRulesBotControlRuleSet").sort()).toEqual(enabled.map(([, group]) => group).sort());
    expect(managed.includes("AWSManagedRulesBotControlRuleSet")).toBe(config.edge!.waf.botControl !== "off");
    expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
  });

  it("logs WAF traffic to a KMS-encrypted aws-waf-logs- group with credentials, cookies and query strings redacted", () => {
    expect(resourcesOf(edge, "aws_cloudwatch_log_group").waf_logs).toMatchObject({
      name: `aws-waf-logs-${prefix}`,
      kms_key_id: expect.stringMatching(fromStack(env, "secrets-kms")),
      retention_in_days: config.edge!.waf.logRetentionDays,
    });
    expect(resourcesOf(edge, "aws_wafv2_web_acl_logging_configuration").waf_logging).toMatchObject({
      resource_arn: "${aws_wafv2_web_acl.waf.arn}",
      log_destination_configs: ["${aws_cloudwatch_log_group.waf_logs.arn}"],
      redacted_fields: [{ single_header: { name: "authorization" } }, { single_header: { name: "cookie" } }, { query_string: {} }],
    });
  });

  it("keeps the Core Rule Set's 8 KB body cap on every path, as no voice-ai route takes large bodies", () => {
    const rules: any[] = resourcesOf(edge, "aws_wafv2_web_acl").waf.rule;
    const crs = rules.find((r) => r.name === MANAGED_GROUPS.commonRuleSet);
    expect(config.edge!.waf.largeBodyPaths).toEqual([]);
    expect(crs?.statement.managed_rule_group_statement.rule_action_override).toBeUndefined();
  });

  it("exposes typed outputs per service", () => {
    const stack = synth.stacks.edge!;
    expect(Object.keys(stack.targetGroupArns)).toEqual(config.services.map((s) => s.name));
    expect(Object.keys(stack.targetGroupArnSuffixes)).toEqual(config.services.map((s) => s.name));
    expect(stack.httpsListenerArn === undefined).toBe(!config.edge!.https);
    expect(edge.json.output?.url).toBeDefined();
  });
});

describe("edge with CloudFront, geo blocking and Bot Control outside us-east-1", () => {
  const synth = synthStagingWithCdn();
  const edge = synth.stack("edge");
  const domain = synth.config.edge!.domain!;

  it("issues the CloudFront certificate in us-east-1 through the provider alias", () => {
    expect(edge.text).toHaveProviderWithProperties(AwsProvider, {
      alias: "us_east_1",
      region: "us-east-1",
      allowed_account_ids: [synth.config.accountId],
    });
    expect(resourcesOf(edge, "aws_acm_certificate").cdn_certificate).toMatchObject({ provider: "aws.us_east_1", domain_name: domain.name });
    expect(resourcesOf(edge, "aws_acm_certificate_validation").cdn_certificate_issued.provider).toBe("aws.us_east_1");
    // The ALB's own certificate stays in the stack's region.
    expect(resourcesOf(edge, "aws_acm_certificate").certificate.provider).toBeUndefined();
  });

  it("serves the domain from CloudFront, which reaches the ALB over HTTPS on its origin name", () => {
    expect(edge.text).toHaveResourceWithProperties(CloudfrontDistribution, {
      aliases: [domain.name],
      price_class: "PriceClass_200",
      viewer_certificate: expect.objectContaining({
        acm_certificate_arn: "${aws_acm_certificate_validation.cdn_certificate_issued.certificate_arn}",
        minimum_protocol_version: "TLSv1.2_2021",
      }),
    });
    const distribution = resourcesOf(edge, "aws_cloudfront_distribution").cdn;
    expect(distribution.origin[0]).toMatchObject({
      domain_name: `origin.${domain.name}`,
      custom_origin_config: expect.objectContaining({ origin_protocol_policy: "https-only" }),
    });
    expect(distribution.default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
    const records = resourcesOf(edge, "aws_route53_record");
    expect(records.alb_alias.name).toBe(`origin.${domain.name}`);
    expect(records.cdn_alias_a.alias.name).toBe("${aws_cloudfront_distribution.cdn.domain_name}");
    expect(resourcesOf(edge, "aws_acm_certificate").certificate.domain_name).toBe(`origin.${domain.name}`);
  });

  it("blocks the listed countries first and applies Bot Control's own actions", () => {
    const rules: any[] = resourcesOf(edge, "aws_wafv2_web_acl").waf.rule;
    const byPriority = [...rules].sort((a, b) => a.priority - b.priority);
    expect(byPriority[0]).toMatchObject({ action: { block: {} }, statement: { geo_match_statement: { country_codes: ["KP", "RU"] } } });
    const bot = rules.find((r) => r.statement.managed_rule_group_statement?.name === "AWSManagedRulesBotControlRuleSet");
    expect(bot.override_action).toEqual({ none: {} });
  });
});

describe("edge when the messaging stack's failover records own the domain", () => {
  const synth = synthMessagingVariant("prod with failover");

  it("leaves the domain's A record to the failover pair, which Route53 would not accept beside a simple record", () => {
    const domain = synth.config.edge!.domain!.name;
    expect(resourcesOf(synth.stack("edge"), "aws_route53_record").alb_alias).toBeUndefined();
    const owners = synth.stackIds.flatMap((id) =>
      Object.values(resourcesOf(synth.stack(id.slice("prod-".length)), "aws_route53_record")).filter((r) => r.name === domain && r.type === "A"),
    );
    expect(owners.map((r) => r.failover_routing_policy?.type).sort()).toEqual(["PRIMARY", "SECONDARY"]);
  });
});

describe("genai-services prod edge: large documents, code and chat histories pass the Core Rule Set (R-B1)", () => {
  const synth = synthBlueprintEnvironment("genai-services", "prod");
  const rules: any[] = resourcesOf(synth.stack("edge"), "aws_wafv2_web_acl").waf.rule;
  const crs = rules.find((r) => r.name === MANAGED_GROUPS.commonRuleSet);
  const allowedPrefixes = (name: string): string[] =>
    rules
      .find((r) => r.name === name)
      .statement.and_statement.statement.slice(1)
      .map((s: any) => s.not_statement.statement[0].byte_match_statement.search_string);

  it("counts SizeRestrictions_BODY and CrossSiteScripting_BODY instead of blocking them everywhere", () => {
    expect(crs.statement.managed_rule_group_statement.rule_action_override).toEqual([
      { name: "SizeRestrictions_BODY", action_to_use: { count: {} } },
      { name: "CrossSiteScripting_BODY", action_to_use: { count: {} } },
    ]);
  });

  it("still blocks bodies over 8 KB outside the document, conversion, chat and code routes", () => {
    const size = rules.find((r) => r.name === "SizeRestrictions_BODY-outside-allowed-paths");
    expect(size.priority).toBe(crs.priority + 1);
    expect(size.action).toEqual({ block: {} });
    expect(size.statement.and_statement.statement[0].label_match_statement.key).toBe("awswaf:managed:aws:core-rule-set:SizeRestrictions_Body");
    expect(allowedPrefixes("SizeRestrictions_BODY-outside-allowed-paths").sort()).toEqual([
      "/code/",
      "/conversational/",
      "/document-extraction/",
      "/format-conversion/",
    ]);
    // Every allowed prefix is a route of the ALB.
    const patterns = synth.config.services.flatMap((s) => s.pathPatterns);
    for (const prefix of allowedPrefixes("SizeRestrictions_BODY-outside-allowed-paths")) expect(patterns).toContain(`${prefix}*`);
  });

  it("lets script-like bodies through on /code/ only", () => {
    expect(allowedPrefixes("CrossSiteScripting_BODY-outside-allowed-paths")).toEqual(["/code/"]);
  });
});
