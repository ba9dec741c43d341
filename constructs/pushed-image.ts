import { DataAwsEcrImage } from "@cdktf/provider-aws/lib/data-aws-ecr-image";
import { Construct } from "constructs";
import type { ImageRepository } from "./container-repository";

export interface PushedImageProps {
  /** The repository (registry stack) the image was pushed to. */
  readonly repository: ImageRepository;
  /** The immutable tag that is deployed. */
  readonly tag: string;
}

/**
 * An image that must already be in its repository. Terraform reads it while planning, so a tag that was never pushed
 * stops the plan (ImageNotFoundException naming repository and tag) instead of leaving an ECS service whose first
 * tasks cannot pull, with no earlier deployment to roll back to, or failing a Lambda create halfway through an apply.
 */
export class PushedImage extends Construct {
  /** `<repository url>:<tag>`. */
  readonly uri: string;

  constructor(scope: Construct, id: string, props: PushedImageProps) {
    super(scope, id);
    new DataAwsEcrImage(this, "Resource", { repositoryName: props.repository.name, imageTag: props.tag });
    this.uri = `${props.repository.url}:${props.tag}`;
  }
}
