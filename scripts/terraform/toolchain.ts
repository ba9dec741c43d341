import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
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
 * Finds terraform (TERRAFORM_BINARY or PATH) and a provider mirror (TF_PROVIDER_MIRROR or a known place) that
 * holds every required provider. Returns why not when something is missing, so callers can skip loudly.
 */
export function detectToolchain(requirements: readonly ProviderRequirement[]): ToolchainProbe {
  const binary = findTerraform();
  if (!binary) {
    return { missing: "terraform is not on PATH (set TERRAFORM_BINARY to use another binary)" };
  }
  const probe = spawnSync(binary, ["version", "-json"], { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
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

  const configured = process.env.TF_PROVIDER_MIRROR;
  const candidates = configured ? [configured] : MIRROR_CANDIDATES;
  const problems: string[] = [];
  for (const mirror of candidates) {
    const mirroredProviders = listMirroredProviders(mirror);
    const absent = requirements.filter((r) => !mirrorHas(mirror, r));
    if (absent.length === 0) return { toolchain: { binary, version, mirror, mirroredProviders } };
    problems.push(`${mirror}: no ${absent.map((r) => `${r.address} ${r.version}`).join(", ")} for ${terraformPlatform()}`);
  }
  const where = configured ? "TF_PROVIDER_MIRROR" : `the known places (set TF_PROVIDER_MIRROR to choose one)`;
  return { missing: `no provider mirror in ${where} holds what the stacks need:\n    ${problems.join("\n    ")}` };
}

function findTerraform(): string | undefined {
  const explicit = process.env.TERRAFORM_BINARY;
  if (explicit) return isFile(explicit) ? explicit : undefined;
  const name = process.platform === "win32" ? "terraform.exe" : "terraform";
  return (process.env.PATH ?? "")
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
        .filter((type) => subdirectories(join(mirror, host, namespace, type)).some((v) => existsSync(join(mirror, host, namespace, type, v, platform))))
        .map((type) => `${host}/${namespace}/${type}`),
    ),
  );
}

function mirrorHas(mirror: string, requirement: ProviderRequirement): boolean {
  const dir = join(mirror, requirement.address);
  const exact = /^=?\s*(\d+\.\d+\.\d+)$/.exec(requirement.version.trim());
  const versions = exact ? [exact[1]] : subdirectories(dir);
  return versions.some((version) =>
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
