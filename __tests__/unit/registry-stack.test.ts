import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { describe, expect, it } from "vitest";
import { remoteOutputRef, remoteStateSources } from "../support/remote-state";
import { resourcesOf, synthBlueprintEnvironment, synthEnvironment } from "../support/synth";

describe.each(["dev", "staging", "prod"])("%s registry stack", (env) => {
  const synth = synthEnvironment(env);
  const registry = synth.stack("registry");
  const { config } = synth;
  const prefix = `${config.project}-${env}`;

  it.each(config.services.map((s) => [s.name, s.name.replace(/-/g, "_")]))(
    "%s has its own scanned, immutable, KMS-encrypted repository with a lifecycle",
    (name, id) => {
      expect(registry.text).toHaveResourceWithProperties(EcrRepository, {
        name: `${prefix}/${name}`,
        image_tag_mutability: "IMMUTABLE",
        image_scanning_configuration: { scan_on_push: true },
        force_delete: false,
      });
      const repository = resourcesOf(registry, "aws_ecr_repository")[`${id}_repository`];
      expect(remoteOutputRef(synth, repository.encryption_configuration[0].kms_key)).toEqual({
        stack: "secrets-kms",
        value: "${aws_kms_key.containers_key.arn}",
      });
      const lifecycle = resourcesOf(registry, "aws_ecr_lifecycle_policy")[`${id}_repository_lifecycle`];
      expect(lifecycle.repository).toBe(`\${aws_ecr_repository.${id}_repository.name}`);
      expect(JSON.parse(lifecycle.policy).rules).toEqual([
        expect.objectContaining({
          selection: expect.objectContaining({
            tagStatus: "untagged",
            countType: "sinceImagePushed",
            countNumber: config.ecs!.ecr.untaggedExpiryDays,
          }),
        }),
        expect.objectContaining({
          selection: expect.objectContaining({ tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: config.ecs!.ecr.keepTaggedImages }),
        }),
      ]);
    },
  );

  it("reads only the containers key, so it deploys before anything that runs its images", () => {
    expect(remoteStateSources(synth, registry)).toEqual(["secrets-kms"]);
    expect(registry.json.output?.repository_urls?.value).toEqual(
      Object.fromEntries(config.services.map((s) => [s.name, `\${aws_ecr_repository.${s.name.replace(/-/g, "_")}_repository.repository_url}`])),
    );
    expect(Object.keys(synth.stacks.registry!.serviceRepositories)).toEqual(config.services.map((s) => s.name));
  });
});

describe("a blueprint with functions: their repositories too, pullable by Lambda for that function only", () => {
  const synth = synthBlueprintEnvironment("voice-connect", "prod");
  const registry = synth.stack("registry");

  it("grants Lambda pulls conditioned on the function's fixed ARN, before the function exists", () => {
    const [pull] = JSON.parse(resourcesOf(registry, "aws_ecr_repository_policy").connect_lookup_repository_policy.policy).Statement;
    const functionArn = `arn:aws:lambda:${synth.config.region}:${synth.config.accountId}:function:${synth.config.project}-prod-connect-lookup`;
    expect(pull).toMatchObject({
      Principal: { Service: "lambda.amazonaws.com" },
      Condition: { StringLike: { "aws:sourceArn": [functionArn, `${functionArn}:*`] } },
    });
    expect(resourcesOf(synth.stack("functions"), "aws_lambda_function").connect_lookup.function_name).toBe(
      `${synth.config.project}-prod-connect-lookup`,
    );
  });
});
