import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type ProcessResult, type RunningProcess, describeResult, runProcess, startProcess } from "./process";
import type { ProviderRequirement, TerraformToolchain } from "./toolchain";

/** Credentials s3rver accepts; the AWS provider and the S3 backend read them from the environment. */
export const EMULATOR_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/** A proxy nobody listens on: any request that is not for loopback fails at once instead of reaching AWS. */
const BLACKHOLE_PROXY = "http://127.0.0.1:9";

const DEFAULT_TIMEOUT_MS = 120_000;

/** Renders the CLI config: providers only from the local mirror, one plugin cache, no update checks. */
export function cliConfig(mirror: string, providers: readonly string[], pluginCacheDir: string): string {
  const list = JSON.stringify(providers);
  return [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = ${list}`,
    "  }",
    "  direct {",
    `    exclude = ${list}`,
    "  }",
    "}",
    `plugin_cache_dir   = ${JSON.stringify(pluginCacheDir)}`,
    "disable_checkpoint = true",
    "",
  ].join("\n");
}

/**
 * A scratch directory for running terraform offline: a generated CLI config that installs providers only from
 * the local mirror, one plugin cache, and one provider lock file made by a single `terraform init` that every
 * stack directory reuses. Child processes get a clean environment: no AWS_* or TF_* variables of the caller,
 * fake credentials, and a dead proxy for anything that is not loopback.
 */
export class TerraformWorkspace {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** The directory of the one provider `init`; commands that only need providers (`providers schema`) run here. */
  readonly providersTemplateDir: string;
  private readonly lockFile: string;

  private constructor(
    readonly toolchain: TerraformToolchain,
    root: string,
  ) {
    this.root = root;
    this.providersTemplateDir = join(root, "providers");
    this.lockFile = join(this.providersTemplateDir, ".terraform.lock.hcl");
    this.env = TerraformWorkspace.environment(join(root, "terraform.rc"), join(root, "plugin-cache"));
  }

  /**
   * Creates the workspace and runs the one `terraform init -backend=false` that installs `providers` (every
   * provider any stack of the run needs) and writes the lock file.
   */
  static async create(toolchain: TerraformToolchain, providers: readonly ProviderRequirement[]): Promise<TerraformWorkspace> {
    const root = mkdtempSync(join(tmpdir(), "voice-infra-terraform-"));
    const pluginCache = join(root, "plugin-cache");
    mkdirSync(pluginCache);
    const cliConfigFile = join(root, "terraform.rc");
    writeFileSync(cliConfigFile, cliConfig(toolchain.mirror, toolchain.mirroredProviders, pluginCache));

    const template = join(root, "providers");
    mkdirSync(template);
    const requiredProviders = Object.fromEntries(
      providers.map((p) => [p.address.split("/").pop()!, { source: p.address, version: p.version || undefined }]),
    );
    writeFileSync(join(template, "main.tf.json"), JSON.stringify({ terraform: { required_providers: requiredProviders } }));
    const env = TerraformWorkspace.environment(cliConfigFile, pluginCache);
    const init = await runProcess(toolchain.binary, ["init", "-backend=false", "-input=false", "-no-color"], {
      cwd: template,
      env,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
    if (init.code !== 0) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`installing providers from ${toolchain.mirror} failed:\n${describeResult(init)}`);
    }
    return new TerraformWorkspace(toolchain, root);
  }

  private static environment(cliConfigFile: string, pluginCache: string): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AWS_|TF_)/.test(name)));
    return {
      ...inherited,
      TF_CLI_CONFIG_FILE: cliConfigFile,
      TF_PLUGIN_CACHE_DIR: pluginCache,
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
      HTTP_PROXY: BLACKHOLE_PROXY,
      HTTPS_PROXY: BLACKHOLE_PROXY,
      http_proxy: BLACKHOLE_PROXY,
      https_proxy: BLACKHOLE_PROXY,
      NO_PROXY: "127.0.0.1,localhost,::1",
      no_proxy: "127.0.0.1,localhost,::1",
    };
  }

  /**
   * Writes a fresh directory `name` holding `files` (`cdk.tf.json`, ...) and the shared lock file, so that its
   * `terraform init` only links the already installed providers from the plugin cache.
   */
  writeDir(name: string, files: Record<string, object | string>): string {
    const dir = join(this.root, "stacks", name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    }
    writeFileSync(join(dir, ".terraform.lock.hcl"), readFileSync(this.lockFile));
    return dir;
  }

  /** Runs `terraform <args>` in `dir` and returns its result, whatever the exit code. */
  run(dir: string, args: readonly string[], options: { timeoutMs?: number; input?: string } = {}): Promise<ProcessResult> {
    return runProcess(this.toolchain.binary, args, {
      cwd: dir,
      env: this.env,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      input: options.input,
    });
  }

  /** Like `run`, but throws with terraform's full output unless it exits 0. */
  async check(dir: string, args: readonly string[], options: { timeoutMs?: number; input?: string } = {}): Promise<ProcessResult> {
    const result = await this.run(dir, args, options);
    if (result.code !== 0) throw new Error(describeResult(result));
    return result;
  }

  /** Starts a long-running terraform command (`console`) whose stdin stays open until closed. */
  start(dir: string, args: readonly string[], options: { timeoutMs?: number } = {}): RunningProcess {
    return startProcess(this.toolchain.binary, args, { cwd: dir, env: this.env, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
