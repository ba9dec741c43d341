import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcrRepositoryPolicy } from "@cdktf/provider-aws/lib/ecr-repository-policy";
import { Construct } from "constructs";
import { type PolicyStatement, policyDocument } from "./iam-policy";

export interface ContainerRepositoryProps {
  /** Repository name, `<project>-<env>/<name>` by convention. */
  readonly name: string;
  /** CMK that encrypts the images. */
  readonly kmsKeyArn: string;
  /** Tagged images kept; older ones expire. */
  readonly keepTaggedImages: number;
  /** Days after which untagged images (failed or superseded pushes) expire. */
  readonly untaggedExpiryDays: number;
  /**
   * Statements of a repository policy, for AWS services that pull with their own principal (Lambda).
   * @default - no repository policy; IAM roles of the account pull through their own policies
   */
  readonly policyStatements?: readonly PolicyStatement[];
  /** `Name` tag. */
  readonly nameTag: string;
}

const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/**
 * An ECR repository in the shape the ecs stack's services use: immutable tags (every release has its own), scan on
 * push, KMS encryption with a CMK, and a lifecycle policy that keeps the last N tagged images and expires untagged
 * ones. Given the id `Repository`, its addresses are `<parent>_repository` and `<parent>_repository_lifecycle`.
 */
export class ContainerRepository extends Construct {
  readonly repository: EcrRepository;
  /** The repository policy, when `policyStatements` are given; services that pull on create depend on it. */
  readonly policy?: EcrRepositoryPolicy;

  constructor(scope: Construct, id: string, props: ContainerRepositoryProps) {
    super(scope, id);
    if (props.name.length < 2 || props.name.length > 256 || !REPOSITORY_NAME.test(props.name)) {
      throw new Error(`ContainerRepository ${id}: name "${props.name}" must be 2-256 lower-case path segments of a-z 0-9 . _ -`);
    }
    if (!Number.isInteger(props.keepTaggedImages) || props.keepTaggedImages < 1) {
      throw new Error(`ContainerRepository ${id}: keepTaggedImages must be a positive integer, got ${props.keepTaggedImages}`);
    }
    if (!Number.isInteger(props.untaggedExpiryDays) || props.untaggedExpiryDays < 1) {
      throw new Error(`ContainerRepository ${id}: untaggedExpiryDays must be a positive integer, got ${props.untaggedExpiryDays}`);
    }

    this.repository = new EcrRepository(this, "Resource", {
      name: props.name,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.kmsKeyArn }],
      forceDelete: false,
      tags: { Name: props.nameTag },
    });
    new EcrLifecyclePolicy(this, "Lifecycle", {
      repository: this.repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${props.untaggedExpiryDays} days`,
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: props.untaggedExpiryDays },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: `Keep the last ${props.keepTaggedImages} tagged images`,
            selection: { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: props.keepTaggedImages },
            action: { type: "expire" },
          },
        ],
      }),
    });
    if (props.policyStatements && props.policyStatements.length > 0) {
      this.policy = new EcrRepositoryPolicy(this, "Policy", {
        repository: this.repository.name,
        policy: policyDocument(props.policyStatements),
      });
    }
  }

  get arn(): string {
    return this.repository.arn;
  }

  get url(): string {
    return this.repository.repositoryUrl;
  }
}

/** A repository as the stacks that run its images see it. */
export interface ImageRepository {
  /** Repository name, for lookups by the ECR API. */
  readonly name: string;
  /** Repository URL, `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. */
  readonly url: string;
  readonly arn: string;
}
