import { loadEnvironments } from "./config";
import { buildPlatformApp } from "./stacks/app";

buildPlatformApp({ configs: loadEnvironments() }).app.synth();
