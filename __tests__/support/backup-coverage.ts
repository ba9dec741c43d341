/**
 * Wiring checks for R-A2: AWS Backup creates jobs only for resources a selection assigns to the plan (by ARN or by
 * tag), and a selection that matches nothing fails silently
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html). Over every blueprint environment:
 * each ARN a selection names must resolve to a resource of the environment, every selection by ARN and every plan
 * must match at least one resource, and each stateful store (DynamoDB tables, primary RDS instances) must be in a
 * selection by ARN. The tag selection is the operators' opt-in for resources made outside this code: it may match
 * nothing made here, but never as the plan's only way to find what it protects.
 */
import { describe, expect, it } from "vitest";
import { type SynthesizedEnvironment, type SynthesizedStack, synthBlueprintEnvironment } from "./synth";

const REMOTE_OUTPUT = /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/;
const LOCAL_REFERENCE = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.arn\}$/;

interface Located {
  readonly stack: string;
  readonly address: string;
}

/** Resolves an ARN expression of `stackId` to the resource it names, through remote state if need be. */
function resolveArn(env: SynthesizedEnvironment, stacks: Map<string, SynthesizedStack>, stackId: string, arn: unknown): Located | undefined {
  if (typeof arn !== "string") return undefined;
  const local = LOCAL_REFERENCE.exec(arn);
  if (local) {
    const [type, name] = local[1].split(".");
    return stacks.get(stackId)?.json.resource?.[type]?.[name] ? { stack: stackId, address: local[1] } : undefined;
  }
  const remote = REMOTE_OUTPUT.exec(arn);
  if (!remote) return undefined;
  const state = stacks.get(stackId)?.json.data?.terraform_remote_state?.[remote[1]];
  const key = state?.config?.key;
  const producer = [...stacks].find(([, s]) => s.json.terraform.backend?.s3?.key === key)?.[0];
  const output = producer === undefined ? undefined : stacks.get(producer)?.json.output?.[remote[2]];
  return producer === undefined || !output ? undefined : resolveArn(env, stacks, producer, output.value);
}

function tagsOf(stack: SynthesizedStack, body: Record<string, any>): Record<string, string> {
  const defaults = Object.assign({}, ...(stack.json.provider?.aws ?? []).map((p: any) => p.default_tags?.[0]?.tags ?? p.default_tags?.tags ?? {}));
  return { ...defaults, ...(body.tags ?? {}) };
}

/** The backup selection checks, one describe per `[blueprint, environment]`. */
export function describeBackupCoverage(environments: readonly (readonly [string, string])[]): void {
  describe.each(environments)("%s %s backup selections", (blueprint, envName) => {
    const env = synthBlueprintEnvironment(blueprint, envName);
    const stacks = new Map(env.stackIds.map((id) => [id, env.stack(id)]));
    const backupId = env.stackIds.find((id) => id.endsWith("-backup"))!;
    const backup = stacks.get(backupId)!;
    const selections = Object.entries(backup.json.resource?.aws_backup_selection ?? {});
    const all = [...stacks].flatMap(([id, stack]) =>
      Object.entries(stack.json.resource ?? {}).flatMap(([type, bodies]) =>
        Object.entries(bodies).map(([name, body]) => ({ stack: id, address: `${type}.${name}`, type, body, tags: tagsOf(stack, body) })),
      ),
    );
    /** What each selection assigns, as `<stack>/<address>`. */
    const assigned = new Map(
      selections.map(([name, selection]) => {
        const byArn = (selection.resources ?? []).map((arn: unknown) => resolveArn(env, stacks, backupId, arn));
        const byTag = (selection.selection_tag ?? []).flatMap((tag: any) =>
          all.filter((r) => tag.type === "STRINGEQUALS" && r.tags[tag.key] === tag.value),
        );
        return [
          name,
          {
            unresolved: byArn.filter((r: Located | undefined) => !r).length,
            matched: [...byArn.filter(Boolean), ...byTag].map((r: Located) => `${r.stack}/${r.address}`),
          },
        ];
      }),
    );

    it("names only ARNs that resolve to resources of the environment", () => {
      for (const [name, { unresolved }] of assigned) expect(unresolved, name).toBe(0);
    });

    it("has no selection by ARN that matches nothing, and a plan that protects something", () => {
      for (const [name, selection] of selections) {
        if (selection.resources !== undefined) expect(assigned.get(name)!.matched, `${name} matches no resource`).not.toEqual([]);
      }
      for (const plan of Object.keys(backup.json.resource?.aws_backup_plan ?? {})) {
        const own = selections.filter(([, s]) => String(s.plan_id).startsWith(`\${aws_backup_plan.${plan}.`));
        expect(
          own.flatMap(([name]) => assigned.get(name)!.matched),
          `${plan} backs up nothing`,
        ).not.toEqual([]);
      }
    });

    it("protects every DynamoDB table and primary RDS instance by ARN, so a lost tag cannot drop it", () => {
      const covered = new Set(selections.flatMap(([name, s]) => (s.resources !== undefined ? assigned.get(name)!.matched : [])));
      // The bootstrap stack's lock table holds Terraform state locks only, nothing to restore.
      const stateful = all.filter(
        (r) => (r.type === "aws_dynamodb_table" && !r.stack.endsWith("-bootstrap")) || (r.type === "aws_db_instance" && !r.body.replicate_source_db),
      );
      for (const store of stateful) expect(covered.has(`${store.stack}/${store.address}`), `${store.stack}/${store.address}`).toBe(true);
    });
  });
}
