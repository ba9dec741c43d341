import type { SynthesizedEnvironment, SynthesizedStack } from "./synth";

const REMOTE_REF = /^\$\{data\.terraform_remote_state\.(\w+)\.outputs\.(\w+)\}$/;

/** The upstream stack whose S3 backend a `terraform_remote_state` reads: same bucket, region and key. */
export function backendOwner(synth: SynthesizedEnvironment, remoteStateConfig: Record<string, unknown>): string | undefined {
  const prefix = `${synth.config.environment}-`;
  return synth.stackIds
    .map((id) => id.slice(prefix.length))
    .find((component) => {
      const backend = synth.stack(component).json.terraform.backend?.s3;
      return (
        backend !== undefined &&
        backend.bucket === remoteStateConfig.bucket &&
        backend.region === remoteStateConfig.region &&
        backend.key === remoteStateConfig.key
      );
    });
}

/** Components whose state `stack` reads through `terraform_remote_state`, each checked against its backend. */
export function remoteStateSources(synth: SynthesizedEnvironment, stack: SynthesizedStack): string[] {
  return Object.values(stack.json.data?.terraform_remote_state ?? {}).map((state) => {
    expect(state.backend).toBe("s3");
    const owner = backendOwner(synth, state.config);
    expect(owner, `no stack has the backend ${JSON.stringify(state.config)}`).toBeDefined();
    return owner!;
  });
}

/**
 * Follows a `${data.terraform_remote_state.X.outputs.Y}` reference of `synth`'s stacks to the upstream stack
 * (found by backend bucket, region and key) and the expression that stack exports as output Y.
 * Fails when the value is a literal, the remote state reads an unknown backend, or the output does not exist.
 */
export function remoteOutputRef(synth: SynthesizedEnvironment, reference: unknown): { stack: string; value: unknown } {
  const match = REMOTE_REF.exec(String(reference));
  expect(match, `${String(reference)} is not a remote-state output reference`).not.toBeNull();
  const [, stateName, outputName] = match!;
  // The first stack in order that reads that state, as before, but the stacks after it are not synthesized for the
  // search: a `map` over every stack wrote whole environments (these helpers made 168 of the unit suite's 339 stack
  // writes, 79 now).
  const statesOf = (id: string) => synth.stack(id.slice(synth.config.environment.length + 1)).json.data?.terraform_remote_state;
  const holder = synth.stackIds.find((id) => statesOf(id)?.[stateName] !== undefined);
  const state = holder === undefined ? undefined : statesOf(holder)![stateName];
  expect(state, `no terraform_remote_state ${stateName}`).toBeDefined();
  const owner = backendOwner(synth, state!.config);
  expect(owner, `remote state ${stateName} reads a backend no stack writes`).toBeDefined();
  const output = synth.stack(owner!).json.output?.[outputName];
  expect(output, `${owner} has no output ${outputName}`).toBeDefined();
  return { stack: owner!, value: output!.value };
}
