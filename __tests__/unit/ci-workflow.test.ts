import { describe, expect, it } from "vitest";
import { ConfigError, ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { ciRoles } from "../../config/sections/ci";
import { LOCK_TIMEOUT, infrastructureWorkflow, pipelineJobs } from "../../scripts/ci/workflow";
import { toYaml } from "../../scripts/ci/yaml";
import { PIPELINE_INPUT } from "../support/ci-pipeline";

// The schema validation of the rendered and the committed file is in __tests__/integration/ci.test.ts (~0.6 s each).
const input = PIPELINE_INPUT;

type Job = Record<string, any>;
const jobs = infrastructureWorkflow(input).jobs as unknown as Record<string, Job>;

describe("generated CI workflow", () => {
  it("plans each deploy wave after the one before on pull requests, then applies environment by environment on main", () => {
    expect(pipelineJobs(input)).toEqual([
      { id: "check", needs: [] },
      { id: "plan-wave-1", needs: ["check"] },
      { id: "plan-wave-2", needs: ["check", "plan-wave-1"] },
      { id: "plan-wave-3", needs: ["check", "plan-wave-2"] },
      { id: "apply-dev-wave-1", needs: ["check"] },
      { id: "apply-dev-wave-2", needs: ["check", "apply-dev-wave-1"] },
      { id: "apply-prod-wave-1", needs: ["check", "apply-dev-wave-2"] },
      { id: "apply-prod-wave-2", needs: ["check", "apply-prod-wave-1"] },
      { id: "apply-prod-wave-3", needs: ["check", "apply-prod-wave-2"] },
    ]);
    expect(jobs["plan-wave-2"].if).toMatch(
      /^\$\{\{ github\.event_name == 'pull_request' .*!cancelled\(\) && !failure\(\) && needs\.check\.outputs\.plan_wave_2 != '\[\]'/,
    );
    expect(jobs["apply-prod-wave-3"].if).toMatch(/github\.event_name == 'push' .*needs\.check\.outputs\.prod_wave_3 != '\[\]'/);
    expect(jobs["plan-wave-1"].strategy.matrix.include).toBe("${{ fromJSON(needs.check.outputs.plan_wave_1) }}");
    expect(jobs["apply-dev-wave-2"].strategy.matrix.stack).toBe("${{ fromJSON(needs.check.outputs.dev_wave_2) }}");
  });

  it("checks, synthesizes and chooses the affected stacks before anything plans", () => {
    const runs = jobs.check.steps.map((step: Job) => step.run ?? step.uses);
    const at = (text: string) => runs.findIndex((run: string) => run.includes(text));
    expect(at("npm ci")).toBeLessThan(at("npm test"));
    expect(at("npm test")).toBeLessThan(at("npm run synth"));
    expect(at("npm run synth")).toBeLessThan(at("npm run -s affected"));
    expect(runs[at("npm run -s affected")]).toContain("--waves 3 --github-output");
    expect(runs[at("npm run -s affected")]).toContain("cat cdktf.out/summary.md");
    expect(jobs.check.steps[0].with["fetch-depth"]).toBe(0);
    expect(Object.keys(jobs.check.outputs)).toEqual(expect.arrayContaining(["plan_wave_3", "dev_wave_2", "prod_wave_3"]));
    expect(Object.keys(jobs.check.outputs)).not.toContain("dev_wave_3");
  });

  it("applies behind the environment's GitHub environment with its own role, one run per stack, with a lock timeout", () => {
    const apply = jobs["apply-prod-wave-1"];
    expect(apply.environment).toBe("prod");
    expect(apply.concurrency).toEqual({ group: "terraform-state-${{ matrix.stack }}", "cancel-in-progress": false });
    expect(apply.permissions).toEqual({ contents: "read", "id-token": "write" });
    const credentials = apply.steps.filter((step: Job) => step.uses?.startsWith("aws-actions/configure-aws-credentials"));
    expect(credentials.map((step: Job) => [step.with["role-to-assume"], step.with["aws-region"]])).toEqual([
      ["arn:aws:iam::333333333333:role/p-ci-apply", "eu-west-1"],
    ]);
    const scripts = apply.steps.map((step: Job) => step.run ?? "").join("\n");
    expect(scripts).toContain(`terraform plan -input=false -no-color -lock-timeout=${LOCK_TIMEOUT} -out=tfplan`);
    expect(scripts).toContain(`terraform apply -input=false -no-color -lock-timeout=${LOCK_TIMEOUT} tfplan`);
    expect(scripts).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it("plans with each environment's read-only plan role, never the apply role", () => {
    const credentials = jobs["plan-wave-1"].steps.filter((step: Job) => step.uses?.startsWith("aws-actions/configure-aws-credentials"));
    expect(credentials.map((step: Job) => [step.if, step.with["role-to-assume"]])).toEqual([
      ["matrix.environment == 'dev'", "arn:aws:iam::111111111111:role/p-ci-plan"],
      ["matrix.environment == 'prod'", "arn:aws:iam::333333333333:role/p-ci-plan"],
    ]);
    expect(JSON.stringify(jobs["plan-wave-1"])).not.toContain("apply");
    expect(jobs["plan-wave-1"].environment).toBeUndefined();
  });

  it("quotes what YAML would read as something else, and writes scripts as literal blocks", () => {
    expect(toYaml({ steps: [{ uses: "a", with: { x: 1 } }, { run: "b\nc" }], branches: ["main"] })).toBe(
      ["steps:", "  - uses: a", "    with:", "      x: 1", "  - run: |-", "      b", "      c", "branches:", "  - main", ""].join("\n"),
    );
    expect(toYaml({ on: { push: null }, a: "yes", b: "1.10", c: "x: y", d: "- x", e: "${{ a }}", f: "line 1\nline 2\n", g: [], h: true })).toBe(
      [
        '"on":',
        "  push: null",
        'a: "yes"',
        'b: "1.10"',
        'c: "x: y"',
        'd: "- x"',
        "e: ${{ a }}",
        "f: |",
        "  line 1",
        "  line 2",
        "g: []",
        "h: true",
        "",
      ].join("\n"),
    );
  });
});

describe("config ci", () => {
  const prod = ENVIRONMENTS.prod;

  it("derives the role names from account and project when absent", () => {
    expect(ciRoles(parseEnvironmentConfig(prod))).toEqual({
      plan: "arn:aws:iam::333333333333:role/voice-ai-ci-plan",
      apply: "arn:aws:iam::333333333333:role/voice-ai-ci-apply",
    });
    const custom = parseEnvironmentConfig({ ...prod, ci: { applyRoleArn: "arn:aws:iam::333333333333:role/github-deploy" } });
    expect(ciRoles(custom).apply).toBe("arn:aws:iam::333333333333:role/github-deploy");
  });

  it("rejects a role of another account and what is not a role ARN", () => {
    expect(() => parseEnvironmentConfig({ ...prod, ci: { planRoleArn: "arn:aws:iam::111111111111:role/voice-ai-ci-plan" } })).toThrow(
      /ci\.planRoleArn: is in account 111111111111, not this environment's account 333333333333/,
    );
    expect(() => parseEnvironmentConfig({ ...prod, ci: { applyRoleArn: "voice-ai-ci-apply" } })).toThrow(ConfigError);
  });
});
