import type { PipelineInput } from "../../scripts/ci/workflow";

/** Two environments of two accounts with their roles and wave counts: the pipeline the CI workflow tests render. */
export const PIPELINE_INPUT: PipelineInput = {
  environments: [
    {
      name: "dev",
      region: "us-east-1",
      roles: { plan: "arn:aws:iam::111111111111:role/p-ci-plan", apply: "arn:aws:iam::111111111111:role/p-ci-apply" },
      waves: 2,
    },
    {
      name: "prod",
      region: "eu-west-1",
      roles: { plan: "arn:aws:iam::333333333333:role/p-ci-plan", apply: "arn:aws:iam::333333333333:role/p-ci-apply" },
      waves: 3,
    },
  ],
};
