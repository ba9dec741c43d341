import { describe, expect, it } from "vitest";
import { deployCommands } from "../../scripts/deploy-steps";
import { BLUEPRINTS, parseEnvironmentConfig } from "../../config";
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

describe("deploy commands of the serverless blueprint", () => {
  const config = parseEnvironmentConfig(BLUEPRINTS["voice-assistant"].prod, "voice-assistant/prod");
  const serverlessOrder = ["bootstrap", "secrets-kms", "storage", "functions", "mail", "identity", "frontend", "pipeline"].map((component) => ({
    id: `prod-${component}`,
    component,
    localBackend: component === "bootstrap",
  }));
  const lines = deployCommands(serverlessOrder, config);
  const between = (from: string, to: string) =>
    lines.slice(lines.indexOf(`npx cdktf deploy prod-${from}`) + 1, lines.indexOf(`npx cdktf deploy prod-${to}`));

  it("uploads every function's package to its key after storage and before functions, and pushes no image", () => {
    const uploads = between("storage", "functions").filter((line) => line.startsWith("aws s3 cp"));
    expect(uploads).toEqual(
      (config.functions ?? []).map(
        (fn) => `aws s3 cp build/${fn.name}.zip s3://voice-assistant-prod-artifacts-733333333333/functions/${fn.name}.zip`,
      ),
    );
    expect(lines.some((line) => line.includes("repository_urls"))).toBe(false);
  });

  it("waits between mail and identity until SES has verified the user pool's domain, and asks for SES production access", () => {
    const steps = between("mail", "identity");
    expect(steps[0]).toMatch(
      /wait until SES has verified assistant\.example\.com.*aws sesv2 get-email-identity --email-identity assistant\.example\.com/,
    );
    expect(steps[1]).toMatch(
      /SES production access.*aws sesv2 get-account --query ProductionAccessEnabled.*aws sesv2 put-account-details --production-access-enabled/,
    );
  });

  it("uploads the site after frontend and asks for the GitHub connection after pipeline", () => {
    expect(between("frontend", "pipeline").join("\n")).toMatch(/aws s3 sync build\/site .*output -raw site_bucket.*create-invalidation/);
    expect(lines.at(-1)).toMatch(/approve the pending GitHub connection.*output -raw connection_arn/);
  });
});
