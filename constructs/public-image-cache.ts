import { EcrPullThroughCacheRule } from "@cdktf/provider-aws/lib/ecr-pull-through-cache-rule";
import { EcrRepositoryCreationTemplate } from "@cdktf/provider-aws/lib/ecr-repository-creation-template";
import { Construct } from "constructs";
import { ECR_PUBLIC_IMAGE, PULL_THROUGH_CACHE_PREFIX_MAX } from "../config/sections/observability";
import { ServiceRole } from "./service-role";

const UPSTREAM_REGISTRY = "public.ecr.aws";
const PREFIX = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const UNTAGGED_EXPIRY_DAYS = 7;

export interface PublicImageCacheProps {
  /** Prefix of the cached repositories, `<prefix>/<path on ECR Public>` (2-30 characters). */
  readonly repositoryPrefix: string;
  /** CMK of the repositories ECR creates. */
  readonly kmsKeyArn: string;
  /** Account of the cache, part of the image URIs and repository ARNs. */
  readonly accountId: string;
  /** Region of the cache. */
  readonly region: string;
  /** Name of the role ECR assumes to create the repositories with the CMK and tags. */
  readonly roleName: string;
  /** Tags ECR puts on the repositories it creates (Terraform's default tags never reach them). */
  readonly repositoryTags: Readonly<Record<string, string>>;
}

/** An ECR Public image as tasks pull it through the cache. */
export interface CachedImage {
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<path>:<tag>`. */
  readonly uri: string;
  /** ARN of the cached repository, which ECR creates on the first pull. */
  readonly repositoryArn: string;
}

/**
 * A pull through cache of ECR Public in the account's private registry, so tasks pull third-party images (the trace
 * collector) like their own: through the ECR endpoints, encrypted with our key, without ECR Public's anonymous
 * quota or availability between them and a task start. ECR creates a cached repository on its first pull, with the
 * settings of the creation template here (CMK, tags, lifecycle); the template needs a role of its own to use the key.
 */
export class PublicImageCache extends Construct {
  readonly rule: EcrPullThroughCacheRule;
  private readonly props: PublicImageCacheProps;

  constructor(scope: Construct, id: string, props: PublicImageCacheProps) {
    super(scope, id);
    const prefix = props.repositoryPrefix;
    if (prefix.length < 2 || prefix.length > PULL_THROUGH_CACHE_PREFIX_MAX || !PREFIX.test(prefix)) {
      throw new Error(
        `PublicImageCache ${id}: repositoryPrefix "${prefix}" must be 2-${PULL_THROUGH_CACHE_PREFIX_MAX} lower-case path segments of a-z 0-9 . _ -`,
      );
    }
    this.props = props;
    const repositories = `arn:aws:ecr:${props.region}:${props.accountId}:repository/${prefix}/*`;
    const role = new ServiceRole(this, "CreationRole", {
      name: props.roleName,
      // No aws:SourceAccount condition: AWS documents this trust without one, and a condition ECR does not send would
      // fail the first pull of every cached image.
      assumedBy: "ecr.amazonaws.com",
      statements: [
        { sid: "CreateCachedRepositories", actions: ["ecr:CreateRepository", "ecr:TagResource"], resources: [repositories] },
        { sid: "EncryptThemWithTheKey", actions: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"], resources: [props.kmsKeyArn] },
      ],
    });
    const template = new EcrRepositoryCreationTemplate(this, "Template", {
      prefix,
      description: `Repositories of the ${UPSTREAM_REGISTRY} pull through cache`,
      appliedFor: ["PULL_THROUGH_CACHE"],
      customRoleArn: role.arn,
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.kmsKeyArn }],
      // The cache re-syncs an upstream tag when it moves; an immutable tag would fail that sync.
      imageTagMutability: "MUTABLE",
      resourceTags: { ...props.repositoryTags },
      lifecyclePolicy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${UNTAGGED_EXPIRY_DAYS} days`,
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: UNTAGGED_EXPIRY_DAYS },
            action: { type: "expire" },
          },
        ],
      }),
      // The template must be in place before the rule lets a first pull create a repository without it.
      dependsOn: role.policy ? [role.policy] : [],
    });
    this.rule = new EcrPullThroughCacheRule(this, "Resource", {
      ecrRepositoryPrefix: prefix,
      upstreamRegistryUrl: UPSTREAM_REGISTRY,
      dependsOn: [template],
    });
  }

  /** Where tasks pull `upstream` (`public.ecr.aws/<path>:<tag>`) from through this cache. */
  cachedImage(upstream: string): CachedImage {
    const match = ECR_PUBLIC_IMAGE.exec(upstream);
    if (!match) throw new Error(`PublicImageCache ${this.node.id}: "${upstream}" is not an image on ${UPSTREAM_REGISTRY} with a tag or digest`);
    const [, path, reference] = match;
    const { accountId, region, repositoryPrefix } = this.props;
    return {
      uri: `${accountId}.dkr.ecr.${region}.amazonaws.com/${repositoryPrefix}/${path}${reference}`,
      repositoryArn: `arn:aws:ecr:${region}:${accountId}:repository/${repositoryPrefix}/${path}`,
    };
  }
}
