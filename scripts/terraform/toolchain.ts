import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Oldest terraform with every backend feature the stacks use (`endpoints`, `use_lockfile`). */
export const MIN_TERRAFORM_VERSION = "1.10.0";

/** Places a provider filesystem mirror is commonly installed, searched when TF_PROVIDER_MIRROR is not set. */
export const MIRROR_CANDIDATES = [
  "/opt/tf-plugins",
  join(homedir(), ".terraform.d", "plugins"),
  join(process.env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "terraform", "plugins"),
  "/usr/local/share/terraform/plugins",
  "/usr/share/terraform/plugins",
];

/** A provider a stack needs: registry address (`registry.terraform.io/hashicorp/aws`) and version constraint. */
export interface ProviderRequirement {
  readonly address: string;
  readonly version: string;
}

/** A terraform binary plus a local provider mirror that holds every provider the stacks need. */
export interface TerraformToolchain {
  readonly binary: string;
  readonly version: string;
  /** Filesystem mirror (`<host>/<namespace>/<type>/<version>/<os>_<arch>/`). */
  readonly mirror: string;
  /** Provider addresses available in the mirror for this platform. */
  readonly mirroredProviders: readonly string[];
}

export type ToolchainProbe = { readonly toolchain: TerraformToolchain } | { readonly missing: string };

/** `aws` / `hashicorp/aws` / `registry.terraform.io/hashicorp/aws` to the full registry address. */
export function providerAddress(source: string): string {
  const parts = source.split("/");
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${source}`;
  return source;
}

/** Terraform's name for this machine's platform, e.g. `linux_amd64`. */
export function terraformPlatform(): string {
  const arch = ({ x64: "amd64", ia32: "386", arm64: "arm64", arm: "arm" } as Record<string, string>)[process.arch] ?? process.arch;
  return `${process.platform === "win32" ? "windows" : process.platform}_${arch}`;
}

/**
 * Where providers installed from their registry are kept between runs: TF_PROVIDER_CACHE, else terraform's own plugin
 * cache when the user has one (TF_PLUGIN_CACHE_DIR: same layout), else `~/.cache/voice-infra/terraform-providers`.
 */
export function providerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.TF_PROVIDER_CACHE || env.TF_PLUGIN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "voice-infra", "terraform-providers")
  );
}

/** How the providers the stacks need get onto this machine. */
export type InstallMethod =
  /** A filesystem mirror (configured, in a known place, or the cache of an earlier registry install) has them all. */
  | { readonly method: "mirror"; readonly mirror: string }
  /** Nothing local has them: terraform installs them from their registry into `cacheDir` once. */
  | { readonly method: "registry"; readonly cacheDir: string }
  | { readonly method: "none"; readonly reason: string };

/** What `chooseInstallMethod` decides from; `detectToolchain` gathers it. */
export interface InstallFacts {
  /** The first place that holds every required provider for this platform. */
  readonly mirror?: string;
  /** TF_PROVIDER_MIRROR, when set: an explicit choice that is never replaced by the network. */
  readonly configuredMirror?: string;
  /** TF_PROVIDER_INSTALL=mirror: never download. */
  readonly mirrorOnly: boolean;
  readonly cacheDir: string;
  /** For each place searched, what it lacks. */
  readonly problems: readonly string[];
}

/**
 * The install method: a mirror that holds every provider first (offline, as on the CI image); without one, terraform
 * installs the pinned versions from their registry into a plugin cache, which later runs find as a mirror; no download
 * when TF_PROVIDER_MIRROR names a mirror (it lacks them: say so rather than fetch something else) or TF_PROVIDER_INSTALL
 * is `mirror`.
 */
export function chooseInstallMethod(facts: InstallFacts): InstallMethod {
  if (facts.mirror) return { method: "mirror", mirror: facts.mirror };
  const lacking = `\n    ${facts.problems.join("\n    ")}`;
  if (facts.configuredMirror)
    return { method: "none", reason: `the provider mirror in TF_PROVIDER_MIRROR does not hold what the stacks need:${lacking}` };
  if (facts.mirrorOnly) return { method: "none", reason: `TF_PROVIDER_INSTALL=mirror and no provider mirror holds what the stacks need:${lacking}` };
  return { method: "registry", cacheDir: facts.cacheDir };
}

export interface DetectOptions {
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default MIRROR_CANDIDATES */
  readonly mirrorCandidates?: readonly string[];
  /** Longest a registry install may take. @default 10 minutes */
  readonly installTimeoutMs?: number;
}

/**
 * Finds terraform (TERRAFORM_BINARY or PATH) and a local copy of every required provider: a filesystem mirror
 * (TF_PROVIDER_MIRROR, a known place, or the provider cache), else terraform installs the pinned versions from their
 * registry into the provider cache (`providerCacheDir`), which then serves as the mirror; the harness itself stays
 * offline either way. Returns why not when terraform is missing or the providers cannot be had, so callers can skip
 * loudly.
 */
export function detectToolchain(requirements: readonly ProviderRequirement[], options: DetectOptions = {}): ToolchainProbe {
  const env = options.env ?? process.env;
  const binary = findTerraform(env);
  if (!binary) {
    return {
      missing: env.TERRAFORM_BINARY
        ? `TERRAFORM_BINARY=${env.TERRAFORM_BINARY} is not a file`
        : "terraform is not on PATH (set TERRAFORM_BINARY to use another binary)",
    };
  }
  const probe = spawnSync(binary, ["version", "-json"], { encoding: "utf8", env: { ...env, CHECKPOINT_DISABLE: "1" } });
  let version: string | undefined;
  try {
    version = JSON.parse(probe.stdout).terraform_version;
  } catch {
    version = undefined;
  }
  if (!version) return { missing: `${binary} version -json failed: ${probe.stderr || probe.error}` };
  if (compareVersions(version, MIN_TERRAFORM_VERSION) < 0) {
    return { missing: `terraform ${version} at ${binary} is older than ${MIN_TERRAFORM_VERSION}` };
  }

  const configuredMirror = env.TF_PROVIDER_MIRROR || undefined;
  const cacheDir = providerCacheDir(env);
  const candidates = configuredMirror ? [configuredMirror] : [...(options.mirrorCandidates ?? MIRROR_CANDIDATES), cacheDir];
  const problems: string[] = [];
  let mirror: string | undefined;
  for (const candidate of candidates) {
    const absent = requirements.filter((r) => !mirrorHas(candidate, r));
    if (absent.length === 0) {
      mirror = candidate;
      break;
    }
    problems.push(`${candidate}: no ${absent.map((r) => `${r.address} ${r.version}`).join(", ")} for ${terraformPlatform()}`);
  }
  const choice = chooseInstallMethod({ mirror, configuredMirror, mirrorOnly: env.TF_PROVIDER_INSTALL === "mirror", cacheDir, problems });
  if (choice.method === "none") return { missing: choice.reason };
  if (choice.method === "registry") {
    const failure = installFromRegistry(binary, requirements, choice.cacheDir, env, options.installTimeoutMs ?? 600_000);
    if (failure) return { missing: failure };
    mirror = choice.cacheDir;
  }
  return { toolchain: { binary, version, mirror: mirror!, mirroredProviders: listMirroredProviders(mirror!) } };
}

/**
 * Runs one `terraform init` that installs `requirements` from their registries into `cacheDir` (terraform's plugin
 * cache layout is a filesystem mirror's: `<host>/<namespace>/<type>/<version>/<os>_<arch>/`), with the caller's
 * network settings. Returns why it failed, or undefined.
 */
export function installFromRegistry(
  binary: string,
  requirements: readonly ProviderRequirement[],
  cacheDir: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): string | undefined {
  const unpinned = requirements.filter((r) => !/^=?\s*\d+\.\d+\.\d+$/.test(r.version.trim()));
  if (unpinned.length > 0) return `providers without an exact version cannot be installed reproducibly: ${unpinned.map((r) => r.address).join(", ")}`;
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "voice-infra-provider-install-"));
  try {
    const requiredProviders = Object.fromEntries(requirements.map((r) => [r.address.split("/").pop()!, { source: r.address, version: r.version }]));
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform: { required_providers: requiredProviders } }));
    writeFileSync(join(dir, "terraform.rc"), `plugin_cache_dir = ${JSON.stringify(cacheDir)}\ndisable_checkpoint = true\n`);
    const inherited = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("TF_")));
    console.warn(`installing ${requirements.map((r) => `${r.address} ${r.version}`).join(", ")} from the registry into ${cacheDir} (once)`);
    const init = spawnSync(binary, ["init", "-backend=false", "-input=false", "-no-color"], {
      cwd: dir,
      encoding: "utf8",
      timeout: timeoutMs,
      env: { ...inherited, TF_CLI_CONFIG_FILE: join(dir, "terraform.rc"), TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
    });
    if (init.status !== 0) {
      const output = `${init.stdout ?? ""}${init.stderr ?? ""}`.trim() || String(init.error ?? `killed by ${init.signal}`);
      return `no provider mirror holds what the stacks need, and terraform could not install it from the registry (offline? set TF_PROVIDER_MIRROR to a mirror):\n    ${output.split("\n").slice(-12).join("\n    ")}`;
    }
    // Terraform fills the cache as it installs; should it have linked the package into .terraform only, copy it over.
    for (const requirement of requirements.filter((r) => !mirrorHas(cacheDir, r))) {
      const version = requirement.version.trim().replace(/^=\s*/, "");
      const installed = join(dir, ".terraform", "providers", requirement.address, version, terraformPlatform());
      if (existsSync(installed))
        cpSync(installed, join(cacheDir, requirement.address, version, terraformPlatform()), { recursive: true, dereference: true });
    }
    const absent = requirements.filter((r) => !mirrorHas(cacheDir, r));
    if (absent.length > 0)
      return `terraform init succeeded but ${cacheDir} has no ${absent.map((r) => r.address).join(", ")} for ${terraformPlatform()}`;
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findTerraform(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env.TERRAFORM_BINARY;
  if (explicit) return isFile(explicit) ? explicit : undefined;
  const name = process.platform === "win32" ? "terraform.exe" : "terraform";
  return (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(isFile);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function subdirectories(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** Provider addresses with at least one version unpacked for this platform. */
export function listMirroredProviders(mirror: string): string[] {
  const platform = terraformPlatform();
  return subdirectories(mirror).flatMap((host) =>
    subdirectories(join(mirror, host)).flatMap((namespace) =>
      subdirectories(join(mirror, host, namespace))
        .filter((type) =>
          subdirectories(join(mirror, host, namespace, type)).some((v) => existsSync(join(mirror, host, namespace, type, v, platform))),
        )
        .map((type) => `${host}/${namespace}/${type}`),
    ),
  );
}

function mirrorHas(mirror: string, requirement: ProviderRequirement): boolean {
  const dir = join(mirror, requirement.address);
  const exact = /^=?\s*(\d+\.\d+\.\d+)$/.exec(requirement.version.trim());
  const versions = exact ? [exact[1]] : subdirectories(dir);
  return versions.some(
    (version) =>
      subdirectories(join(dir, version)).includes(terraformPlatform()) &&
      readdirSync(join(dir, version, terraformPlatform())).some((file) => file.startsWith(`terraform-provider-`)),
  );
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}
