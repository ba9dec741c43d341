// /work/main/__tests__/unit/config-blueprints.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["BLUEPRINTS","ConfigError","loadBlueprints","parseEnvironmentConfig"]});


function parseEdited(blueprint, env, edit) {
  const raw = structuredClone(__vite_ssr_import_1__.BLUEPRINTS[blueprint][env]);
  edit(raw);
  return (0,__vite_ssr_import_1__.parseEnvironmentConfig)(raw, `${blueprint}/${env} (edited)`);
}
(0,__vite_ssr_import_0__.describe)("rules for components a blueprint leaves out or adds", () => {
  const cases = [
    [
      "a service reading the RDS master secret without a database",
      "voice-connect",
      "prod",
      (r) => r.services[0].secrets.DATABASE_PASSWORD = { secret: "rds-master", jsonKey: "password" },
      /services\.0\.secrets\.DATABASE_PASSWORD\.secret: needs the database section/
    ],
    [
      "a service reading the Redis URL without a cache",
      "voice-connect",
      "dev",
      (r) => r.services[0].secrets.REDIS_URL = { secret: "redis-url" },
      /services\.0\.secrets\.REDIS_URL\.secret: needs the cache section: redis-url exists only with Redis/
    ],
    [
      "recordings access without a recordings bucket",
      "voice-connect",
      "prod",
      (r) => r.services[0].recordings = { prefix: "calls/", access: "read" },
      /services\.0\.recordings: needs storage\.recordings: the environment has no recordings bucket/
    ],
    [
      "documents access without a documents bucket",
      "voice-ai",
      "dev",
      (r) => r.services[0].documents = { prefix: "docs/", access: "read" },
      /services\.0\.documents: needs storage\.documents/
    ],
    [
      "RDS alarm thresholds without a database",
      "voice-connect",
      "prod",
      (r) => r.observability.thresholds.rdsCpuPercent = 80,
      /observability\.thresholds\.rdsCpuPercent: has no effect without a database section; remove it/
    ],
    [
      "a cache without its Redis alarm thresholds",
      "saprism",
      "prod",
      (r) => delete r.observability.thresholds.redisEvictions,
      /observability\.thresholds\.redisEvictions: is required while the cache section is present/
    ],
    [
      "a partial isolated tier without database or cache",
      "voice-connect",
      "prod",
      (r) => r.network.databaseSubnetCidrs = ["10.0.20.0/24"],
      /network\.databaseSubnetCidrs: must have one subnet per availability zone \(2\), got 1 \(or none: there is no database or cache\)/
    ],
    [
      "no isolated tier for a database",
      "saprism",
      "staging",
      (r) => r.network.databaseSubnetCidrs = [],
      /network\.databaseSubnetCidrs: must have one subnet per availability zone \(2\), got 0$/m
    ],
    [
      "a service granted a table the dynamodb section lacks",
      "voice-connect",
      "prod",
      (r) => r.services[0].tables.push({ name: "call-audit", access: "read" }),
      /services\.0\.tables\.1\.name: names no table "call-audit"; known: handover-tokens/
    ],
    [
      "a service granted the same table twice",
      "voice-connect",
      "dev",
      (r) => r.services[0].tables.push({ name: "handover-tokens", access: "read" }),
      /services\.0\.tables\.1\.name: grants table "handover-tokens" twice/
    ],
    [
      "a service granted a table without a dynamodb section",
      "saprism",
      "dev",
      (r) => r.services[0].tables = [{ name: "sessions", access: "read" }],
      /services\.0\.tables\.0\.name: names table "sessions" but the dynamodb section is absent/
    ],
    [
      "a service setting the table variable it is also given",
      "voice-connect",
      "prod",
      (r) => r.services[0].environment.HANDOVER_TOKENS_TABLE = "tokens",
      /services\.0\.tables: sets HANDOVER_TOKENS_TABLE, which the service also defines in environment or secrets/
    ],
    [
      "a service reading parameters without a parameters section",
      "voice-connect",
      "prod",
      (r) => r.services[0].parameters = true,
      /services\.0\.parameters: needs the parameters section/
    ]
  ];
  __vite_ssr_import_0__.it.each(cases)("refuses %s", (_, blueprint, env, edit, message) => {
    (0,__vite_ssr_import_0__.expect)(() => parseEdited(blueprint, env, edit)).toThrow((0,__vite_ssr_import_1__.ConfigError));
    (0,__vite_ssr_import_0__.expect)(() => parseEdited(blueprint, env, edit)).toThrow(message);
  });
  (0,__vite_ssr_import_0__.it)("accepts an environment without database, cache, recordings or isolated tier (voice-connect as shipped)", () => {
    const config = parseEdited("voice-connect", "prod", () => {
    });
    (0,__vite_ssr_import_0__.expect)([config.database, config.cache, config.storage.recordings]).toEqual([void 0, void 0, void 0]);
    (0,__vite_ssr_import_0__.expect)(config.network.databaseSubnetCidrs).toEqual([]);
  });
});
(0,__vite_ssr_import_0__.describe)("loading blueprints", () => {
  (0,__vite_ssr_import_0__.it)("refuses a blueprint whose environment names another project or is listed under another name", () => {
    const registry = __vite_ssr_import_1__.BLUEPRINTS;
    registry["voice-bot"] = { dev: __vite_ssr_import_1__.BLUEPRINTS["voice-connect"].prod };
    try {
      (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_1__.loadBlueprints)("voice-bot", "")).toThrow(
        /config\/blueprints\/voice-bot\.ts \(dev\):\n {2}- project: must be "voice-bot", the name of its blueprint \(got "voice-connect"\)\n {2}- environment: must be "dev", the name it is listed under \(got "prod"\)/
      );
    } finally {
      delete registry["voice-bot"];
    }
  });
  (0,__vite_ssr_import_0__.it)("ignores repeated and empty names in the comma lists", () => {
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_1__.loadBlueprints)("saprism,,saprism", " prod, prod ").map((c) => `${c.project}/${c.environment}`)).toEqual(["saprism/prod"]);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTs7O0FBR0EsU0FBUyxZQUFZLFdBQW1CLEtBQWEsTUFBMEI7QUFDN0UsUUFBTSxNQUFNLGdCQUFnQixpQ0FBVyxTQUFTLEVBQUUsR0FBRyxDQUFDO0FBQ3RELE9BQUssR0FBRztBQUNSLFlBQU8sOENBQXVCLEtBQUssR0FBRyxTQUFTLElBQUksR0FBRyxXQUFXO0FBQ25FO0dBRUEsZ0NBQVMsdURBQXVELE1BQU07QUFDcEUsUUFBTSxRQUFnRTtBQUFBLElBQ3BFO0FBQUEsTUFDRTtBQUFBLE1BQ0E7QUFBQSxNQUNBO0FBQUEsTUFDQSxDQUFDLE1BQU8sRUFBRSxTQUFTLENBQUMsRUFBRSxRQUFRLG9CQUFvQixFQUFFLFFBQVEsY0FBYyxTQUFTLFdBQVc7QUFBQSxNQUM5RjtBQUFBLElBQ0Y7QUFBQSxJQUNBO0FBQUEsTUFDRTtBQUFBLE1BQ0E7QUFBQSxNQUNBO0FBQUEsTUFDQSxDQUFDLE1BQU8sRUFBRSxTQUFTLENBQUMsRUFBRSxRQUFRLFlBQVksRUFBRSxRQUFRLFlBQVk7QUFBQSxNQUNoRTtBQUFBLElBQ0Y7QUFBQSxJQUNBO0FBQUEsTUFDRTtBQUFBLE1BQ0E7QUFBQSxNQUNBO0FBQUEsTUFDQSxDQUFDLE1BQU8sRUFBRSxTQUFTLENBQUMsRUFBRSxhQUFhLEVBQUUsUUFBUSxVQUFVLFFBQVEsT0FBTztBQUFBLE1BQ3RFO0FBQUEsSUFDRjtBQUFBLElBQ0E7QUFBQSxNQUNFO0FBQUEsTUFDQTtBQUFBLE1BQ0E7QUFBQSxNQUNBLENBQUMsTUFBTyxFQUFFLFNBQVMsQ0FBQyxFQUFFLFlBQVksRUFBRSxRQUFRLFNBQVMsUUFBUSxPQUFPO0FBQUEsTUFDcEU7QUFBQSxJQUNGO0FBQUEsSUFDQTtBQUFBLE1BQ0U7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLE1BQ0EsQ0FBQyxNQUFPLEVBQUUsY0FBYyxXQUFXLGdCQUFnQjtBQUFBLE1BQ25EO0FBQUEsSUFDRjtBQUFBLElBQ0E7QUFBQSxNQUNFO0FBQUEsTUFDQTtBQUFBLE1BQ0E7QUFBQSxNQUNBLENBQUMsTUFBTSxPQUFPLEVBQUUsY0FBYyxXQUFXO0FBQUEsTUFDekM7QUFBQSxJQUNGO0FBQUEsSUFDQTtBQUFBLE1BQ0U7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLE1BQ0EsQ0FBQyxNQUFPLEVBQUUsUUFBUSxzQkFBc0IsQ0FBQyxjQUFjO0FBQUEsTUFDdkQ7QUFBQSxJQUNGO0FBQUEsSUFDQTtBQUFBLE1BQ0U7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLE1BQ0EsQ0FBQyxNQUFPLEVBQUUsUUFBUSxzQkFBc0IsQ0FBQztBQUFBLE1BQ3pDO0FBQUEsSUFDRjtBQUFBLElBQ0E7QUFBQSxNQUNFO0FBQUEsTUFDQTtBQUFBLE1BQ0E7QUFBQSxNQUNBLENBQUMsTUFBTSxFQUFFLFNBQVMsQ0FBQyxFQUFFLE9BQU8sS0FBSyxFQUFFLE1BQU0sY0FBYyxRQUFRLE9BQU8sQ0FBQztBQUFBLE1BQ3ZFO0FBQUEsSUFDRjtBQUFBLElBQ0E7QUFBQSxNQUNFO0FBQUEsTUFDQTtBQUFBLE1BQ0E7QUFBQSxNQUNBLENBQUMsTUFBTSxFQUFFLFNBQVMsQ0FBQyxFQUFFLE9BQU8sS0FBSyxFQUFFLE1BQU0sbUJBQW1CLFFBQVEsT0FBTyxDQUFDO0FBQUEsTUFDNUU7QUFBQSxJQUNGO0FBQUEsSUFDQTtBQUFBLE1BQ0U7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLE1BQ0EsQ0FBQyxNQUFPLEVBQUUsU0FBUyxDQUFDLEVBQUUsU0FBUyxDQUFDLEVBQUUsTUFBTSxZQUFZLFFBQVEsT0FBTyxDQUFDO0FBQUEsTUFDcEU7QUFBQSxJQUNGO0FBQUEsSUFDQTtBQUFBLE1BQ0U7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLE1BQ0EsQ0FBQyxNQUFPLEVBQUUsU0FBUyxDQUFDLEVBQUUsWUFBWSx3QkFBd0I7QUFBQSxNQUMxRDtBQUFBLElBQ0Y7QUFBQSxJQUNBO0FBQUEsTUFDRTtBQUFBLE1BQ0E7QUFBQSxNQUNBO0FBQUEsTUFDQSxDQUFDLE1BQU8sRUFBRSxTQUFTLENBQUMsRUFBRSxhQUFhO0FBQUEsTUFDbkM7QUFBQSxJQUNGO0FBQUEsRUFDRjtBQUVBLDJCQUFHLEtBQUssS0FBSyxFQUFFLGNBQWMsQ0FBQyxHQUFHLFdBQVcsS0FBSyxNQUFNLFlBQVk7QUFDakUscUNBQU8sTUFBTSxZQUFZLFdBQVcsS0FBSyxJQUFJLENBQUMsRUFBRSxXQUFRLGtDQUFXO0FBQ25FLHFDQUFPLE1BQU0sWUFBWSxXQUFXLEtBQUssSUFBSSxDQUFDLEVBQUUsUUFBUSxPQUFPO0FBQUEsRUFDakUsQ0FBQztBQUVELCtCQUFHLDBHQUEwRyxNQUFNO0FBQ2pILFVBQU0sU0FBUyxZQUFZLGlCQUFpQixRQUFRLE1BQU07QUFBQSxJQUFDLENBQUM7QUFDNUQscUNBQU8sQ0FBQyxPQUFPLFVBQVUsT0FBTyxPQUFPLE9BQU8sUUFBUSxVQUFVLENBQUMsRUFBRSxRQUFRLENBQUMsUUFBVyxRQUFXLE1BQVMsQ0FBQztBQUM1RyxxQ0FBTyxPQUFPLFFBQVEsbUJBQW1CLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUN2RCxDQUFDO0FBQ0gsQ0FBQztHQUVELGdDQUFTLHNCQUFzQixNQUFNO0FBQ25DLCtCQUFHLCtGQUErRixNQUFNO0FBQ3RHLFVBQU0sV0FBVztBQUNqQixhQUFTLFdBQVcsSUFBSSxFQUFFLEtBQUssaUNBQVcsZUFBZSxFQUFFLEtBQUs7QUFDaEUsUUFBSTtBQUNGLHVDQUFPLFNBQU0sc0NBQWUsYUFBYSxFQUFFLENBQUMsRUFBRTtBQUFBLFFBQzVDO0FBQUEsTUFDRjtBQUFBLElBQ0YsVUFBRTtBQUNBLGFBQU8sU0FBUyxXQUFXO0FBQUEsSUFDN0I7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRyx1REFBdUQsTUFBTTtBQUM5RCx3Q0FBTyxzQ0FBZSxvQkFBb0IsY0FBYyxFQUFFLElBQUksQ0FBQyxNQUFNLEdBQUcsRUFBRSxPQUFPLElBQUksRUFBRSxXQUFXLEVBQUUsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxjQUFjLENBQUM7QUFBQSxFQUNqSSxDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsiY29uZmlnLWJsdWVwcmludHMudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IEJMVUVQUklOVFMsIENvbmZpZ0Vycm9yLCBsb2FkQmx1ZXByaW50cywgcGFyc2VFbnZpcm9ubWVudENvbmZpZyB9IGZyb20gXCIuLi8uLi9jb25maWdcIjtcblxuLyoqIEEgYmx1ZXByaW50IGVudmlyb25tZW50J3MgcmF3IGNvbmZpZyBhZnRlciBgZWRpdGAsIHBhcnNlZC4gKi9cbmZ1bmN0aW9uIHBhcnNlRWRpdGVkKGJsdWVwcmludDogc3RyaW5nLCBlbnY6IHN0cmluZywgZWRpdDogKHJhdzogYW55KSA9PiB2b2lkKSB7XG4gIGNvbnN0IHJhdyA9IHN0cnVjdHVyZWRDbG9uZShCTFVFUFJJTlRTW2JsdWVwcmludF1bZW52XSkgYXMgYW55O1xuICBlZGl0KHJhdyk7XG4gIHJldHVybiBwYXJzZUVudmlyb25tZW50Q29uZmlnKHJhdywgYCR7Ymx1ZXByaW50fS8ke2Vudn0gKGVkaXRlZClgKTtcbn1cblxuZGVzY3JpYmUoXCJydWxlcyBmb3IgY29tcG9uZW50cyBhIGJsdWVwcmludCBsZWF2ZXMgb3V0IG9yIGFkZHNcIiwgKCkgPT4ge1xuICBjb25zdCBjYXNlczogW3N0cmluZywgc3RyaW5nLCBzdHJpbmcsIChyYXc6IGFueSkgPT4gdm9pZCwgUmVnRXhwXVtdID0gW1xuICAgIFtcbiAgICAgIFwiYSBzZXJ2aWNlIHJlYWRpbmcgdGhlIFJEUyBtYXN0ZXIgc2VjcmV0IHdpdGhvdXQgYSBkYXRhYmFzZVwiLFxuICAgICAgXCJ2b2ljZS1jb25uZWN0XCIsXG4gICAgICBcInByb2RcIixcbiAgICAgIChyKSA9PiAoci5zZXJ2aWNlc1swXS5zZWNyZXRzLkRBVEFCQVNFX1BBU1NXT1JEID0geyBzZWNyZXQ6IFwicmRzLW1hc3RlclwiLCBqc29uS2V5OiBcInBhc3N3b3JkXCIgfSksXG4gICAgICAvc2VydmljZXNcXC4wXFwuc2VjcmV0c1xcLkRBVEFCQVNFX1BBU1NXT1JEXFwuc2VjcmV0OiBuZWVkcyB0aGUgZGF0YWJhc2Ugc2VjdGlvbi8sXG4gICAgXSxcbiAgICBbXG4gICAgICBcImEgc2VydmljZSByZWFkaW5nIHRoZSBSZWRpcyBVUkwgd2l0aG91dCBhIGNhY2hlXCIsXG4gICAgICBcInZvaWNlLWNvbm5lY3RcIixcbiAgICAgIFwiZGV2XCIsXG4gICAgICAocikgPT4gKHIuc2VydmljZXNbMF0uc2VjcmV0cy5SRURJU19VUkwgPSB7IHNlY3JldDogXCJyZWRpcy11cmxcIiB9KSxcbiAgICAgIC9zZXJ2aWNlc1xcLjBcXC5zZWNyZXRzXFwuUkVESVNfVVJMXFwuc2VjcmV0OiBuZWVkcyB0aGUgY2FjaGUgc2VjdGlvbjogcmVkaXMtdXJsIGV4aXN0cyBvbmx5IHdpdGggUmVkaXMvLFxuICAgIF0sXG4gICAgW1xuICAgICAgXCJyZWNvcmRpbmdzIGFjY2VzcyB3aXRob3V0IGEgcmVjb3JkaW5ncyBidWNrZXRcIixcbiAgICAgIFwidm9pY2UtY29ubmVjdFwiLFxuICAgICAgXCJwcm9kXCIsXG4gICAgICAocikgPT4gKHIuc2VydmljZXNbMF0ucmVjb3JkaW5ncyA9IHsgcHJlZml4OiBcImNhbGxzL1wiLCBhY2Nlc3M6IFwicmVhZFwiIH0pLFxuICAgICAgL3NlcnZpY2VzXFwuMFxcLnJlY29yZGluZ3M6IG5lZWRzIHN0b3JhZ2VcXC5yZWNvcmRpbmdzOiB0aGUgZW52aXJvbm1lbnQgaGFzIG5vIHJlY29yZGluZ3MgYnVja2V0LyxcbiAgICBdLFxuICAgIFtcbiAgICAgIFwiZG9jdW1lbnRzIGFjY2VzcyB3aXRob3V0IGEgZG9jdW1lbnRzIGJ1Y2tldFwiLFxuICAgICAgXCJ2b2ljZS1haVwiLFxuICAgICAgXCJkZXZcIixcbiAgICAgIChyKSA9PiAoci5zZXJ2aWNlc1swXS5kb2N1bWVudHMgPSB7IHByZWZpeDogXCJkb2NzL1wiLCBhY2Nlc3M6IFwicmVhZFwiIH0pLFxuICAgICAgL3NlcnZpY2VzXFwuMFxcLmRvY3VtZW50czogbmVlZHMgc3RvcmFnZVxcLmRvY3VtZW50cy8sXG4gICAgXSxcbiAgICBbXG4gICAgICBcIlJEUyBhbGFybSB0aHJlc2hvbGRzIHdpdGhvdXQgYSBkYXRhYmFzZVwiLFxuICAgICAgXCJ2b2ljZS1jb25uZWN0XCIsXG4gICAgICBcInByb2RcIixcbiAgICAgIChyKSA9PiAoci5vYnNlcnZhYmlsaXR5LnRocmVzaG9sZHMucmRzQ3B1UGVyY2VudCA9IDgwKSxcbiAgICAgIC9vYnNlcnZhYmlsaXR5XFwudGhyZXNob2xkc1xcLnJkc0NwdVBlcmNlbnQ6IGhhcyBubyBlZmZlY3Qgd2l0aG91dCBhIGRhdGFiYXNlIHNlY3Rpb247IHJlbW92ZSBpdC8sXG4gICAgXSxcbiAgICBbXG4gICAgICBcImEgY2FjaGUgd2l0aG91dCBpdHMgUmVkaXMgYWxhcm0gdGhyZXNob2xkc1wiLFxuICAgICAgXCJzYXByaXNtXCIsXG4gICAgICBcInByb2RcIixcbiAgICAgIChyKSA9PiBkZWxldGUgci5vYnNlcnZhYmlsaXR5LnRocmVzaG9sZHMucmVkaXNFdmljdGlvbnMsXG4gICAgICAvb2JzZXJ2YWJpbGl0eVxcLnRocmVzaG9sZHNcXC5yZWRpc0V2aWN0aW9uczogaXMgcmVxdWlyZWQgd2hpbGUgdGhlIGNhY2hlIHNlY3Rpb24gaXMgcHJlc2VudC8sXG4gICAgXSxcbiAgICBbXG4gICAgICBcImEgcGFydGlhbCBpc29sYXRlZCB0aWVyIHdpdGhvdXQgZGF0YWJhc2Ugb3IgY2FjaGVcIixcbiAgICAgIFwidm9pY2UtY29ubmVjdFwiLFxuICAgICAgXCJwcm9kXCIsXG4gICAgICAocikgPT4gKHIubmV0d29yay5kYXRhYmFzZVN1Ym5ldENpZHJzID0gW1wiMTAuMC4yMC4wLzI0XCJdKSxcbiAgICAgIC9uZXR3b3JrXFwuZGF0YWJhc2VTdWJuZXRDaWRyczogbXVzdCBoYXZlIG9uZSBzdWJuZXQgcGVyIGF2YWlsYWJpbGl0eSB6b25lIFxcKDJcXCksIGdvdCAxIFxcKG9yIG5vbmU6IHRoZXJlIGlzIG5vIGRhdGFiYXNlIG9yIGNhY2hlXFwpLyxcbiAgICBdLFxuICAgIFtcbiAgICAgIFwibm8gaXNvbGF0ZWQgdGllciBmb3IgYSBkYXRhYmFzZVwiLFxuICAgICAgXCJzYXByaXNtXCIsXG4gICAgICBcInN0YWdpbmdcIixcbiAgICAgIChyKSA9PiAoci5uZXR3b3JrLmRhdGFiYXNlU3VibmV0Q2lkcnMgPSBbXSksXG4gICAgICAvbmV0d29ya1xcLmRhdGFiYXNlU3VibmV0Q2lkcnM6IG11c3QgaGF2ZSBvbmUgc3VibmV0IHBlciBhdmFpbGFiaWxpdHkgem9uZSBcXCgyXFwpLCBnb3QgMCQvbSxcbiAgICBdLFxuICAgIFtcbiAgICAgIFwiYSBzZXJ2aWNlIGdyYW50ZWQgYSB0YWJsZSB0aGUgZHluYW1vZGIgc2VjdGlvbiBsYWNrc1wiLFxuICAgICAgXCJ2b2ljZS1jb25uZWN0XCIsXG4gICAgICBcInByb2RcIixcbiAgICAgIChyKSA9PiByLnNlcnZpY2VzWzBdLnRhYmxlcy5wdXNoKHsgbmFtZTogXCJjYWxsLWF1ZGl0XCIsIGFjY2VzczogXCJyZWFkXCIgfSksXG4gICAgICAvc2VydmljZXNcXC4wXFwudGFibGVzXFwuMVxcLm5hbWU6IG5hbWVzIG5vIHRhYmxlIFwiY2FsbC1hdWRpdFwiOyBrbm93bjogaGFuZG92ZXItdG9rZW5zLyxcbiAgICBdLFxuICAgIFtcbiAgICAgIFwiYSBzZXJ2aWNlIGdyYW50ZWQgdGhlIHNhbWUgdGFibGUgdHdpY2VcIixcbiAgICAgIFwidm9pY2UtY29ubmVjdFwiLFxuICAgICAgXCJkZXZcIixcbiAgICAgIChyKSA9PiByLnNlcnZpY2VzWzBdLnRhYmxlcy5wdXNoKHsgbmFtZTogXCJoYW5kb3Zlci10b2tlbnNcIiwgYWNjZXNzOiBcInJlYWRcIiB9KSxcbiAgICAgIC9zZXJ2aWNlc1xcLjBcXC50YWJsZXNcXC4xXFwubmFtZTogZ3JhbnRzIHRhYmxlIFwiaGFuZG92ZXItdG9rZW5zXCIgdHdpY2UvLFxuICAgIF0sXG4gICAgW1xuICAgICAgXCJhIHNlcnZpY2UgZ3JhbnRlZCBhIHRhYmxlIHdpdGhvdXQgYSBkeW5hbW9kYiBzZWN0aW9uXCIsXG4gICAgICBcInNhcHJpc21cIixcbiAgICAgIFwiZGV2XCIsXG4gICAgICAocikgPT4gKHIuc2VydmljZXNbMF0udGFibGVzID0gW3sgbmFtZTogXCJzZXNzaW9uc1wiLCBhY2Nlc3M6IFwicmVhZFwiIH1dKSxcbiAgICAgIC9zZXJ2aWNlc1xcLjBcXC50YWJsZXNcXC4wXFwubmFtZTogbmFtZXMgdGFibGUgXCJzZXNzaW9uc1wiIGJ1dCB0aGUgZHluYW1vZGIgc2VjdGlvbiBpcyBhYnNlbnQvLFxuICAgIF0sXG4gICAgW1xuICAgICAgXCJhIHNlcnZpY2Ugc2V0dGluZyB0aGUgdGFibGUgdmFyaWFibGUgaXQgaXMgYWxzbyBnaXZlblwiLFxuICAgICAgXCJ2b2ljZS1jb25uZWN0XCIsXG4gICAgICBcInByb2RcIixcbiAgICAgIChyKSA9PiAoci5zZXJ2aWNlc1swXS5lbnZpcm9ubWVudC5IQU5ET1ZFUl9UT0tFTlNfVEFCTEUgPSBcInRva2Vuc1wiKSxcbiAgICAgIC9zZXJ2aWNlc1xcLjBcXC50YWJsZXM6IHNldHMgSEFORE9WRVJfVE9LRU5TX1RBQkxFLCB3aGljaCB0aGUgc2VydmljZSBhbHNvIGRlZmluZXMgaW4gZW52aXJvbm1lbnQgb3Igc2VjcmV0cy8sXG4gICAgXSxcbiAgICBbXG4gICAgICBcImEgc2VydmljZSByZWFkaW5nIHBhcmFtZXRlcnMgd2l0aG91dCBhIHBhcmFtZXRlcnMgc2VjdGlvblwiLFxuICAgICAgXCJ2b2ljZS1jb25uZWN0XCIsXG4gICAgICBcInByb2RcIixcbiAgICAgIChyKSA9PiAoci5zZXJ2aWNlc1swXS5wYXJhbWV0ZXJzID0gdHJ1ZSksXG4gICAgICAvc2VydmljZXNcXC4wXFwucGFyYW1ldGVyczogbmVlZHMgdGhlIHBhcmFtZXRlcnMgc2VjdGlvbi8sXG4gICAgXSxcbiAgXTtcblxuICBpdC5lYWNoKGNhc2VzKShcInJlZnVzZXMgJXNcIiwgKF8sIGJsdWVwcmludCwgZW52LCBlZGl0LCBtZXNzYWdlKSA9PiB7XG4gICAgZXhwZWN0KCgpID0+IHBhcnNlRWRpdGVkKGJsdWVwcmludCwgZW52LCBlZGl0KSkudG9UaHJvdyhDb25maWdFcnJvcik7XG4gICAgZXhwZWN0KCgpID0+IHBhcnNlRWRpdGVkKGJsdWVwcmludCwgZW52LCBlZGl0KSkudG9UaHJvdyhtZXNzYWdlKTtcbiAgfSk7XG5cbiAgaXQoXCJhY2NlcHRzIGFuIGVudmlyb25tZW50IHdpdGhvdXQgZGF0YWJhc2UsIGNhY2hlLCByZWNvcmRpbmdzIG9yIGlzb2xhdGVkIHRpZXIgKHZvaWNlLWNvbm5lY3QgYXMgc2hpcHBlZClcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGNvbmZpZyA9IHBhcnNlRWRpdGVkKFwidm9pY2UtY29ubmVjdFwiLCBcInByb2RcIiwgKCkgPT4ge30pO1xuICAgIGV4cGVjdChbY29uZmlnLmRhdGFiYXNlLCBjb25maWcuY2FjaGUsIGNvbmZpZy5zdG9yYWdlLnJlY29yZGluZ3NdKS50b0VxdWFsKFt1bmRlZmluZWQsIHVuZGVmaW5lZCwgdW5kZWZpbmVkXSk7XG4gICAgZXhwZWN0KGNvbmZpZy5uZXR3b3JrLmRhdGFiYXNlU3VibmV0Q2lkcnMpLnRvRXF1YWwoW10pO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZShcImxvYWRpbmcgYmx1ZXByaW50c1wiLCAoKSA9PiB7XG4gIGl0KFwicmVmdXNlcyBhIGJsdWVwcmludCB3aG9zZSBlbnZpcm9ubWVudCBuYW1lcyBhbm90aGVyIHByb2plY3Qgb3IgaXMgbGlzdGVkIHVuZGVyIGFub3RoZXIgbmFtZVwiLCAoKSA9PiB7XG4gICAgY29uc3QgcmVnaXN0cnkgPSBCTFVFUFJJTlRTIGFzIFJlY29yZDxzdHJpbmcsIFJlYWRvbmx5PFJlY29yZDxzdHJpbmcsIHVua25vd24+Pj47XG4gICAgcmVnaXN0cnlbXCJ2b2ljZS1ib3RcIl0gPSB7IGRldjogQkxVRVBSSU5UU1tcInZvaWNlLWNvbm5lY3RcIl0ucHJvZCB9O1xuICAgIHRyeSB7XG4gICAgICBleHBlY3QoKCkgPT4gbG9hZEJsdWVwcmludHMoXCJ2b2ljZS1ib3RcIiwgXCJcIikpLnRvVGhyb3coXG4gICAgICAgIC9jb25maWdcXC9ibHVlcHJpbnRzXFwvdm9pY2UtYm90XFwudHMgXFwoZGV2XFwpOlxcbiB7Mn0tIHByb2plY3Q6IG11c3QgYmUgXCJ2b2ljZS1ib3RcIiwgdGhlIG5hbWUgb2YgaXRzIGJsdWVwcmludCBcXChnb3QgXCJ2b2ljZS1jb25uZWN0XCJcXClcXG4gezJ9LSBlbnZpcm9ubWVudDogbXVzdCBiZSBcImRldlwiLCB0aGUgbmFtZSBpdCBpcyBsaXN0ZWQgdW5kZXIgXFwoZ290IFwicHJvZFwiXFwpLyxcbiAgICAgICk7XG4gICAgfSBmaW5hbGx5IHtcbiAgICAgIGRlbGV0ZSByZWdpc3RyeVtcInZvaWNlLWJvdFwiXTtcbiAgICB9XG4gIH0pO1xuXG4gIGl0KFwiaWdub3JlcyByZXBlYXRlZCBhbmQgZW1wdHkgbmFtZXMgaW4gdGhlIGNvbW1hIGxpc3RzXCIsICgpID0+IHtcbiAgICBleHBlY3QobG9hZEJsdWVwcmludHMoXCJzYXByaXNtLCxzYXByaXNtXCIsIFwiIHByb2QsIHByb2QgXCIpLm1hcCgoYykgPT4gYCR7Yy5wcm9qZWN0fS8ke2MuZW52aXJvbm1lbnR9YCkpLnRvRXF1YWwoW1wic2FwcmlzbS9wcm9kXCJdKTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9jb25maWctYmx1ZXByaW50cy50ZXN0LnRzIn0=
