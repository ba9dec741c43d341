/**
 * cdktf 0.21's HCL renderer knows no `ephemeral` blocks, so `EphemeralResource` hands its HCL fragment over as a
 * data block carrying a marker, and this wrapper of the data-block renderer writes it as `ephemeral "<type>" ...`.
 * JSON synth does not pass through here. A fix, not a speed-up: on whatever VOICE_INFRA_NO_SPEEDUPS says.
 * Checked by __tests__/unit/ephemeral-resource.test.ts.
 */
import { EPHEMERAL_HCL_MARKER } from "../constructs/ephemeral-resource";
import type { RuntimePatch } from "./install";

type Rendered = { hcl: string; metadata: { data?: Record<string, unknown>; ephemeral?: Record<string, unknown> } };
type Blocks = Record<string, Record<string, Record<string, unknown>>>;

const RENDER_MODULE = "cdktf/lib/hcl/render";

/** The patch: `renderDatasource` wrapped (install it after hcl-quoting, whose fixed renderer it then wraps). */
export function ephemeralHclPatch(moduleExports: Record<string, unknown> = require("cdktf/lib/hcl/render") as Record<string, unknown>): RuntimePatch {
  return {
    name: "ephemeral-hcl",
    module: RENDER_MODULE,
    exports: moduleExports,
    replaces: ["renderDatasource"],
    replace: (originals) => {
      const renderDatasource = originals.renderDatasource as (blocks: Blocks) => Rendered;
      const renderEphemeralOrData = (blocks: Blocks): Rendered => {
        const [type] = Object.keys(blocks);
        const [name] = Object.keys(blocks[type]);
        const { [EPHEMERAL_HCL_MARKER]: ephemeral, ...attributes } = blocks[type][name];
        if (!ephemeral) return renderDatasource(blocks);
        const rendered = renderDatasource({ [type]: { [name]: attributes } });
        return { hcl: rendered.hcl.replace(/^data "/, 'ephemeral "'), metadata: { ephemeral: rendered.metadata.data } };
      };
      return { renderDatasource: renderEphemeralOrData };
    },
    verify: () => {
      const render = moduleExports.renderDatasource as (blocks: Blocks) => Rendered;
      const rendered = render({ t: { n: { [EPHEMERAL_HCL_MARKER]: true } } });
      return /^ephemeral "t" "n"/.test(rendered.hcl) && rendered.metadata.ephemeral
        ? undefined
        : `a marked data block rendered as ${JSON.stringify(rendered.hcl.split("\n")[0])}`;
    },
  };
}
