/**
 * cdktf 0.21's HCL renderer knows no `ephemeral` blocks, so `EphemeralResource` hands its HCL fragment over as a
 * data block carrying a marker, and this wrapper of the data-block renderer writes it as `ephemeral "<type>" ...`.
 * JSON synth does not pass through here. Checked by __tests__/unit/ephemeral-resource.test.ts.
 */
import { EPHEMERAL_HCL_MARKER } from "../constructs/ephemeral-resource";

type Rendered = { hcl: string; metadata: { data?: Record<string, unknown>; ephemeral?: Record<string, unknown> } };
type Blocks = Record<string, Record<string, Record<string, unknown>>>;

const renderModule = require("cdktf/lib/hcl/render") as Record<string, unknown>;
const renderDatasource = renderModule.renderDatasource as (blocks: Blocks) => Rendered;
if (typeof renderDatasource !== "function") throw new Error("cdktf/lib/hcl/render no longer exports renderDatasource(); revisit patches/ephemeral-hcl.ts");

renderModule.renderDatasource = (blocks: Blocks): Rendered => {
  const [type] = Object.keys(blocks);
  const [name] = Object.keys(blocks[type]);
  const { [EPHEMERAL_HCL_MARKER]: ephemeral, ...attributes } = blocks[type][name];
  if (!ephemeral) return renderDatasource(blocks);
  const rendered = renderDatasource({ [type]: { [name]: attributes } });
  return { hcl: rendered.hcl.replace(/^data "/, 'ephemeral "'), metadata: { ephemeral: rendered.metadata.data } };
};
