import "vitest";

type TerraformConstructClass = { tfResourceType: string };

interface CdktfMatchers<R = unknown> {
  toHaveResource(resource: TerraformConstructClass): R;
  toHaveResourceWithProperties(resource: TerraformConstructClass, properties: Record<string, unknown>): R;
  toHaveDataSource(dataSource: TerraformConstructClass): R;
  toHaveDataSourceWithProperties(dataSource: TerraformConstructClass, properties: Record<string, unknown>): R;
  toHaveProvider(provider: TerraformConstructClass): R;
  toHaveProviderWithProperties(provider: TerraformConstructClass, properties: Record<string, unknown>): R;
  toBeValidTerraform(): R;
}

declare module "vitest" {
  interface Assertion<T = any> extends CdktfMatchers<T> {}
  interface AsymmetricMatchersContaining extends CdktfMatchers {}
}
