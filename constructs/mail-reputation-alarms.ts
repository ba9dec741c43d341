import type { AlarmDefinition } from "./metric-alarm";

/**
 * SES puts an account under review at a 5 % bounce rate or a 0.1 % complaint rate, and may pause its sending above
 * 10 % and 0.5 %: every e-mail of the account stops then, sign-up codes included. These page at four fifths of the
 * review levels, while there is time to find the cause (bots signing up with made-up addresses, a bad list).
 */
const BOUNCE_RATE_PAGE = 0.04;
const COMPLAINT_RATE_PAGE = 0.0008;

/**
 * The account's SES reputation (bounce and complaint rates over its recent sending, which SES publishes without
 * dimensions): for environments that send mail through SES (the user pool's sender, messaging's confirmations).
 * See `AlarmDefinition` for why a helper.
 */
export function mailReputationAlarms(): AlarmDefinition[] {
  const reputation = {
    namespace: "AWS/SES",
    dimensions: {},
    statistic: "Maximum",
    comparison: "GreaterThanThreshold",
    periodSeconds: 3600,
    // SES publishes the rates only while the account sends; no mail is no bounce.
    treatMissingData: "notBreaching",
    widget: "SES reputation",
  } as const;
  return [
    {
      id: "ses_bounce_rate",
      spec: {
        ...reputation,
        name: "ses-bounce-rate",
        description: `SES: bounce rate above ${BOUNCE_RATE_PAGE * 100} %; at 5 % AWS reviews the account and may pause all its e-mail.`,
        metricName: "Reputation.BounceRate",
        threshold: BOUNCE_RATE_PAGE,
        label: "bounce rate",
      },
    },
    {
      id: "ses_complaint_rate",
      spec: {
        ...reputation,
        name: "ses-complaint-rate",
        description: `SES: complaint rate above ${COMPLAINT_RATE_PAGE * 100} %; at 0.1 % AWS reviews the account and may pause all its e-mail.`,
        metricName: "Reputation.ComplaintRate",
        threshold: COMPLAINT_RATE_PAGE,
        label: "complaint rate",
      },
    },
  ];
}
