// /work/main/__tests__/unit/platform-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/provider", {"importedNames":["AwsProvider"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ENVIRONMENTS"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["synthEnvironment"]});




const envs = Object.keys((0,__vite_ssr_import_2__.ENVIRONMENTS));
__vite_ssr_import_1__.describe.each(envs)("%s: every stack's backend and provider", (env) => {
  const synth = (0,__vite_ssr_import_3__.synthEnvironment)(env);
  const { config } = synth;
  __vite_ssr_import_1__.it.each(synth.stackIds.filter((id) => !id.endsWith("-bootstrap")))("%s keeps encrypted, locked state under its own key", (id) => {
    const component = id.slice(env.length + 1);
    const backend = synth.stack(component).json.terraform.backend?.s3;
    (0,__vite_ssr_import_1__.expect)(backend).toEqual(
      __vite_ssr_import_1__.expect.objectContaining({
        bucket: config.stateBackend.bucket,
        region: config.stateBackend.region,
        key: `${config.project}/${env}/${component}.tfstate`,
        encrypt: true,
        dynamodb_table: config.stateBackend.lockTable
      })
    );
  });
  __vite_ssr_import_1__.it.each(synth.stackIds)("%s guards the account and tags everything", (id) => {
    const component = id.slice(env.length + 1);
    (0,__vite_ssr_import_1__.expect)(synth.stack(component).text).toHaveProviderWithProperties((0,__vite_ssr_import_0__.AwsProvider), {
      region: config.region,
      allowed_account_ids: [config.accountId],
      default_tags: [
        {
          tags: __vite_ssr_import_1__.expect.objectContaining({
            project: config.project,
            environment: env,
            component,
            "managed-by": "cdktf"
          })
        }
      ]
    });
  });
});
(0,__vite_ssr_import_1__.describe)("state keys", () => {
  (0,__vite_ssr_import_1__.it)("are unique across every stack of every environment", () => {
    const keys = envs.flatMap((env) => {
      const synth = (0,__vite_ssr_import_3__.synthEnvironment)(env);
      return synth.stackIds.map((id) => {
        const backend = synth.stack(id.slice(env.length + 1)).json.terraform.backend;
        return `${backend?.s3?.bucket ?? "local"}/${backend?.s3?.key ?? backend?.local?.path}`;
      });
    });
    (0,__vite_ssr_import_1__.expect)(new Set(keys).size).toBe(keys.length);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7Ozs7O0FBRUEsTUFBTSxPQUFPLE9BQU8sUUFBSyxtQ0FBWTtBQUVyQywrQkFBUyxLQUFLLElBQUksRUFBRSwwQ0FBMEMsQ0FBQyxRQUFRO0FBQ3JFLFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUNsQyxRQUFNLEVBQUUsT0FBTyxJQUFJO0FBRW5CLDJCQUFHLEtBQUssTUFBTSxTQUFTLE9BQU8sQ0FBQyxPQUFPLENBQUMsR0FBRyxTQUFTLFlBQVksQ0FBQyxDQUFDLEVBQUUsc0RBQXNELENBQUMsT0FBTztBQUMvSCxVQUFNLFlBQVksR0FBRyxNQUFNLElBQUksU0FBUyxDQUFDO0FBQ3pDLFVBQU0sVUFBVSxNQUFNLE1BQU0sU0FBUyxFQUFFLEtBQUssVUFBVSxTQUFTO0FBQy9ELHFDQUFPLE9BQU8sRUFBRTtBQUFBLE1BQ2QsNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsUUFBUSxPQUFPLGFBQWE7QUFBQSxRQUM1QixRQUFRLE9BQU8sYUFBYTtBQUFBLFFBQzVCLEtBQUssR0FBRyxPQUFPLE9BQU8sSUFBSSxHQUFHLElBQUksU0FBUztBQUFBLFFBQzFDLFNBQVM7QUFBQSxRQUNULGdCQUFnQixPQUFPLGFBQWE7QUFBQSxNQUN0QyxDQUFDO0FBQUEsSUFDSDtBQUFBLEVBQ0YsQ0FBQztBQUVELDJCQUFHLEtBQUssTUFBTSxRQUFRLEVBQUUsNkNBQTZDLENBQUMsT0FBTztBQUMzRSxVQUFNLFlBQVksR0FBRyxNQUFNLElBQUksU0FBUyxDQUFDO0FBQ3pDLHFDQUFPLE1BQU0sTUFBTSxTQUFTLEVBQUUsSUFBSSxFQUFFLGdDQUE2QixvQ0FBYTtBQUFBLE1BQzVFLFFBQVEsT0FBTztBQUFBLE1BQ2YscUJBQXFCLENBQUMsT0FBTyxTQUFTO0FBQUEsTUFDdEMsY0FBYztBQUFBLFFBQ1o7QUFBQSxVQUNFLE1BQU0sNkJBQU8saUJBQWlCO0FBQUEsWUFDNUIsU0FBUyxPQUFPO0FBQUEsWUFDaEIsYUFBYTtBQUFBLFlBQ2I7QUFBQSxZQUNBLGNBQWM7QUFBQSxVQUNoQixDQUFDO0FBQUEsUUFDSDtBQUFBLE1BQ0Y7QUFBQSxJQUNGLENBQUM7QUFBQSxFQUNILENBQUM7QUFDSCxDQUFDO0dBRUQsZ0NBQVMsY0FBYyxNQUFNO0FBQzNCLCtCQUFHLHNEQUFzRCxNQUFNO0FBQzdELFVBQU0sT0FBTyxLQUFLLFFBQVEsQ0FBQyxRQUFRO0FBQ2pDLFlBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUNsQyxhQUFPLE1BQU0sU0FBUyxJQUFJLENBQUMsT0FBTztBQUNoQyxjQUFNLFVBQVUsTUFBTSxNQUFNLEdBQUcsTUFBTSxJQUFJLFNBQVMsQ0FBQyxDQUFDLEVBQUUsS0FBSyxVQUFVO0FBQ3JFLGVBQU8sR0FBRyxTQUFTLElBQUksVUFBVSxPQUFPLElBQUksU0FBUyxJQUFJLE9BQU8sU0FBUyxPQUFPLElBQUk7QUFBQSxNQUN0RixDQUFDO0FBQUEsSUFDSCxDQUFDO0FBQ0QscUNBQU8sSUFBSSxJQUFJLElBQUksRUFBRSxJQUFJLEVBQUUsS0FBSyxLQUFLLE1BQU07QUFBQSxFQUM3QyxDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsicGxhdGZvcm0tc3RhY2sudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBBd3NQcm92aWRlciB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9wcm92aWRlclwiO1xuaW1wb3J0IHsgZGVzY3JpYmUsIGV4cGVjdCwgaXQgfSBmcm9tIFwidml0ZXN0XCI7XG5pbXBvcnQgeyBFTlZJUk9OTUVOVFMgfSBmcm9tIFwiLi4vLi4vY29uZmlnXCI7XG5pbXBvcnQgeyBzeW50aEVudmlyb25tZW50IH0gZnJvbSBcIi4uL3N1cHBvcnQvc3ludGhcIjtcblxuY29uc3QgZW52cyA9IE9iamVjdC5rZXlzKEVOVklST05NRU5UUyk7XG5cbmRlc2NyaWJlLmVhY2goZW52cykoXCIlczogZXZlcnkgc3RhY2sncyBiYWNrZW5kIGFuZCBwcm92aWRlclwiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuICBjb25zdCB7IGNvbmZpZyB9ID0gc3ludGg7XG5cbiAgaXQuZWFjaChzeW50aC5zdGFja0lkcy5maWx0ZXIoKGlkKSA9PiAhaWQuZW5kc1dpdGgoXCItYm9vdHN0cmFwXCIpKSkoXCIlcyBrZWVwcyBlbmNyeXB0ZWQsIGxvY2tlZCBzdGF0ZSB1bmRlciBpdHMgb3duIGtleVwiLCAoaWQpID0+IHtcbiAgICBjb25zdCBjb21wb25lbnQgPSBpZC5zbGljZShlbnYubGVuZ3RoICsgMSk7XG4gICAgY29uc3QgYmFja2VuZCA9IHN5bnRoLnN0YWNrKGNvbXBvbmVudCkuanNvbi50ZXJyYWZvcm0uYmFja2VuZD8uczM7XG4gICAgZXhwZWN0KGJhY2tlbmQpLnRvRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIGJ1Y2tldDogY29uZmlnLnN0YXRlQmFja2VuZC5idWNrZXQsXG4gICAgICAgIHJlZ2lvbjogY29uZmlnLnN0YXRlQmFja2VuZC5yZWdpb24sXG4gICAgICAgIGtleTogYCR7Y29uZmlnLnByb2plY3R9LyR7ZW52fS8ke2NvbXBvbmVudH0udGZzdGF0ZWAsXG4gICAgICAgIGVuY3J5cHQ6IHRydWUsXG4gICAgICAgIGR5bmFtb2RiX3RhYmxlOiBjb25maWcuc3RhdGVCYWNrZW5kLmxvY2tUYWJsZSxcbiAgICAgIH0pLFxuICAgICk7XG4gIH0pO1xuXG4gIGl0LmVhY2goc3ludGguc3RhY2tJZHMpKFwiJXMgZ3VhcmRzIHRoZSBhY2NvdW50IGFuZCB0YWdzIGV2ZXJ5dGhpbmdcIiwgKGlkKSA9PiB7XG4gICAgY29uc3QgY29tcG9uZW50ID0gaWQuc2xpY2UoZW52Lmxlbmd0aCArIDEpO1xuICAgIGV4cGVjdChzeW50aC5zdGFjayhjb21wb25lbnQpLnRleHQpLnRvSGF2ZVByb3ZpZGVyV2l0aFByb3BlcnRpZXMoQXdzUHJvdmlkZXIsIHtcbiAgICAgIHJlZ2lvbjogY29uZmlnLnJlZ2lvbixcbiAgICAgIGFsbG93ZWRfYWNjb3VudF9pZHM6IFtjb25maWcuYWNjb3VudElkXSxcbiAgICAgIGRlZmF1bHRfdGFnczogW1xuICAgICAgICB7XG4gICAgICAgICAgdGFnczogZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICAgICAgcHJvamVjdDogY29uZmlnLnByb2plY3QsXG4gICAgICAgICAgICBlbnZpcm9ubWVudDogZW52LFxuICAgICAgICAgICAgY29tcG9uZW50LFxuICAgICAgICAgICAgXCJtYW5hZ2VkLWJ5XCI6IFwiY2RrdGZcIixcbiAgICAgICAgICB9KSxcbiAgICAgICAgfSxcbiAgICAgIF0sXG4gICAgfSk7XG4gIH0pO1xufSk7XG5cbmRlc2NyaWJlKFwic3RhdGUga2V5c1wiLCAoKSA9PiB7XG4gIGl0KFwiYXJlIHVuaXF1ZSBhY3Jvc3MgZXZlcnkgc3RhY2sgb2YgZXZlcnkgZW52aXJvbm1lbnRcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGtleXMgPSBlbnZzLmZsYXRNYXAoKGVudikgPT4ge1xuICAgICAgY29uc3Qgc3ludGggPSBzeW50aEVudmlyb25tZW50KGVudik7XG4gICAgICByZXR1cm4gc3ludGguc3RhY2tJZHMubWFwKChpZCkgPT4ge1xuICAgICAgICBjb25zdCBiYWNrZW5kID0gc3ludGguc3RhY2soaWQuc2xpY2UoZW52Lmxlbmd0aCArIDEpKS5qc29uLnRlcnJhZm9ybS5iYWNrZW5kO1xuICAgICAgICByZXR1cm4gYCR7YmFja2VuZD8uczM/LmJ1Y2tldCA/PyBcImxvY2FsXCJ9LyR7YmFja2VuZD8uczM/LmtleSA/PyBiYWNrZW5kPy5sb2NhbD8ucGF0aH1gO1xuICAgICAgfSk7XG4gICAgfSk7XG4gICAgZXhwZWN0KG5ldyBTZXQoa2V5cykuc2l6ZSkudG9CZShrZXlzLmxlbmd0aCk7XG4gIH0pO1xufSk7XG4iXSwiZmlsZSI6Ii93b3JrL21haW4vX190ZXN0c19fL3VuaXQvcGxhdGZvcm0tc3RhY2sudGVzdC50cyJ9
