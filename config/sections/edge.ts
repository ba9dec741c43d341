import { z } from "zod";
import { hostedZoneId, logRetentionDays } from "./common";

/** ALB security policies with TLS 1.3 and nothing weaker than TLS 1.2 with forward secrecy. */
export const TLS13_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
] as const;

/** ISO 3166-1 alpha-2 codes (as in tzdata's iso3166.tab), the codes WAF geo match statements take. */
export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(
  [
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS",
    "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE",
    "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM",
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC",
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA",
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW",
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO",
    "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW",
  ]
    .join(" ")
    .split(" "),
);

/** A WebSocket behind an ALB idles between frames; below this the ALB cuts quiet calls. */
export const MIN_WEBSOCKET_IDLE_TIMEOUT_SECONDS = 300;

const domainName = z
  .string()
  .regex(
    /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lower-case fully qualified domain name such as api.example.com",
  );

/** A URI path prefix WAF compares with STARTS_WITH (at most 200 bytes, no wildcards). */
const wafPathPrefix = z
  .string()
  .max(200, "must be at most 200 characters (WAF search string limit)")
  .regex(/^\/[^*?\s]*$/, "must be a URI path prefix such as /uploads/: starting with /, without * ? or spaces");

/** A regional WAFv2 web ACL: the ALB's (edge.waf) and the REST API's (api.waf). */
export const wafSchema = z.strictObject({
  /** Requests per client IP per 5 minutes before WAF blocks it; seed 000's 100 req/s is 30000. */
  rateLimitPer5Min: z
    .number()
    .int()
    .min(10, "must be at least 10 requests per 5 minutes (WAF minimum)")
    .max(2_000_000_000, "must be at most 2,000,000,000 (WAF maximum)"),
  /** AWS managed rule groups. */
  managedRules: z.strictObject({
    /** AWSManagedRulesCommonRuleSet (OWASP top 10 style protections). */
    commonRuleSet: z.boolean(),
    /** AWSManagedRulesKnownBadInputsRuleSet (Log4Shell and other exploit payloads). */
    knownBadInputs: z.boolean(),
    /** AWSManagedRulesSQLiRuleSet. */
    sqlInjection: z.boolean(),
    /** AWSManagedRulesAmazonIpReputationList. */
    ipReputation: z.boolean(),
    /** AWSManagedRulesAnonymousIpList (VPNs, Tor, hosting providers). */
    anonymousIp: z.boolean().default(false),
  }),
  /**
   * AWSManagedRulesBotControlRuleSet (extra cost per request): `count` only labels bots, `block` applies the
   * group's actions, which also block HTTP libraries such as webhook callers unless they are verified bots.
   */
  botControl: z.enum(["off", "count", "block"]).default("off"),
  /** Countries whose requests are blocked, as ISO 3166-1 alpha-2 codes. */
  geoBlockCountries: z
    .array(z.string().refine((code) => ISO_COUNTRY_CODES.has(code), "must be an ISO 3166-1 alpha-2 country code such as RU"))
    .max(50, "must list at most 50 countries")
    .default([]),
  /**
   * URI path prefixes (`/document-extraction/`) whose requests may carry bodies over 8 KB (uploads, documents, long
   * prompts). The Core Rule Set's SizeRestrictions_BODY then only counts, and a rule of ours right after it blocks
   * what it labels on every other path. Empty keeps the 8 KB cap on every path.
   */
  largeBodyPaths: z.array(wafPathPrefix).max(10, "must list at most 10 prefixes (each costs web ACL capacity)").default([]),
  /**
   * URI path prefixes whose request bodies legitimately hold source code or markup, where the Core Rule Set's
   * CrossSiteScripting_BODY only counts (blocked on every other path as above). Empty keeps it blocking everywhere.
   */
  scriptBodyPaths: z.array(wafPathPrefix).max(10, "must list at most 10 prefixes (each costs web ACL capacity)").default([]),
  /** Retention of the `aws-waf-logs-*` log group. */
  logRetentionDays,
});

export type WafConfig = z.infer<typeof wafSchema>;

export const edgeSchema = z.strictObject({
  /** Public name of the API and the Route53 public hosted zone that holds it; none means the ALB's own DNS name. */
  domain: z
    .strictObject({
      /** Fully qualified name clients use (`api.voice-ai.example.com`). */
      name: domainName,
      /** The public hosted zone that holds `name` (certificate validation and alias records go there). */
      hostedZoneId: hostedZoneId,
    })
    .optional(),
  /** HTTPS listener with an ACM certificate (HTTP then only redirects); requires a domain. */
  https: z.boolean(),
  /** ALB TLS negotiation policy; TLS 1.3 policies only. */
  tlsPolicy: z
    .enum(TLS13_POLICIES, { error: `must be a TLS 1.3 security policy: ${TLS13_POLICIES.join(", ")}` })
    .default("ELBSecurityPolicy-TLS13-1-2-2021-06"),
  /** Seconds a connection may stay silent before the ALB closes it (1-4000); WebSocket calls need minutes. */
  idleTimeoutSeconds: z.number().int().min(1, "must be 1-4000 seconds").max(4000, "must be 1-4000 seconds"),
  /** ALB deletion protection. */
  /** ALB deletion protection (the guardrails require it in prod). */
  deletionProtection: z.boolean(),
  /** The regional WAFv2 web ACL on the ALB. */
  waf: wafSchema,
  /** CloudFront in front of the ALB (seed 000: optional CDN); its certificate lives in us-east-1. */
  cloudfront: z
    .strictObject({
      /** Build the distribution; off in every shipped environment. */
      enabled: z.boolean(),
      /** Edge locations served (`PriceClass_100`: North America and Europe, the cheapest). */
      priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]).default("PriceClass_100"),
    })
    .default({ enabled: false, priceClass: "PriceClass_100" }),
});

export type EdgeConfig = z.infer<typeof edgeSchema>;
