// /work/main/__tests__/unit/bench-configs.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ENVIRONMENTS","parseEnvironmentConfig"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/scripts/bench-configs.cjs", {"importedNames":["benchConfigs"]});



(0,__vite_ssr_import_0__.describe)("benchmark configs", () => {
  (0,__vite_ssr_import_0__.it)("with the shipped service count, reproduce the shipped environments", () => {
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.benchConfigs)(3, 2)).toEqual(Object.entries((0,__vite_ssr_import_1__.ENVIRONMENTS)).map(([name, raw]) => (0,__vite_ssr_import_1__.parseEnvironmentConfig)(raw, name)));
  });
  (0,__vite_ssr_import_0__.it)("repeat the shipped environments under another project beyond the third, with every name moved to it", () => {
    const configs = (0,__vite_ssr_import_2__.benchConfigs)(6, 2);
    (0,__vite_ssr_import_0__.expect)(configs.map((c) => `${c.project}/${c.environment}`)).toEqual([
      "voice-ai/dev",
      "voice-ai/staging",
      "voice-ai/prod",
      "voice-ai2/dev",
      "voice-ai2/staging",
      "voice-ai2/prod"
    ]);
    const copy = JSON.stringify(configs.slice(3));
    (0,__vite_ssr_import_0__.expect)(copy).not.toMatch(/voice-ai-(dev|staging|prod)-/);
  });
  (0,__vite_ssr_import_0__.it)("scale services with unique names, paths and priorities, keeping the catch-all rule last", () => {
    for (const config of (0,__vite_ssr_import_2__.benchConfigs)(3, 30)) {
      const services = config.services;
      (0,__vite_ssr_import_0__.expect)(services).toHaveLength(30);
      (0,__vite_ssr_import_0__.expect)(new Set(services.map((s) => s.name)).size).toBe(30);
      (0,__vite_ssr_import_0__.expect)(new Set(services.flatMap((s) => s.pathPatterns)).size).toBe(services.flatMap((s) => s.pathPatterns).length);
      const catchAll = services.filter((s) => s.pathPatterns.includes("/*"));
      for (const rule of catchAll) (0,__vite_ssr_import_0__.expect)(Math.max(...services.map((s) => s.priority))).toBe(rule.priority);
    }
  });
  (0,__vite_ssr_import_0__.it)("rejects sizes that are not positive integers", () => {
    (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_2__.benchConfigs)(0, 2)).toThrow(/environmentCount/);
    (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_2__.benchConfigs)(1, 0)).toThrow(/servicesPerEnvironment/);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBOzs7O0dBRUEsZ0NBQVMscUJBQXFCLE1BQU07QUFDbEMsK0JBQUcsc0VBQXNFLE1BQU07QUFDN0Usd0NBQU8sb0NBQWEsR0FBRyxDQUFDLENBQUMsRUFBRSxRQUFRLE9BQU8sV0FBUSxtQ0FBWSxFQUFFLElBQUksQ0FBQyxDQUFDLE1BQU0sR0FBRyxTQUFNLDhDQUF1QixLQUFLLElBQUksQ0FBQyxDQUFDO0FBQUEsRUFDekgsQ0FBQztBQUVELCtCQUFHLHVHQUF1RyxNQUFNO0FBQzlHLFVBQU0sYUFBVSxvQ0FBYSxHQUFHLENBQUM7QUFDakMscUNBQU8sUUFBUSxJQUFJLENBQUMsTUFBTSxHQUFHLEVBQUUsT0FBTyxJQUFJLEVBQUUsV0FBVyxFQUFFLENBQUMsRUFBRSxRQUFRO0FBQUEsTUFDbEU7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLE1BQ0E7QUFBQSxNQUNBO0FBQUEsTUFDQTtBQUFBLElBQ0YsQ0FBQztBQUNELFVBQU0sT0FBTyxLQUFLLFVBQVUsUUFBUSxNQUFNLENBQUMsQ0FBQztBQUM1QyxxQ0FBTyxJQUFJLEVBQUUsSUFBSSxRQUFRLDhCQUE4QjtBQUFBLEVBQ3pELENBQUM7QUFFRCwrQkFBRywyRkFBMkYsTUFBTTtBQUNsRyxlQUFXLGFBQVUsb0NBQWEsR0FBRyxFQUFFLEdBQUc7QUFDeEMsWUFBTSxXQUFXLE9BQU87QUFDeEIsdUNBQU8sUUFBUSxFQUFFLGFBQWEsRUFBRTtBQUNoQyx1Q0FBTyxJQUFJLElBQUksU0FBUyxJQUFJLENBQUMsTUFBTSxFQUFFLElBQUksQ0FBQyxFQUFFLElBQUksRUFBRSxLQUFLLEVBQUU7QUFDekQsdUNBQU8sSUFBSSxJQUFJLFNBQVMsUUFBUSxDQUFDLE1BQU0sRUFBRSxZQUFZLENBQUMsRUFBRSxJQUFJLEVBQUUsS0FBSyxTQUFTLFFBQVEsQ0FBQyxNQUFNLEVBQUUsWUFBWSxFQUFFLE1BQU07QUFDakgsWUFBTSxXQUFXLFNBQVMsT0FBTyxDQUFDLE1BQU0sRUFBRSxhQUFhLFNBQVMsSUFBSSxDQUFDO0FBQ3JFLGlCQUFXLFFBQVEsU0FBVSxrQ0FBTyxLQUFLLElBQUksR0FBRyxTQUFTLElBQUksQ0FBQyxNQUFNLEVBQUUsUUFBUSxDQUFDLENBQUMsRUFBRSxLQUFLLEtBQUssUUFBUTtBQUFBLElBQ3RHO0FBQUEsRUFDRixDQUFDO0FBRUQsK0JBQUcsZ0RBQWdELE1BQU07QUFDdkQscUNBQU8sU0FBTSxvQ0FBYSxHQUFHLENBQUMsQ0FBQyxFQUFFLFFBQVEsa0JBQWtCO0FBQzNELHFDQUFPLFNBQU0sb0NBQWEsR0FBRyxDQUFDLENBQUMsRUFBRSxRQUFRLHdCQUF3QjtBQUFBLEVBQ25FLENBQUM7QUFDSCxDQUFDIiwibmFtZXMiOltdLCJpZ25vcmVMaXN0IjpbXSwic291cmNlcyI6WyJiZW5jaC1jb25maWdzLnRlc3QudHMiXSwic291cmNlc0NvbnRlbnQiOlsiaW1wb3J0IHsgZGVzY3JpYmUsIGV4cGVjdCwgaXQgfSBmcm9tIFwidml0ZXN0XCI7XG5pbXBvcnQgeyBFTlZJUk9OTUVOVFMsIHBhcnNlRW52aXJvbm1lbnRDb25maWcgfSBmcm9tIFwiLi4vLi4vY29uZmlnXCI7XG5pbXBvcnQgeyBiZW5jaENvbmZpZ3MgfSBmcm9tIFwiLi4vLi4vc2NyaXB0cy9iZW5jaC1jb25maWdzXCI7XG5cbmRlc2NyaWJlKFwiYmVuY2htYXJrIGNvbmZpZ3NcIiwgKCkgPT4ge1xuICBpdChcIndpdGggdGhlIHNoaXBwZWQgc2VydmljZSBjb3VudCwgcmVwcm9kdWNlIHRoZSBzaGlwcGVkIGVudmlyb25tZW50c1wiLCAoKSA9PiB7XG4gICAgZXhwZWN0KGJlbmNoQ29uZmlncygzLCAyKSkudG9FcXVhbChPYmplY3QuZW50cmllcyhFTlZJUk9OTUVOVFMpLm1hcCgoW25hbWUsIHJhd10pID0+IHBhcnNlRW52aXJvbm1lbnRDb25maWcocmF3LCBuYW1lKSkpO1xuICB9KTtcblxuICBpdChcInJlcGVhdCB0aGUgc2hpcHBlZCBlbnZpcm9ubWVudHMgdW5kZXIgYW5vdGhlciBwcm9qZWN0IGJleW9uZCB0aGUgdGhpcmQsIHdpdGggZXZlcnkgbmFtZSBtb3ZlZCB0byBpdFwiLCAoKSA9PiB7XG4gICAgY29uc3QgY29uZmlncyA9IGJlbmNoQ29uZmlncyg2LCAyKTtcbiAgICBleHBlY3QoY29uZmlncy5tYXAoKGMpID0+IGAke2MucHJvamVjdH0vJHtjLmVudmlyb25tZW50fWApKS50b0VxdWFsKFtcbiAgICAgIFwidm9pY2UtYWkvZGV2XCIsXG4gICAgICBcInZvaWNlLWFpL3N0YWdpbmdcIixcbiAgICAgIFwidm9pY2UtYWkvcHJvZFwiLFxuICAgICAgXCJ2b2ljZS1haTIvZGV2XCIsXG4gICAgICBcInZvaWNlLWFpMi9zdGFnaW5nXCIsXG4gICAgICBcInZvaWNlLWFpMi9wcm9kXCIsXG4gICAgXSk7XG4gICAgY29uc3QgY29weSA9IEpTT04uc3RyaW5naWZ5KGNvbmZpZ3Muc2xpY2UoMykpO1xuICAgIGV4cGVjdChjb3B5KS5ub3QudG9NYXRjaCgvdm9pY2UtYWktKGRldnxzdGFnaW5nfHByb2QpLS8pO1xuICB9KTtcblxuICBpdChcInNjYWxlIHNlcnZpY2VzIHdpdGggdW5pcXVlIG5hbWVzLCBwYXRocyBhbmQgcHJpb3JpdGllcywga2VlcGluZyB0aGUgY2F0Y2gtYWxsIHJ1bGUgbGFzdFwiLCAoKSA9PiB7XG4gICAgZm9yIChjb25zdCBjb25maWcgb2YgYmVuY2hDb25maWdzKDMsIDMwKSkge1xuICAgICAgY29uc3Qgc2VydmljZXMgPSBjb25maWcuc2VydmljZXM7XG4gICAgICBleHBlY3Qoc2VydmljZXMpLnRvSGF2ZUxlbmd0aCgzMCk7XG4gICAgICBleHBlY3QobmV3IFNldChzZXJ2aWNlcy5tYXAoKHMpID0+IHMubmFtZSkpLnNpemUpLnRvQmUoMzApO1xuICAgICAgZXhwZWN0KG5ldyBTZXQoc2VydmljZXMuZmxhdE1hcCgocykgPT4gcy5wYXRoUGF0dGVybnMpKS5zaXplKS50b0JlKHNlcnZpY2VzLmZsYXRNYXAoKHMpID0+IHMucGF0aFBhdHRlcm5zKS5sZW5ndGgpO1xuICAgICAgY29uc3QgY2F0Y2hBbGwgPSBzZXJ2aWNlcy5maWx0ZXIoKHMpID0+IHMucGF0aFBhdHRlcm5zLmluY2x1ZGVzKFwiLypcIikpO1xuICAgICAgZm9yIChjb25zdCBydWxlIG9mIGNhdGNoQWxsKSBleHBlY3QoTWF0aC5tYXgoLi4uc2VydmljZXMubWFwKChzKSA9PiBzLnByaW9yaXR5KSkpLnRvQmUocnVsZS5wcmlvcml0eSk7XG4gICAgfVxuICB9KTtcblxuICBpdChcInJlamVjdHMgc2l6ZXMgdGhhdCBhcmUgbm90IHBvc2l0aXZlIGludGVnZXJzXCIsICgpID0+IHtcbiAgICBleHBlY3QoKCkgPT4gYmVuY2hDb25maWdzKDAsIDIpKS50b1Rocm93KC9lbnZpcm9ubWVudENvdW50Lyk7XG4gICAgZXhwZWN0KCgpID0+IGJlbmNoQ29uZmlncygxLCAwKSkudG9UaHJvdygvc2VydmljZXNQZXJFbnZpcm9ubWVudC8pO1xuICB9KTtcbn0pO1xuIl0sImZpbGUiOiIvd29yay9tYWluL19fdGVzdHNfXy91bml0L2JlbmNoLWNvbmZpZ3MudGVzdC50cyJ9
