import { loadBlueprints } from "./config";
import { synthesizePlatformApp } from "./stacks/app";

synthesizePlatformApp({ configs: loadBlueprints() });
