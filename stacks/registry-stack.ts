import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { publicImageCachePrefix } from "../config/sections/observability";
import { functionNameFor } from "../constructs/container-function";
import { ContainerRepository, type ImageRepository } from "../constructs/container-repository";
import { type CachedImage, PublicImageCache } from "../constructs/public-image-cache";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface RegistryStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK of the repositories (secrets-kms `containers`). */
  readonly containersKeyArn: string;
}

/**
 * The ECR repositories of every configured service and function, and the ECR Public pull through cache the services'
 * trace collector comes from. They live apart from the ecs and functions stacks because their images must be pushed
 * after the repositories exist and before anything runs them: deployed first, then `docker push`, then ecs and
 * functions, whose plans stop on a tag that is not there (PushedImage).
 */
export class RegistryStack extends PlatformStack {
  /** Repository of each configured service, by service name. */
  readonly serviceRepositories: Readonly<Record<string, ImageRepository>>;
  /** Repository of each configured function, by function name. */
  readonly functionRepositories: Readonly<Record<string, ImageRepository>>;
  /** The services' trace collector, pulled through the ECR Public cache; only with services and X-Ray on. */
  readonly traceCollectorImage?: CachedImage;

  constructor(scope: Construct, props: RegistryStackProps) {
    super(scope, { ...props, component: "registry" });
    const { config } = this;
    const repository = (name: string, pullingFunctionArn?: string): ImageRepository => {
      const created = new ContainerRepository(this, `${name}-repository`, {
        name: `${this.namePrefix}/${name}`,
        kmsKeyArn: props.containersKeyArn,
        keepTaggedImages: this.section("ecs").ecr.keepTaggedImages,
        untaggedExpiryDays: this.section("ecs").ecr.untaggedExpiryDays,
        nameTag: `${this.namePrefix}-${name}`,
        // Lambda pulls with its service principal; the function's name is fixed, so the grant can name it before it exists.
        policyStatements: pullingFunctionArn
          ? [
              {
                sid: "LambdaPullsForThisFunctionOnly",
                principals: { Service: "lambda.amazonaws.com" },
                actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                resources: [],
                conditions: { StringLike: { "aws:sourceArn": [pullingFunctionArn, `${pullingFunctionArn}:*`] } },
              },
            ]
          : undefined,
      });
      return { name: created.repository.name, url: created.url, arn: created.arn };
    };
    this.serviceRepositories = Object.fromEntries(config.services.map((service) => [service.name, repository(service.name)]));
    this.functionRepositories = Object.fromEntries(
      (config.functions ?? []).map((fn) => {
        const functionName = functionNameFor(this.namePrefix, fn.name);
        return [fn.name, repository(fn.name, `arn:aws:lambda:${config.region}:${config.accountId}:function:${functionName}`)];
      }),
    );

    const xray = config.observability?.xray;
    if (xray?.enabled && config.services.length > 0) {
      const cache = new PublicImageCache(this, "public_image_cache", {
        repositoryPrefix: publicImageCachePrefix(config),
        kmsKeyArn: props.containersKeyArn,
        accountId: config.accountId,
        region: config.region,
        roleName: `${this.namePrefix}-public-image-cache`,
        repositoryTags: this.standardTags(),
      });
      this.traceCollectorImage = cache.cachedImage(xray.collectorImage);
    }

    const urls = (repositories: Readonly<Record<string, ImageRepository>>) =>
      Object.fromEntries(Object.entries(repositories).map(([name, r]) => [name, r.url]));
    new TerraformOutput(this, "repository_urls", {
      value: { ...urls(this.serviceRepositories), ...urls(this.functionRepositories) },
      description: "ECR repository URL per service and function: where CI pushes images before ecs and functions deploy",
    });
  }
}
