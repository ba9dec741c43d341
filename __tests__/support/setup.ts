import { Testing } from "cdktf";

// cdktf captures a full stack trace for every token it creates, only to quote it if that token later fails to
// resolve; that was a third of construct time. The bundle drops them the same way (scripts/build.mjs).
// CDKTF_TOKEN_STACK_TRACES=1 brings them back when such an error needs its creation stack.
if (!process.env.CDKTF_TOKEN_STACK_TRACES) {
  (require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: () => string[] }).captureStackTrace = () => [];
}

// Registers toHaveResource, toHaveResourceWithProperties, toHaveDataSource, ... on vitest's global expect.
Testing.setupJest();
