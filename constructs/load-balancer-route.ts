import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { Construct } from "constructs";

export interface LoadBalancerRouteProps {
  /** Target group name (AWS: at most 32 characters of a-z, A-Z, 0-9 and '-'). */
  readonly name: string;
  /** VPC of the targets. */
  readonly vpcId: string;
  /** Port the targets (Fargate tasks, by IP) listen on. */
  readonly port: number;
  /** HTTP path the ALB probes; a 200 marks the target healthy. */
  readonly healthCheckPath: string;
  /** Seconds the ALB drains a deregistering target before cutting its connections. */
  readonly deregistrationDelaySeconds: number;
  /**
   * Pin each client to one target with an ALB-generated cookie (WebSocket sessions).
   * @default false
   */
  readonly sticky?: boolean;
  /**
   * Lifetime of the stickiness cookie; only used when `sticky` is true.
   * @default 86400
   */
  readonly stickinessDurationSeconds?: number;
  /** Listener that routes to the target group. */
  readonly listenerArn: string;
  /** Rule priority on the listener (1-50000, lower is evaluated first). */
  readonly priority: number;
  /** Path patterns that select this route (at most 5 per rule). */
  readonly pathPatterns: readonly string[];
}

/** One service behind the ALB: an `ip` target group with health check and draining, and the path rule that selects it. */
export class LoadBalancerRoute extends Construct {
  readonly targetGroup: LbTargetGroup;
  readonly rule: LbListenerRule;

  constructor(scope: Construct, id: string, props: LoadBalancerRouteProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(props.name)) {
      throw new Error(`LoadBalancerRoute ${id}: name "${props.name}" must be 1-32 of A-Z a-z 0-9 '-', not starting or ending with '-'`);
    }
    if (props.pathPatterns.length < 1 || props.pathPatterns.length > 5) {
      throw new Error(`LoadBalancerRoute ${id}: pathPatterns must list 1-5 patterns, got ${props.pathPatterns.length}`);
    }
    if (!Number.isInteger(props.priority) || props.priority < 1 || props.priority > 50000) {
      throw new Error(`LoadBalancerRoute ${id}: priority must be an integer 1-50000, got ${props.priority}`);
    }

    this.targetGroup = new LbTargetGroup(this, "Resource", {
      name: props.name,
      vpcId: props.vpcId,
      port: props.port,
      protocol: "HTTP",
      targetType: "ip",
      deregistrationDelay: String(props.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        path: props.healthCheckPath,
        port: "traffic-port",
        protocol: "HTTP",
        matcher: "200",
        interval: 30,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
      // Always written out, so a non-sticky group is visibly non-sticky and never drifts.
      stickiness: {
        type: "lb_cookie",
        enabled: props.sticky ?? false,
        cookieDuration: props.stickinessDurationSeconds ?? 86400,
      },
      tags: { Name: props.name },
    });

    this.rule = new LbListenerRule(this, "Rule", {
      listenerArn: props.listenerArn,
      priority: props.priority,
      condition: [{ pathPattern: { values: [...props.pathPatterns] } }],
      action: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
      tags: { Name: props.name },
    });
  }

  get arn(): string {
    return this.targetGroup.arn;
  }

  /** `targetgroup/<name>/<id>`: the CloudWatch dimension and half of the ALBRequestCountPerTarget label. */
  get arnSuffix(): string {
    return this.targetGroup.arnSuffix;
  }
}
