import { describe, expect, it } from "vitest";
import { deployCommands } from "../../scripts/deploy-steps";
import { editedConfig, synthEnvironment } from "../support/synth";

const order = ["bootstrap", "secrets-kms", "vpc", "registry", "rds", "ecs", "observability"].map((component) => ({
  id: `prod-${component}`,
  component,
  localBackend: component === "bootstrap",
}));

describe("deploy commands", () => {
  const { config } = synthEnvironment("prod");

  it("deploys every stack in the given order, the bootstrap stack with its state warning", () => {
    const deploys = deployCommands(order, config).filter((line) => line.startsWith("npx"));
    expect(deploys.map((line) => line.split(" ")[3])).toEqual(order.map((stack) => stack.id));
    expect(deploys[0]).toContain("docs/bootstrap-state.md");
  });

  it("fills every third-party secret between secrets-kms and ecs, by its full name", () => {
    const lines = deployCommands(order, config);
    const puts = lines.filter((line) => line.startsWith("aws secretsmanager put-secret-value"));
    expect(puts).toEqual(
      config.secrets.externalApiKeys.map((name) => `aws secretsmanager put-secret-value --secret-id prod/voice-ai/${name} --secret-string '<value>'`),
    );
    const first = lines.indexOf(puts[0]);
    expect(first).toBeGreaterThan(lines.indexOf("npx cdktf deploy prod-secrets-kms"));
    expect(lines.indexOf("npx cdktf deploy prod-ecs")).toBeGreaterThan(first);
  });

  it("pushes every service's configured image after the registry and before ecs", () => {
    const lines = deployCommands(order, config);
    const push = lines[lines.indexOf("npx cdktf deploy prod-registry") + 1];
    for (const service of config.services) expect(push).toContain(`${service.name}:${service.imageTag}`);
    expect(push).toContain("terraform -chdir=cdktf.out/stacks/prod-registry output -json repository_urls");
    expect(lines.indexOf("npx cdktf deploy prod-ecs")).toBeGreaterThan(lines.indexOf(push));
  });

  it("creates the app user right after ecs: with the migration task when configured", () => {
    const afterEcs = (lines: string[]) => lines[lines.indexOf("npx cdktf deploy prod-ecs") + 1];
    expect(afterEcs(deployCommands(order, config))).toContain(`create the app user "${config.database!.appUser}" as the master user`);
    const migrating = editedConfig("prod", (raw) => (raw.database.migration = { service: "voice-api", command: ["migrate"] }));
    expect(afterEcs(deployCommands(order, migrating))).toContain("output -raw db_migrate_command");
  });
});
