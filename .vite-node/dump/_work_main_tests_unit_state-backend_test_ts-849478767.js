// /work/main/__tests__/unit/state-backend.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ConfigError","ENVIRONMENTS"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/config/sections/state-backend.cjs", {"importedNames":["isLoopbackUrl"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["editedConfig","synthConfig"]});




const emulator = { s3: "http://127.0.0.1:4568", dynamodb: "http://127.0.0.1:4567" };
(0,__vite_ssr_import_0__.describe)("stateBackend.localEmulator (test-only)", () => {
  const synth = (0,__vite_ssr_import_3__.synthConfig)((0,__vite_ssr_import_3__.editedConfig)("dev", (raw) => raw.stateBackend.localEmulator = emulator));
  (0,__vite_ssr_import_0__.it)("is never set by a shipped environment", () => {
    for (const raw of Object.values((0,__vite_ssr_import_1__.ENVIRONMENTS))) {
      (0,__vite_ssr_import_0__.expect)(raw.stateBackend.localEmulator).toBeUndefined();
    }
  });
  __vite_ssr_import_0__.it.each(["https://s3.amazonaws.com", "http://10.0.0.5:4568", "http://127.0.0.1.nip.io:4568", "file:///tmp/s3", "not a url"])(
    "refuses the endpoint %s",
    (endpoint) => {
      (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_3__.editedConfig)("dev", (raw) => raw.stateBackend.localEmulator = { ...emulator, s3: endpoint })).toThrow((0,__vite_ssr_import_1__.ConfigError));
      (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_3__.editedConfig)("dev", (raw) => raw.stateBackend.localEmulator = { ...emulator, s3: endpoint })).toThrow(
        /stateBackend\.localEmulator\.s3: must be an http\(s\) URL on 127\.0\.0\.1, localhost or \[::1\]/
      );
    }
  );
  __vite_ssr_import_0__.it.each(["http://127.0.0.1:1", "http://localhost:4568", "http://[::1]:4568", "https://127.0.0.2"])("accepts the loopback endpoint %s", (url) => {
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.isLoopbackUrl)(url)).toBe(true);
  });
  (0,__vite_ssr_import_0__.it)("points the S3 backend and every remote state read at the emulators", () => {
    const settings = {
      endpoints: emulator,
      use_path_style: true,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
      skip_s3_checksum: true
    };
    const vpc = synth.stack("vpc").json;
    (0,__vite_ssr_import_0__.expect)(vpc.terraform.backend?.s3).toEqual(__vite_ssr_import_0__.expect.objectContaining({ ...settings, key: "voice-ai/dev/vpc.tfstate" }));
    const remoteStates = Object.values(vpc.data?.terraform_remote_state ?? {});
    (0,__vite_ssr_import_0__.expect)(remoteStates.length).toBeGreaterThan(0);
    for (const state of remoteStates) (0,__vite_ssr_import_0__.expect)(state.config).toEqual(__vite_ssr_import_0__.expect.objectContaining(settings));
    (0,__vite_ssr_import_0__.expect)(JSON.stringify(vpc)).not.toMatch(/access_key|secret_key/);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7Ozs7O0FBRUEsTUFBTSxXQUFXLEVBQUUsSUFBSSx5QkFBeUIsVUFBVSx3QkFBd0I7R0FFbEYsZ0NBQVMsMENBQTBDLE1BQU07QUFDdkQsUUFBTSxXQUFRLHNDQUFZLG9DQUFhLE9BQU8sQ0FBQyxRQUFTLElBQUksYUFBYSxnQkFBZ0IsUUFBUyxDQUFDO0FBRW5HLCtCQUFHLHlDQUF5QyxNQUFNO0FBQ2hELGVBQVcsT0FBTyxPQUFPLFVBQU8sbUNBQVksR0FBRztBQUM3Qyx1Q0FBUSxJQUFrRCxhQUFhLGFBQWEsRUFBRSxjQUFjO0FBQUEsSUFDdEc7QUFBQSxFQUNGLENBQUM7QUFFRCwyQkFBRyxLQUFLLENBQUMsNEJBQTRCLHdCQUF3QixnQ0FBZ0Msa0JBQWtCLFdBQVcsQ0FBQztBQUFBLElBQ3pIO0FBQUEsSUFDQSxDQUFDLGFBQWE7QUFDWix1Q0FBTyxTQUFNLG9DQUFhLE9BQU8sQ0FBQyxRQUFTLElBQUksYUFBYSxnQkFBZ0IsRUFBRSxHQUFHLFVBQVUsSUFBSSxTQUFTLENBQUUsQ0FBQyxFQUFFLFdBQVEsa0NBQVc7QUFDaEksdUNBQU8sU0FBTSxvQ0FBYSxPQUFPLENBQUMsUUFBUyxJQUFJLGFBQWEsZ0JBQWdCLEVBQUUsR0FBRyxVQUFVLElBQUksU0FBUyxDQUFFLENBQUMsRUFBRTtBQUFBLFFBQzNHO0FBQUEsTUFDRjtBQUFBLElBQ0Y7QUFBQSxFQUNGO0FBRUEsMkJBQUcsS0FBSyxDQUFDLHNCQUFzQix5QkFBeUIscUJBQXFCLG1CQUFtQixDQUFDLEVBQUUsb0NBQW9DLENBQUMsUUFBUTtBQUM5SSx3Q0FBTyxxQ0FBYyxHQUFHLENBQUMsRUFBRSxLQUFLLElBQUk7QUFBQSxFQUN0QyxDQUFDO0FBRUQsK0JBQUcsc0VBQXNFLE1BQU07QUFDN0UsVUFBTSxXQUFXO0FBQUEsTUFDZixXQUFXO0FBQUEsTUFDWCxnQkFBZ0I7QUFBQSxNQUNoQiw2QkFBNkI7QUFBQSxNQUM3Qiw0QkFBNEI7QUFBQSxNQUM1Qix5QkFBeUI7QUFBQSxNQUN6Qix3QkFBd0I7QUFBQSxNQUN4QixrQkFBa0I7QUFBQSxJQUNwQjtBQUNBLFVBQU0sTUFBTSxNQUFNLE1BQU0sS0FBSyxFQUFFO0FBQy9CLHFDQUFPLElBQUksVUFBVSxTQUFTLEVBQUUsRUFBRSxRQUFRLDZCQUFPLGlCQUFpQixFQUFFLEdBQUcsVUFBVSxLQUFLLDJCQUEyQixDQUFDLENBQUM7QUFDbkgsVUFBTSxlQUFlLE9BQU8sT0FBTyxJQUFJLE1BQU0sMEJBQTBCLENBQUMsQ0FBQztBQUN6RSxxQ0FBTyxhQUFhLE1BQU0sRUFBRSxnQkFBZ0IsQ0FBQztBQUM3QyxlQUFXLFNBQVMsYUFBYyxrQ0FBTyxNQUFNLE1BQU0sRUFBRSxRQUFRLDZCQUFPLGlCQUFpQixRQUFRLENBQUM7QUFFaEcscUNBQU8sS0FBSyxVQUFVLEdBQUcsQ0FBQyxFQUFFLElBQUksUUFBUSx1QkFBdUI7QUFBQSxFQUNqRSxDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsic3RhdGUtYmFja2VuZC50ZXN0LnRzIl0sInNvdXJjZXNDb250ZW50IjpbImltcG9ydCB7IGRlc2NyaWJlLCBleHBlY3QsIGl0IH0gZnJvbSBcInZpdGVzdFwiO1xuaW1wb3J0IHsgQ29uZmlnRXJyb3IsIEVOVklST05NRU5UUyB9IGZyb20gXCIuLi8uLi9jb25maWdcIjtcbmltcG9ydCB7IGlzTG9vcGJhY2tVcmwgfSBmcm9tIFwiLi4vLi4vY29uZmlnL3NlY3Rpb25zL3N0YXRlLWJhY2tlbmRcIjtcbmltcG9ydCB7IGVkaXRlZENvbmZpZywgc3ludGhDb25maWcgfSBmcm9tIFwiLi4vc3VwcG9ydC9zeW50aFwiO1xuXG5jb25zdCBlbXVsYXRvciA9IHsgczM6IFwiaHR0cDovLzEyNy4wLjAuMTo0NTY4XCIsIGR5bmFtb2RiOiBcImh0dHA6Ly8xMjcuMC4wLjE6NDU2N1wiIH07XG5cbmRlc2NyaWJlKFwic3RhdGVCYWNrZW5kLmxvY2FsRW11bGF0b3IgKHRlc3Qtb25seSlcIiwgKCkgPT4ge1xuICBjb25zdCBzeW50aCA9IHN5bnRoQ29uZmlnKGVkaXRlZENvbmZpZyhcImRldlwiLCAocmF3KSA9PiAocmF3LnN0YXRlQmFja2VuZC5sb2NhbEVtdWxhdG9yID0gZW11bGF0b3IpKSk7XG5cbiAgaXQoXCJpcyBuZXZlciBzZXQgYnkgYSBzaGlwcGVkIGVudmlyb25tZW50XCIsICgpID0+IHtcbiAgICBmb3IgKGNvbnN0IHJhdyBvZiBPYmplY3QudmFsdWVzKEVOVklST05NRU5UUykpIHtcbiAgICAgIGV4cGVjdCgocmF3IGFzIHsgc3RhdGVCYWNrZW5kOiBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPiB9KS5zdGF0ZUJhY2tlbmQubG9jYWxFbXVsYXRvcikudG9CZVVuZGVmaW5lZCgpO1xuICAgIH1cbiAgfSk7XG5cbiAgaXQuZWFjaChbXCJodHRwczovL3MzLmFtYXpvbmF3cy5jb21cIiwgXCJodHRwOi8vMTAuMC4wLjU6NDU2OFwiLCBcImh0dHA6Ly8xMjcuMC4wLjEubmlwLmlvOjQ1NjhcIiwgXCJmaWxlOi8vL3RtcC9zM1wiLCBcIm5vdCBhIHVybFwiXSkoXG4gICAgXCJyZWZ1c2VzIHRoZSBlbmRwb2ludCAlc1wiLFxuICAgIChlbmRwb2ludCkgPT4ge1xuICAgICAgZXhwZWN0KCgpID0+IGVkaXRlZENvbmZpZyhcImRldlwiLCAocmF3KSA9PiAocmF3LnN0YXRlQmFja2VuZC5sb2NhbEVtdWxhdG9yID0geyAuLi5lbXVsYXRvciwgczM6IGVuZHBvaW50IH0pKSkudG9UaHJvdyhDb25maWdFcnJvcik7XG4gICAgICBleHBlY3QoKCkgPT4gZWRpdGVkQ29uZmlnKFwiZGV2XCIsIChyYXcpID0+IChyYXcuc3RhdGVCYWNrZW5kLmxvY2FsRW11bGF0b3IgPSB7IC4uLmVtdWxhdG9yLCBzMzogZW5kcG9pbnQgfSkpKS50b1Rocm93KFxuICAgICAgICAvc3RhdGVCYWNrZW5kXFwubG9jYWxFbXVsYXRvclxcLnMzOiBtdXN0IGJlIGFuIGh0dHBcXChzXFwpIFVSTCBvbiAxMjdcXC4wXFwuMFxcLjEsIGxvY2FsaG9zdCBvciBcXFs6OjFcXF0vLFxuICAgICAgKTtcbiAgICB9LFxuICApO1xuXG4gIGl0LmVhY2goW1wiaHR0cDovLzEyNy4wLjAuMToxXCIsIFwiaHR0cDovL2xvY2FsaG9zdDo0NTY4XCIsIFwiaHR0cDovL1s6OjFdOjQ1NjhcIiwgXCJodHRwczovLzEyNy4wLjAuMlwiXSkoXCJhY2NlcHRzIHRoZSBsb29wYmFjayBlbmRwb2ludCAlc1wiLCAodXJsKSA9PiB7XG4gICAgZXhwZWN0KGlzTG9vcGJhY2tVcmwodXJsKSkudG9CZSh0cnVlKTtcbiAgfSk7XG5cbiAgaXQoXCJwb2ludHMgdGhlIFMzIGJhY2tlbmQgYW5kIGV2ZXJ5IHJlbW90ZSBzdGF0ZSByZWFkIGF0IHRoZSBlbXVsYXRvcnNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHNldHRpbmdzID0ge1xuICAgICAgZW5kcG9pbnRzOiBlbXVsYXRvcixcbiAgICAgIHVzZV9wYXRoX3N0eWxlOiB0cnVlLFxuICAgICAgc2tpcF9jcmVkZW50aWFsc192YWxpZGF0aW9uOiB0cnVlLFxuICAgICAgc2tpcF9yZXF1ZXN0aW5nX2FjY291bnRfaWQ6IHRydWUsXG4gICAgICBza2lwX21ldGFkYXRhX2FwaV9jaGVjazogdHJ1ZSxcbiAgICAgIHNraXBfcmVnaW9uX3ZhbGlkYXRpb246IHRydWUsXG4gICAgICBza2lwX3MzX2NoZWNrc3VtOiB0cnVlLFxuICAgIH07XG4gICAgY29uc3QgdnBjID0gc3ludGguc3RhY2soXCJ2cGNcIikuanNvbjtcbiAgICBleHBlY3QodnBjLnRlcnJhZm9ybS5iYWNrZW5kPy5zMykudG9FcXVhbChleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7IC4uLnNldHRpbmdzLCBrZXk6IFwidm9pY2UtYWkvZGV2L3ZwYy50ZnN0YXRlXCIgfSkpO1xuICAgIGNvbnN0IHJlbW90ZVN0YXRlcyA9IE9iamVjdC52YWx1ZXModnBjLmRhdGE/LnRlcnJhZm9ybV9yZW1vdGVfc3RhdGUgPz8ge30pO1xuICAgIGV4cGVjdChyZW1vdGVTdGF0ZXMubGVuZ3RoKS50b0JlR3JlYXRlclRoYW4oMCk7XG4gICAgZm9yIChjb25zdCBzdGF0ZSBvZiByZW1vdGVTdGF0ZXMpIGV4cGVjdChzdGF0ZS5jb25maWcpLnRvRXF1YWwoZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoc2V0dGluZ3MpKTtcbiAgICAvLyBObyBjcmVkZW50aWFscyBpbiB0aGUgc3ludGhlc2l6ZWQgZmlsZXM6IHRoZSB0ZXN0cyBwYXNzIHRoZW0gdGhyb3VnaCB0aGUgZW52aXJvbm1lbnQuXG4gICAgZXhwZWN0KEpTT04uc3RyaW5naWZ5KHZwYykpLm5vdC50b01hdGNoKC9hY2Nlc3Nfa2V5fHNlY3JldF9rZXkvKTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9zdGF0ZS1iYWNrZW5kLnRlc3QudHMifQ==
