import { loadEnvironments } from "./config";
import { synthesizePlatformApp } from "./stacks/app";

synthesizePlatformApp({ configs: loadEnvironments() });
