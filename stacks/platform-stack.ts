import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LocalBackend, S3Backend, type S3BackendConfig, TerraformElement, TerraformStack } from "cdktf";
import type { Construct, Node } from "constructs";
import type { EnvironmentConfig } from "../config";
import type { StateBackendConfig } from "../config/sections/state-backend";
import type { OptionalSection } from "../config/schema";

export interface PlatformStackProps {
  /** Validated configuration of the environment this stack belongs to. */
  readonly config: EnvironmentConfig;
  /** Component name: the last part of the stack id and of the state key (`vpc`, `rds`). */
  readonly component: string;
  /**
   * Start the stack id with the project, `<project>-<env>-<component>`, so that several blueprints share one app.
   * @default false - `<env>-<component>`
   */
  readonly qualifiedId?: boolean;
  /**
   * Where the state lives. `local` is only for the bootstrap stack, which creates the S3 bucket and
   * lock table that every other stack's backend needs.
   * @default "s3"
   */
  readonly backend?: "s3" | "local";
}

/** The stack id of a component: `<env>-<component>`, or `<project>-<env>-<component>` when qualified. */
export function stackIdFor(config: { readonly project: string; readonly environment: string }, component: string, qualified = false): string {
  return `${qualified ? `${config.project}-` : ""}${config.environment}-${component}`;
}

/** Name of the Terraform state object of one component; unique per project, environment and component. */
export function stateKey(config: EnvironmentConfig, component: string): string {
  return `${config.project}/${config.environment}/${component}.tfstate`;
}

/**
 * Where a stack with a local backend keeps its state, as the backend's `path`. Terraform resolves it against its
 * working directory, `<outdir>/stacks/<stack id>/` (cdktf's layout, where `cdktf deploy` runs it), so this names
 * `terraform-state/<project>/<env>/<component>.tfstate` beside the output directory: the project root for the
 * default `cdktf.out`. Outside the output directory because `cdktf synth` and `cdktf deploy` delete the directories
 * of stacks they do not synthesize. Relative rather than absolute: an absolute path would put the checkout's location
 * into the synthesized files (different on every machine and CI runner), and a moved checkout or a copied
 * `cdktf.out` would point terraform at a missing file, which it reads as "nothing exists yet" and plans a second
 * bootstrap. Relative, the file moves with the checkout (docs/bootstrap-state.md).
 *
 * With `stateBackend.localEmulator` (test only) the stacks are scratch copies that the harness plans in a directory
 * of its own, so their state stays in that working directory instead of escaping it.
 */
export function localStatePath(config: EnvironmentConfig, component: string): string {
  const file = stateKey(config, component);
  return config.stateBackend.localEmulator ? file.replaceAll("/", "-") : `../../../terraform-state/${file}`;
}

/**
 * Base class of every stack: one AWS provider for the primary region (account guard and default tags),
 * lazily created aliases for the DR region and us-east-1, and the S3 backend with DynamoDB locking.
 */
export abstract class PlatformStack extends TerraformStack {
  readonly config: EnvironmentConfig;
  readonly component: string;
  /** `<project>-<env>`: prefix of every physical resource name, so environments never collide. */
  readonly namePrefix: string;
  /** Provider of the primary region. */
  readonly provider: AwsProvider;
  private drRegionProvider?: AwsProvider;
  private globalRegionProvider?: AwsProvider;
  private readonly logicalIdOwners = new Map<string, string>();

  /** The stack's id is derived from its config and component here, and nowhere else (`stackIdFor`). */
  constructor(scope: Construct, props: PlatformStackProps) {
    super(scope, stackIdFor(props.config, props.component, props.qualifiedId));
    this.config = props.config;
    this.component = props.component;
    this.namePrefix = `${props.config.project}-${props.config.environment}`;
    this.provider = this.createProvider("aws", props.config.region);

    if ((props.backend ?? "s3") === "local") {
      new LocalBackend(this, { path: localStatePath(props.config, props.component) });
    } else {
      const backend = props.config.stateBackend;
      new S3Backend(this, {
        bucket: backend.bucket,
        key: stateKey(props.config, props.component),
        region: backend.region,
        encrypt: true,
        kmsKeyId: backend.kmsKeyId,
        dynamodbTable: backend.lockTable,
        // S3Backend hands its props to every terraform_remote_state reading this stack, so those follow too.
        ...(backend.localEmulator && emulatorBackendSettings(backend.localEmulator)),
      });
      // S3Backend has no prop for the Terraform 1.10+ lock file.
      if (backend.useLockfile) this.addOverride("terraform.backend.s3.use_lockfile", true);
    }
  }

  /** Provider alias `dr` for resources in the disaster-recovery region; only valid when DR is enabled. */
  get drProvider(): AwsProvider {
    if (!this.config.dr.enabled) {
      throw new Error(`${this.node.id}: dr.enabled is false, so no resource may be placed in the DR region`);
    }
    this.drRegionProvider ??= this.createProvider("dr", this.config.dr.region, "dr");
    return this.drRegionProvider;
  }

  /** Provider for us-east-1, where CloudFront certificates and WAF scopes must live. */
  get usEast1Provider(): AwsProvider {
    if (this.config.region === "us-east-1") return this.provider;
    this.globalRegionProvider ??= this.createProvider("us_east_1", "us-east-1", "us_east_1");
    return this.globalRegionProvider;
  }

  /**
   * An optional config section this stack is built from. stacks/index.ts creates the stack only when the section is
   * configured, so a missing one is a wiring bug: synth stops and names the section.
   */
  section<K extends OptionalSection>(name: K): NonNullable<EnvironmentConfig[K]> {
    const value = this.config[name];
    if (value === undefined) throw new Error(`${this.node.id}: the config has no ${name} section, so this stack must not be created`);
    return value as NonNullable<EnvironmentConfig[K]>;
  }

  /**
   * The tags every resource of the stack carries (the provider's default tags): the config's, project, environment,
   * component and managed-by. Resources AWS creates on the stack's behalf need them spelled out.
   */
  standardTags(): Record<string, string> {
    return {
      ...this.config.tags,
      project: this.config.project,
      environment: this.config.environment,
      component: this.component,
      "managed-by": "cdktf",
    };
  }

  /** Tags for a resource beside the provider's default tags: a readable Name. */
  nameTags(suffix: string): Record<string, string> {
    return { Name: `${this.namePrefix}-${suffix}` };
  }

  /**
   * Readable, hash-free Terraform addresses: the construct path below the stack in snake_case, with
   * `Resource` children (the construct's main resource) left out, e.g. `rds_key` and `rds_key_alias`.
   * Two constructs that would share an address fail synth instead of silently getting a hash.
   */
  protected allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const components = node.scopes
      .slice(node.scopes.indexOf(this) + 1)
      .map((scope) => scope.node.id)
      .filter((id) => id !== "Resource" && id !== "Default");
    if (components.length === 0) return "";
    const logicalId = components.map(toSnakeCase).join("_");
    const owner = this.logicalIdOwners.get(logicalId);
    if (owner !== undefined && owner !== node.path) {
      throw new Error(`Terraform address "${logicalId}" is used by both ${owner} and ${node.path}; rename one construct`);
    }
    this.logicalIdOwners.set(logicalId, node.path);
    return logicalId;
  }

  private createProvider(id: string, region: string, alias?: string): AwsProvider {
    return new AwsProvider(this, id, {
      region,
      alias,
      allowedAccountIds: [this.config.accountId],
      defaultTags: [{ tags: this.standardTags() }],
    });
  }
}

/** Backend settings for the test-only local S3/DynamoDB emulators (`stateBackend.localEmulator`). */
function emulatorBackendSettings(endpoints: NonNullable<StateBackendConfig["localEmulator"]>): Partial<S3BackendConfig> {
  return {
    endpoints: { s3: endpoints.s3, dynamodb: endpoints.dynamodb },
    usePathStyle: true,
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: true,
    skipRegionValidation: true,
    skipS3Checksum: true,
  };
}

function toSnakeCase(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}
