import { describe, expect, it } from "vitest";
import { loadEnvironments, parseEnvironmentConfig } from "../../config";
import { FARGATE_CPU_MEMORY } from "../../config/sections/services";
import { problemsOf, withEdit } from "../support/config";

/** A second, valid service to add in edits. */
function extraService(raw: any, overrides: Record<string, unknown> = {}): any {
  return { ...structuredClone(raw.services[0]), name: "voice-admin", pathPatterns: ["/admin/*"], priority: 50, ...overrides };
}

describe("shipped services, ecs and edge config", () => {
  it("prod models seed 000's API plus a sticky /ws/* service, with HTTPS on a domain", () => {
    const [prod] = loadEnvironments("prod");
    const api = prod.services.find((s) => s.name === "voice-api")!;
    expect(api).toMatchObject({
      cpu: 1024,
      memory: 2048,
      containerPort: 8000,
      healthCheckPath: "/health",
      desiredCount: 2,
      minCount: 2,
      maxCount: 10,
      sticky: false,
      autoscaling: expect.objectContaining({ cpuPercent: 70 }),
    });
    const ws = prod.services.find((s) => s.pathPatterns.includes("/ws/*"))!;
    expect(ws.sticky).toBe(true);
    expect(ws.priority).toBeLessThan(api.priority);
    expect(prod.edge).toMatchObject({ https: true, deletionProtection: true, domain: { name: "api.voice-ai.example.com" } });
    expect(prod.edge!.domain!.hostedZoneId).toMatch(/^Z[A-Z0-9]+$/);
  });

  it("dev is smaller than prod and may run HTTP only without a domain", () => {
    const [dev, prod] = loadEnvironments("dev,prod");
    expect(dev.edge!.https).toBe(false);
    expect(dev.edge!.domain).toBeUndefined();
    for (const service of dev.services) {
      const inProd = prod.services.find((s) => s.name === service.name)!;
      expect(service.cpu).toBeLessThan(inProd.cpu);
      expect(service.maxCount).toBeLessThan(inProd.maxCount);
    }
  });

  it("every shipped task size is a Fargate CPU/memory pair", () => {
    for (const config of loadEnvironments()) {
      for (const s of config.services) expect(FARGATE_CPU_MEMORY[s.cpu]).toContain(s.memory);
    }
  });
});

describe("bad services, ecs and edge input is rejected with the field path", () => {
  const cases: [string, string, (raw: any) => void, RegExp][] = [
    [
      "CPU/memory pair Fargate lacks",
      "prod",
      (r) => (r.services[0].memory = 1024),
      /services\.0\.memory: 1024 MiB does not pair with 1024 CPU on Fargate/,
    ],
    ["CPU size Fargate lacks", "prod", (r) => (r.services[0].cpu = 768), /services\.0\.cpu: must be a Fargate CPU size/],
    [
      "duplicate service name",
      "prod",
      (r) => r.services.push(extraService(r, { name: r.services[0].name })),
      /services\.2\.name: duplicates service name "voice-api"/,
    ],
    [
      "duplicate path pattern",
      "prod",
      (r) => r.services.push(extraService(r, { pathPatterns: ["/ws/*"] })),
      /services\.2\.pathPatterns\.0: routes "\/ws\/\*" a second time/,
    ],
    [
      "duplicate listener priority",
      "prod",
      (r) => r.services.push(extraService(r, { priority: 10 })),
      /services\.2\.priority: duplicates listener rule priority 10/,
    ],
    [
      "rule shadowed by a catch-all",
      "prod",
      (r) => r.services.push(extraService(r, { priority: 200 })),
      /services\.2\.priority: must be lower than 100, the priority of "voice-api"'s catch-all rule/,
    ],
    ["priority out of range", "prod", (r) => (r.services[1].priority = 50001), /services\.1\.priority: must be 1-50000/],
    [
      "privileged container port",
      "prod",
      (r) => (r.services[0].containerPort = 80),
      /services\.0\.containerPort: must be 1024-65535: a non-root container cannot bind a privileged port/,
    ],
    ["container port above 65535", "prod", (r) => (r.services[0].containerPort = 70000), /services\.0\.containerPort: must be 1024-65535/],
    [
      "minCount above maxCount",
      "dev",
      (r) => Object.assign(r.services[0], { minCount: 3, desiredCount: 3, maxCount: 2 }),
      /services\.0\.minCount: must not exceed maxCount \(2\)/,
    ],
    [
      "desiredCount outside min..max",
      "prod",
      (r) => (r.services[0].desiredCount = 11),
      /services\.0\.desiredCount: must be between minCount \(2\) and maxCount \(10\)/,
    ],
    [
      "single task in prod",
      "prod",
      (r) => Object.assign(r.services[1], { minCount: 1, desiredCount: 1 }),
      /services\.1\.minCount: must be at least 2 in prod/,
    ],
    [
      "health path without leading slash",
      "prod",
      (r) => (r.services[0].healthCheckPath = "health"),
      /services\.0\.healthCheckPath: must start with '\/'/,
    ],
    [
      "health path with shell metacharacters",
      "prod",
      (r) => (r.services[0].healthCheckPath = "/health;reboot"),
      /services\.0\.healthCheckPath: must start with '\/' and use only/,
    ],
    [
      "more than 5 path patterns",
      "prod",
      (r) => (r.services[0].pathPatterns = ["/a", "/b", "/c", "/d", "/e", "/f"]),
      /services\.0\.pathPatterns: must list at most 5 path patterns/,
    ],
    ["no services but ecs", "dev", (r) => (r.services = []), /ecs: is configured, but there is no service and no container-image function/],
    ["services without edge", "dev", (r) => delete r.edge, /services: requires edge: services run in the VPC on ECS behind the ALB/],
    ["services without network", "dev", (r) => delete r.network, /services: requires network/],
    [
      "a database without network",
      "dev",
      (r) => {
        delete r.network;
        r.services = [];
        delete r.ecs;
        delete r.edge;
      },
      /database: requires network: the instance lives in the VPC's database subnets/,
    ],
    ["mutable 'latest' tag", "prod", (r) => (r.services[0].imageTag = "latest"), /services\.0\.imageTag: must not be 'latest'/],
    ["root user", "prod", (r) => (r.services[0].user = "0"), /services\.0\.user: must be a numeric non-root uid/],
    [
      "autoscaling without a target",
      "prod",
      (r) => (r.services[0].autoscaling = {}),
      /services\.0\.autoscaling: must set at least one of cpuPercent, memoryPercent, requestsPerTarget/,
    ],
    [
      "scaling on a metric in an AWS namespace",
      "prod",
      (r) => (r.services[0].autoscaling.customMetric = { namespace: "AWS/ECS", metricName: "Connections", targetValue: 100 }),
      /services\.0\.autoscaling\.customMetric\.namespace: must not start with 'AWS\/'/,
    ],
    [
      "scaling on a custom metric with a target of 0",
      "prod",
      (r) => (r.services[0].autoscaling.customMetric = { namespace: "Voice", metricName: "Calls", targetValue: 0 }),
      /services\.0\.autoscaling\.customMetric\.targetValue: must be above 0/,
    ],
    [
      "target group name over 32 characters",
      "staging",
      (r) => r.services.push(extraService(r, { name: "voice-administration" })),
      /services\.2\.name: makes the target group name "voice-ai-staging-voice-administration" longer than 32/,
    ],
    [
      "credential as a plaintext variable",
      "prod",
      (r) => (r.services[0].environment.STRIPE_API_KEY = "x"),
      /services\.0\.environment\.STRIPE_API_KEY: names a credential; reference it under secrets/,
    ],
    [
      "credential-shaped value",
      "prod",
      (r) => (r.services[0].environment.UPSTREAM = "https://app:hunter2hunter2@example.com"),
      /services\.0\.environment\.UPSTREAM: looks like a credential/,
    ],
    [
      "overriding a platform variable",
      "prod",
      (r) => (r.services[0].environment.DATABASE_HOST = "db.internal"),
      /services\.0\.environment\.DATABASE_HOST: is set by the ecs stack/,
    ],
    [
      "unknown secret",
      "prod",
      (r) => (r.services[0].secrets.STRIPE_KEY = { secret: "stripe-key" }),
      /services\.0\.secrets\.STRIPE_KEY\.secret: names no known secret "stripe-key"/,
    ],
    [
      "a service reading the RDS master secret",
      "prod",
      (r) => (r.services[0].secrets.DATABASE_PASSWORD = { secret: "rds-master-user", jsonKey: "password" }),
      /services\.0\.secrets\.DATABASE_PASSWORD\.secret: must not be rds-master-user: the master user is for migrations only/,
    ],
    [
      "an app user that is the master user",
      "prod",
      (r) => (r.database.appUser = r.database.masterUsername),
      /database\.appUser: must differ from masterUsername/,
    ],
    [
      "JSON key on a plain-string secret",
      "prod",
      (r) => (r.services[0].secrets.REDIS_URL.jsonKey = "url"),
      /services\.0\.secrets\.REDIS_URL\.jsonKey: must be absent: redis-url holds a plain string/,
    ],
    ["HTTP only in prod", "prod", (r) => (r.edge.https = false), /edge\.https: must be true in prod/],
    ["HTTPS without a domain", "dev", (r) => (r.edge.https = true), /edge\.https: requires edge\.domain/],
    [
      "malformed hosted zone id",
      "prod",
      (r) => (r.edge.domain.hostedZoneId = "z123"),
      /edge\.domain\.hostedZoneId: must be a Route53 hosted zone id/,
    ],
    ["malformed domain", "prod", (r) => (r.edge.domain.name = "API.Example"), /edge\.domain\.name: must be a lower-case fully qualified domain name/],
    [
      "TLS policy without TLS 1.3",
      "prod",
      (r) => (r.edge.tlsPolicy = "ELBSecurityPolicy-2016-08"),
      /edge\.tlsPolicy: must be a TLS 1\.3 security policy/,
    ],
    [
      "WAF rate limit below 10",
      "prod",
      (r) => (r.edge.waf.rateLimitPer5Min = 5),
      /edge\.waf\.rateLimitPer5Min: must be at least 10 requests per 5 minutes/,
    ],
    [
      "WAF rate limit above 2e9",
      "prod",
      (r) => (r.edge.waf.rateLimitPer5Min = 3_000_000_000),
      /edge\.waf\.rateLimitPer5Min: must be at most 2,000,000,000/,
    ],
    [
      "unknown country code",
      "prod",
      (r) => (r.edge.waf.geoBlockCountries = ["RU", "XX"]),
      /edge\.waf\.geoBlockCountries\.1: must be an ISO 3166-1 alpha-2 country code/,
    ],
    ["country listed twice", "prod", (r) => (r.edge.waf.geoBlockCountries = ["KP", "KP"]), /edge\.waf\.geoBlockCountries\.1: lists KP twice/],
    [
      "short idle timeout with a WebSocket service",
      "dev",
      (r) => (r.edge.idleTimeoutSeconds = 60),
      /edge\.idleTimeoutSeconds: must be at least 300 seconds while a sticky \(WebSocket\) service exists/,
    ],
    ["ALB deletion protection off in prod", "prod", (r) => (r.edge.deletionProtection = false), /edge\.deletionProtection: must be true in prod/],
    [
      "managed rules off in prod",
      "prod",
      (r) => (r.edge.waf.managedRules.sqlInjection = false),
      /edge\.waf\.managedRules\.sqlInjection: must be true in prod/,
    ],
    ["CloudFront without HTTPS", "dev", (r) => (r.edge.cloudfront = { enabled: true }), /edge\.cloudfront\.enabled: requires edge\.https/],
    [
      "WAF log retention CloudWatch rejects",
      "prod",
      (r) => (r.edge.waf.logRetentionDays = 42),
      /edge\.waf\.logRetentionDays: must be one of the CloudWatch Logs retention values/,
    ],
    ["Container Insights off in prod", "prod", (r) => (r.ecs.containerInsights = "disabled"), /ecs\.containerInsights: must not be disabled in prod/],
    ["ECR keeping no tagged images", "prod", (r) => (r.ecs.ecr.keepTaggedImages = 0), /ecs\.ecr\.keepTaggedImages: must be at least 1/],
  ];

  it.each(cases)("%s (%s)", (_name, env, edit, expected) => {
    expect(problemsOf(withEdit(env, edit))).toMatch(expected);
  });

  it("accepts a second service added by config alone", () => {
    const config = parseEnvironmentConfig(
      withEdit("prod", (r) => r.services.push(extraService(r))),
      "test",
    );
    expect(config.services.map((s) => s.name)).toEqual(["voice-api", "voice-ws", "voice-admin"]);
  });
});
