import "../../patches";
import { Testing } from "cdktf";

// Registers toHaveResource, toHaveResourceWithProperties, toHaveDataSource, ... on vitest's global expect.
Testing.setupJest();
