import { elementRule } from "../catalog";
import { blocks, isTrue } from "../helpers";
import { compliant, nonCompliant, notApplicable } from "../types";

/** Predefined policies that accept nothing older than TLS 1.2 (the TLS13-* family, TLS-1-2-*, FS-1-2-*). */
const MODERN_TLS_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/;

export const listenerTlsPolicy = elementRule("VP-ELB-1", ["aws_lb_listener", "aws_alb_listener"], ({ attributes }) => {
  const protocol = String(attributes.protocol ?? "");
  if (protocol !== "HTTPS" && protocol !== "TLS") return notApplicable;
  const policy = attributes.ssl_policy;
  if (typeof policy !== "string") return nonCompliant("ssl_policy is not set, so ELBSecurityPolicy-2016-08 (TLS 1.0) applies");
  return MODERN_TLS_POLICY.test(policy) ? compliant : nonCompliant(`ssl_policy ${policy} accepts TLS older than 1.2`);
});

export const httpRedirectsToHttps = elementRule("VP-ELB-2", ["aws_lb_listener", "aws_alb_listener"], ({ attributes }, context) => {
  if (!context.production || attributes.protocol !== "HTTP") return notApplicable;
  const actions = blocks(attributes.default_action);
  const redirects = actions.length > 0 && actions.every((a) => a.type === "redirect" && blocks(a.redirect).some((r) => r.protocol === "HTTPS"));
  return redirects ? compliant : nonCompliant("the HTTP listener serves traffic instead of redirecting to HTTPS");
});

export const loadBalancerDeletionProtection = elementRule("VP-ELB-3", ["aws_lb", "aws_alb"], ({ attributes }, context) => {
  if (!context.production) return notApplicable;
  return isTrue(attributes.enable_deletion_protection) ? compliant : nonCompliant("enable_deletion_protection is not true");
});

export const listenerPrefersTls13 = elementRule("VP-ELB-4", ["aws_lb_listener", "aws_alb_listener"], ({ attributes }) => {
  const protocol = String(attributes.protocol ?? "");
  if ((protocol !== "HTTPS" && protocol !== "TLS") || typeof attributes.ssl_policy !== "string") return notApplicable;
  return attributes.ssl_policy.includes("TLS13") ? compliant : nonCompliant(`ssl_policy ${attributes.ssl_policy} does not offer TLS 1.3`);
});
