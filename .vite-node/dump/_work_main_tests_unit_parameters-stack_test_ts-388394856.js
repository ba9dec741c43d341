// /work/main/__tests__/unit/parameters-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/ssm-parameter", {"importedNames":["SsmParameter"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ENVIRONMENTS"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/dist/test-modules/shims/stacks/parameters-stack.cjs", {"importedNames":["UNSET_SECURE_VALUE"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("/__tests__/support/optional-sections.ts", {"importedNames":["guardrailErrors","synthWithOptionalSections"]});
const __vite_ssr_import_5__ = await __vite_ssr_import__("/__tests__/support/remote-state.ts", {"importedNames":["remoteOutputRef","remoteStateSources"]});
const __vite_ssr_import_6__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["resourcesOf","synthEnvironment"]});







__vite_ssr_import_1__.describe.each(["dev", "prod"])("%s parameters stack (sections added)", (env) => {
  const synth = (0,__vite_ssr_import_4__.synthWithOptionalSections)(env);
  const stack = synth.stack("parameters");
  const parameters = (0,__vite_ssr_import_6__.resourcesOf)(stack, "aws_ssm_parameter");
  const secure = Object.values(parameters).filter((p) => p.type === "SecureString");
  (0,__vite_ssr_import_1__.it)("names each parameter /<project>/<env>/<name>", () => {
    (0,__vite_ssr_import_1__.expect)(Object.values(parameters).map((p) => p.name).sort()).toEqual(
      ["livekit_url", "openai_api_key", "salesforce_client_id"].map((name) => `/voice-ai/${env}/${name}`)
    );
  });
  (0,__vite_ssr_import_1__.it)("encrypts every SecureString with the parameters CMK of secrets-kms", () => {
    (0,__vite_ssr_import_1__.expect)(secure).toHaveLength(2);
    for (const parameter of secure) {
      (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_5__.remoteOutputRef)(synth, parameter.key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.parameters_key.arn}" });
    };
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_5__.remoteStateSources)(synth, stack)).toEqual(["secrets-kms"]);
    const key = (0,__vite_ssr_import_6__.resourcesOf)(synth.stack("secrets-kms"), "aws_kms_key").parameters_key;
    (0,__vite_ssr_import_1__.expect)(key.enable_key_rotation).toBe(true);
  });
  (0,__vite_ssr_import_1__.it)("writes SecureStrings only through the write-only argument, with the documented marker", () => {
    (0,__vite_ssr_import_1__.expect)(stack.text).toHaveResourceWithProperties((0,__vite_ssr_import_0__.SsmParameter), {
      name: `/voice-ai/${env}/openai_api_key`,
      type: "SecureString",
      value_wo: __vite_ssr_import_3__.UNSET_SECURE_VALUE,
      value_wo_version: 1
    });
    for (const parameter of secure) {
      (0,__vite_ssr_import_1__.expect)(parameter.value).toBeUndefined();
      (0,__vite_ssr_import_1__.expect)(parameter.insecure_value).toBeUndefined();
      (0,__vite_ssr_import_1__.expect)(parameter.value_wo).toBe((0,__vite_ssr_import_3__.UNSET_SECURE_VALUE));
    }
  });
  (0,__vite_ssr_import_1__.it)("has no plaintext value in the synthesized JSON but the non-secret String's", () => {
    const values = [...stack.text.matchAll(/"(value|insecure_value)":\s*"([^"]*)"/g)].map((m) => m[2]);
    (0,__vite_ssr_import_1__.expect)(values).toEqual(["wss://saprism.livekit.cloud"]);
    (0,__vite_ssr_import_1__.expect)(parameters.livekit_url).toEqual(__vite_ssr_import_1__.expect.objectContaining({ type: "String", value: "wss://saprism.livekit.cloud" }));
    (0,__vite_ssr_import_1__.expect)(parameters.livekit_url.key_id).toBeUndefined();
    (0,__vite_ssr_import_1__.expect)(stack.json.output ?? {}).toEqual({});
  });
  (0,__vite_ssr_import_1__.it)("passes the guardrails with zero errors", () => {
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_4__.guardrailErrors)(synth, "parameters")).toEqual([]);
  });
});
__vite_ssr_import_1__.describe.each(Object.keys((0,__vite_ssr_import_2__.ENVIRONMENTS)))("%s as shipped", (env) => {
  const synth = (0,__vite_ssr_import_6__.synthEnvironment)(env);
  (0,__vite_ssr_import_1__.it)("has no parameters stack and no parameters key", () => {
    (0,__vite_ssr_import_1__.expect)(synth.stackIds).not.toContain(`${env}-parameters`);
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_6__.resourcesOf)(synth.stack("secrets-kms"), "aws_kms_key").parameters_key).toBeUndefined();
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7Ozs7Ozs7O0FBRUEsK0JBQVMsS0FBSyxDQUFDLE9BQU8sTUFBTSxDQUFDLEVBQUUsd0NBQXdDLENBQUMsUUFBUTtBQUM5RSxRQUFNLFdBQVEsaURBQTBCLEdBQUc7QUFDM0MsUUFBTSxRQUFRLE1BQU0sTUFBTSxZQUFZO0FBQ3RDLFFBQU0sZ0JBQWEsbUNBQVksT0FBTyxtQkFBbUI7QUFDekQsUUFBTSxTQUFTLE9BQU8sT0FBTyxVQUFVLEVBQUUsT0FBTyxDQUFDLE1BQU0sRUFBRSxTQUFTLGNBQWM7QUFFaEYsK0JBQUcsZ0RBQWdELE1BQU07QUFDdkQscUNBQU8sT0FBTyxPQUFPLFVBQVUsRUFBRSxJQUFJLENBQUMsTUFBTSxFQUFFLElBQUksRUFBRSxLQUFLLENBQUMsRUFBRTtBQUFBLE1BQzFELENBQUMsZUFBZSxrQkFBa0Isc0JBQXNCLEVBQUUsSUFBSSxDQUFDLFNBQVMsYUFBYSxHQUFHLElBQUksSUFBSSxFQUFFO0FBQUEsSUFDcEc7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRyxzRUFBc0UsTUFBTTtBQUM3RSxxQ0FBTyxNQUFNLEVBQUUsYUFBYSxDQUFDO0FBQzdCLGVBQVcsYUFBYSxRQUFRO0FBQzlCLDBDQUFPLHVDQUFnQixPQUFPLFVBQVUsTUFBTSxDQUFDLEVBQUUsUUFBUSxFQUFFLE9BQU8sZUFBZSxPQUFPLG9DQUFvQyxDQUFDO0FBQUEsSUFDL0g7QUFDQSx3Q0FBTywwQ0FBbUIsT0FBTyxLQUFLLENBQUMsRUFBRSxRQUFRLENBQUMsYUFBYSxDQUFDO0FBQ2hFLFVBQU0sU0FBTSxtQ0FBWSxNQUFNLE1BQU0sYUFBYSxHQUFHLGFBQWEsRUFBRTtBQUNuRSxxQ0FBTyxJQUFJLG1CQUFtQixFQUFFLEtBQUssSUFBSTtBQUFBLEVBQzNDLENBQUM7QUFFRCwrQkFBRyx5RkFBeUYsTUFBTTtBQUNoRyxxQ0FBTyxNQUFNLElBQUksRUFBRSxnQ0FBNkIscUNBQWM7QUFBQSxNQUM1RCxNQUFNLGFBQWEsR0FBRztBQUFBLE1BQ3RCLE1BQU07QUFBQSxNQUNOLFVBQVU7QUFBQSxNQUNWLGtCQUFrQjtBQUFBLElBQ3BCLENBQUM7QUFDRCxlQUFXLGFBQWEsUUFBUTtBQUM5Qix1Q0FBTyxVQUFVLEtBQUssRUFBRSxjQUFjO0FBQ3RDLHVDQUFPLFVBQVUsY0FBYyxFQUFFLGNBQWM7QUFDL0MsdUNBQU8sVUFBVSxRQUFRLEVBQUUsUUFBSyx5Q0FBa0I7QUFBQSxJQUNwRDtBQUFBLEVBQ0YsQ0FBQztBQUVELCtCQUFHLDhFQUE4RSxNQUFNO0FBQ3JGLFVBQU0sU0FBUyxDQUFDLEdBQUcsTUFBTSxLQUFLLFNBQVMsd0NBQXdDLENBQUMsRUFBRSxJQUFJLENBQUMsTUFBTSxFQUFFLENBQUMsQ0FBQztBQUNqRyxxQ0FBTyxNQUFNLEVBQUUsUUFBUSxDQUFDLDZCQUE2QixDQUFDO0FBQ3RELHFDQUFPLFdBQVcsV0FBVyxFQUFFLFFBQVEsNkJBQU8saUJBQWlCLEVBQUUsTUFBTSxVQUFVLE9BQU8sOEJBQThCLENBQUMsQ0FBQztBQUN4SCxxQ0FBTyxXQUFXLFlBQVksTUFBTSxFQUFFLGNBQWM7QUFDcEQscUNBQU8sTUFBTSxLQUFLLFVBQVUsQ0FBQyxDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUM1QyxDQUFDO0FBRUQsK0JBQUcsMENBQTBDLE1BQU07QUFDakQsd0NBQU8sdUNBQWdCLE9BQU8sWUFBWSxDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUN6RCxDQUFDO0FBQ0gsQ0FBQztBQUVELCtCQUFTLEtBQUssT0FBTyxRQUFLLG1DQUFZLENBQUMsRUFBRSxpQkFBaUIsQ0FBQyxRQUFRO0FBQ2pFLFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUVsQywrQkFBRyxpREFBaUQsTUFBTTtBQUN4RCxxQ0FBTyxNQUFNLFFBQVEsRUFBRSxJQUFJLFVBQVUsR0FBRyxHQUFHLGFBQWE7QUFDeEQsd0NBQU8sbUNBQVksTUFBTSxNQUFNLGFBQWEsR0FBRyxhQUFhLEVBQUUsY0FBYyxFQUFFLGNBQWM7QUFBQSxFQUM5RixDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsicGFyYW1ldGVycy1zdGFjay50ZXN0LnRzIl0sInNvdXJjZXNDb250ZW50IjpbImltcG9ydCB7IFNzbVBhcmFtZXRlciB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zc20tcGFyYW1ldGVyXCI7XG5pbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IEVOVklST05NRU5UUyB9IGZyb20gXCIuLi8uLi9jb25maWdcIjtcbmltcG9ydCB7IFVOU0VUX1NFQ1VSRV9WQUxVRSB9IGZyb20gXCIuLi8uLi9zdGFja3MvcGFyYW1ldGVycy1zdGFja1wiO1xuaW1wb3J0IHsgZ3VhcmRyYWlsRXJyb3JzLCBzeW50aFdpdGhPcHRpb25hbFNlY3Rpb25zIH0gZnJvbSBcIi4uL3N1cHBvcnQvb3B0aW9uYWwtc2VjdGlvbnNcIjtcbmltcG9ydCB7IHJlbW90ZU91dHB1dFJlZiwgcmVtb3RlU3RhdGVTb3VyY2VzIH0gZnJvbSBcIi4uL3N1cHBvcnQvcmVtb3RlLXN0YXRlXCI7XG5pbXBvcnQgeyByZXNvdXJjZXNPZiwgc3ludGhFbnZpcm9ubWVudCB9IGZyb20gXCIuLi9zdXBwb3J0L3N5bnRoXCI7XG5cbmRlc2NyaWJlLmVhY2goW1wiZGV2XCIsIFwicHJvZFwiXSkoXCIlcyBwYXJhbWV0ZXJzIHN0YWNrIChzZWN0aW9ucyBhZGRlZClcIiwgKGVudikgPT4ge1xuICBjb25zdCBzeW50aCA9IHN5bnRoV2l0aE9wdGlvbmFsU2VjdGlvbnMoZW52KTtcbiAgY29uc3Qgc3RhY2sgPSBzeW50aC5zdGFjayhcInBhcmFtZXRlcnNcIik7XG4gIGNvbnN0IHBhcmFtZXRlcnMgPSByZXNvdXJjZXNPZihzdGFjaywgXCJhd3Nfc3NtX3BhcmFtZXRlclwiKTtcbiAgY29uc3Qgc2VjdXJlID0gT2JqZWN0LnZhbHVlcyhwYXJhbWV0ZXJzKS5maWx0ZXIoKHApID0+IHAudHlwZSA9PT0gXCJTZWN1cmVTdHJpbmdcIik7XG5cbiAgaXQoXCJuYW1lcyBlYWNoIHBhcmFtZXRlciAvPHByb2plY3Q+LzxlbnY+LzxuYW1lPlwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KE9iamVjdC52YWx1ZXMocGFyYW1ldGVycykubWFwKChwKSA9PiBwLm5hbWUpLnNvcnQoKSkudG9FcXVhbChcbiAgICAgIFtcImxpdmVraXRfdXJsXCIsIFwib3BlbmFpX2FwaV9rZXlcIiwgXCJzYWxlc2ZvcmNlX2NsaWVudF9pZFwiXS5tYXAoKG5hbWUpID0+IGAvdm9pY2UtYWkvJHtlbnZ9LyR7bmFtZX1gKSxcbiAgICApO1xuICB9KTtcblxuICBpdChcImVuY3J5cHRzIGV2ZXJ5IFNlY3VyZVN0cmluZyB3aXRoIHRoZSBwYXJhbWV0ZXJzIENNSyBvZiBzZWNyZXRzLWttc1wiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHNlY3VyZSkudG9IYXZlTGVuZ3RoKDIpO1xuICAgIGZvciAoY29uc3QgcGFyYW1ldGVyIG9mIHNlY3VyZSkge1xuICAgICAgZXhwZWN0KHJlbW90ZU91dHB1dFJlZihzeW50aCwgcGFyYW1ldGVyLmtleV9pZCkpLnRvRXF1YWwoeyBzdGFjazogXCJzZWNyZXRzLWttc1wiLCB2YWx1ZTogXCIke2F3c19rbXNfa2V5LnBhcmFtZXRlcnNfa2V5LmFybn1cIiB9KTtcbiAgICB9XG4gICAgZXhwZWN0KHJlbW90ZVN0YXRlU291cmNlcyhzeW50aCwgc3RhY2spKS50b0VxdWFsKFtcInNlY3JldHMta21zXCJdKTtcbiAgICBjb25zdCBrZXkgPSByZXNvdXJjZXNPZihzeW50aC5zdGFjayhcInNlY3JldHMta21zXCIpLCBcImF3c19rbXNfa2V5XCIpLnBhcmFtZXRlcnNfa2V5O1xuICAgIGV4cGVjdChrZXkuZW5hYmxlX2tleV9yb3RhdGlvbikudG9CZSh0cnVlKTtcbiAgfSk7XG5cbiAgaXQoXCJ3cml0ZXMgU2VjdXJlU3RyaW5ncyBvbmx5IHRocm91Z2ggdGhlIHdyaXRlLW9ubHkgYXJndW1lbnQsIHdpdGggdGhlIGRvY3VtZW50ZWQgbWFya2VyXCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3RhY2sudGV4dCkudG9IYXZlUmVzb3VyY2VXaXRoUHJvcGVydGllcyhTc21QYXJhbWV0ZXIsIHtcbiAgICAgIG5hbWU6IGAvdm9pY2UtYWkvJHtlbnZ9L29wZW5haV9hcGlfa2V5YCxcbiAgICAgIHR5cGU6IFwiU2VjdXJlU3RyaW5nXCIsXG4gICAgICB2YWx1ZV93bzogVU5TRVRfU0VDVVJFX1ZBTFVFLFxuICAgICAgdmFsdWVfd29fdmVyc2lvbjogMSxcbiAgICB9KTtcbiAgICBmb3IgKGNvbnN0IHBhcmFtZXRlciBvZiBzZWN1cmUpIHtcbiAgICAgIGV4cGVjdChwYXJhbWV0ZXIudmFsdWUpLnRvQmVVbmRlZmluZWQoKTtcbiAgICAgIGV4cGVjdChwYXJhbWV0ZXIuaW5zZWN1cmVfdmFsdWUpLnRvQmVVbmRlZmluZWQoKTtcbiAgICAgIGV4cGVjdChwYXJhbWV0ZXIudmFsdWVfd28pLnRvQmUoVU5TRVRfU0VDVVJFX1ZBTFVFKTtcbiAgICB9XG4gIH0pO1xuXG4gIGl0KFwiaGFzIG5vIHBsYWludGV4dCB2YWx1ZSBpbiB0aGUgc3ludGhlc2l6ZWQgSlNPTiBidXQgdGhlIG5vbi1zZWNyZXQgU3RyaW5nJ3NcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHZhbHVlcyA9IFsuLi5zdGFjay50ZXh0Lm1hdGNoQWxsKC9cIih2YWx1ZXxpbnNlY3VyZV92YWx1ZSlcIjpcXHMqXCIoW15cIl0qKVwiL2cpXS5tYXAoKG0pID0+IG1bMl0pO1xuICAgIGV4cGVjdCh2YWx1ZXMpLnRvRXF1YWwoW1wid3NzOi8vc2FwcmlzbS5saXZla2l0LmNsb3VkXCJdKTtcbiAgICBleHBlY3QocGFyYW1ldGVycy5saXZla2l0X3VybCkudG9FcXVhbChleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7IHR5cGU6IFwiU3RyaW5nXCIsIHZhbHVlOiBcIndzczovL3NhcHJpc20ubGl2ZWtpdC5jbG91ZFwiIH0pKTtcbiAgICBleHBlY3QocGFyYW1ldGVycy5saXZla2l0X3VybC5rZXlfaWQpLnRvQmVVbmRlZmluZWQoKTtcbiAgICBleHBlY3Qoc3RhY2suanNvbi5vdXRwdXQgPz8ge30pLnRvRXF1YWwoe30pO1xuICB9KTtcblxuICBpdChcInBhc3NlcyB0aGUgZ3VhcmRyYWlscyB3aXRoIHplcm8gZXJyb3JzXCIsICgpID0+IHtcbiAgICBleHBlY3QoZ3VhcmRyYWlsRXJyb3JzKHN5bnRoLCBcInBhcmFtZXRlcnNcIikpLnRvRXF1YWwoW10pO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZS5lYWNoKE9iamVjdC5rZXlzKEVOVklST05NRU5UUykpKFwiJXMgYXMgc2hpcHBlZFwiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuXG4gIGl0KFwiaGFzIG5vIHBhcmFtZXRlcnMgc3RhY2sgYW5kIG5vIHBhcmFtZXRlcnMga2V5XCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3ludGguc3RhY2tJZHMpLm5vdC50b0NvbnRhaW4oYCR7ZW52fS1wYXJhbWV0ZXJzYCk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN5bnRoLnN0YWNrKFwic2VjcmV0cy1rbXNcIiksIFwiYXdzX2ttc19rZXlcIikucGFyYW1ldGVyc19rZXkpLnRvQmVVbmRlZmluZWQoKTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9wYXJhbWV0ZXJzLXN0YWNrLnRlc3QudHMifQ==
