// /work/main/__tests__/unit/stack-graph.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("/dist/test-modules/shims/scripts/stack-graph.cjs", {"importedNames":["DependencyCycleError","stackGraph","toMermaid","topologicalOrder"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["synthEnvironment"]});



function stack(component, reads = [], options = {}) {
  const data = Object.fromEntries(
    reads.map((upstream) => [`read_${upstream}`, { backend: "s3", config: { bucket: "state", key: `${upstream}.tfstate` } }])
  );
  const outputsRead = reads.map((upstream) => `\${data.terraform_remote_state.read_${upstream}.outputs.value}`);
  return {
    id: `prod-${component}`,
    environment: "prod",
    component,
    dependencies: options.dependencies ?? [],
    json: {
      terraform: { backend: options.localBackend ? { local: { path: "x" } } : { s3: { bucket: "state", key: `${component}.tfstate` } } },
      data: reads.length ? { terraform_remote_state: data } : void 0,
      resource: {
        ...outputsRead.length ? { null_resource: { uses: { triggers: outputsRead } } } : {},
        ...options.buckets ? { aws_s3_bucket: Object.fromEntries(options.buckets.map((b) => [b, { bucket: b }])) } : {}
      }
    }
  };
}
(0,__vite_ssr_import_0__.describe)("stack graph", () => {
  const prod = (0,__vite_ssr_import_2__.synthEnvironment)("prod");
  (0,__vite_ssr_import_0__.it)("orders stacks after the stacks whose state they read, keeping the input order among ready ones", () => {
    const nodes = (0,__vite_ssr_import_1__.stackGraph)([stack("app", ["db", "network"]), stack("db", ["network"]), stack("network"), stack("dns")]);
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_1__.topologicalOrder)(nodes)).toEqual(["prod-network", "prod-db", "prod-app", "prod-dns"]);
  });
  (0,__vite_ssr_import_0__.it)("puts the stack that creates the state bucket first, and follows cdktf's own dependencies", () => {
    const bootstrap = stack("bootstrap", [], { buckets: ["state"], localBackend: true });
    const nodes = (0,__vite_ssr_import_1__.stackGraph)([stack("app", [], { dependencies: ["prod-worker"] }), stack("worker"), bootstrap]);
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_1__.topologicalOrder)(nodes)).toEqual(["prod-bootstrap", "prod-worker", "prod-app"]);
    (0,__vite_ssr_import_0__.expect)([...nodes[0].dependsOn.entries()]).toEqual([
      ["prod-worker", ["cdktf dependency"]],
      ["prod-bootstrap", ["creates its state bucket"]]
    ]);
  });
  (0,__vite_ssr_import_0__.it)("fails on a cycle and names the stacks in it", () => {
    const nodes = (0,__vite_ssr_import_1__.stackGraph)([stack("a", ["c"]), stack("b", ["a"]), stack("c", ["b"]), stack("d")]);
    (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_1__.topologicalOrder)(nodes)).toThrow((0,__vite_ssr_import_1__.DependencyCycleError));
    try {
      (0,__vite_ssr_import_1__.topologicalOrder)(nodes);
    } catch (error) {
      const cycle = error.cycle;
      (0,__vite_ssr_import_0__.expect)(cycle[0]).toBe(cycle[cycle.length - 1]);
      (0,__vite_ssr_import_0__.expect)(new Set(cycle)).toEqual(/* @__PURE__ */ new Set(["prod-a", "prod-b", "prod-c"]));
    }
  });
  (0,__vite_ssr_import_0__.it)("refuses a remote state that no stack writes", () => {
    (0,__vite_ssr_import_0__.expect)(() => (0,__vite_ssr_import_1__.stackGraph)([stack("app", ["ghost"])])).toThrow(/prod-app reads state state\/ghost.tfstate, which no stack writes/);
  });
  (0,__vite_ssr_import_0__.it)("draws mermaid without the arrows a longer path already implies", () => {
    const nodes = (0,__vite_ssr_import_1__.stackGraph)([stack("network"), stack("db", ["network"]), stack("app", ["db", "network"]), stack("dns")]);
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_1__.toMermaid)(nodes).split("\n")).toEqual(["graph TD", "  network --> db", "  db --> app", "  dns"]);
  });
  (0,__vite_ssr_import_0__.it)("orders the real prod stacks: bootstrap, then secrets-kms, and every stack after each stack it reads", () => {
    const inputs = prod.stackIds.map((id) => {
      const component = id.slice("prod-".length);
      return { id, environment: "prod", component, json: prod.stack(component).json, dependencies: [] };
    });
    const nodes = (0,__vite_ssr_import_1__.stackGraph)(inputs);
    const order = (0,__vite_ssr_import_1__.topologicalOrder)(nodes);
    (0,__vite_ssr_import_0__.expect)(order.slice(0, 2)).toEqual(["prod-bootstrap", "prod-secrets-kms"]);
    for (const node of nodes) {
      for (const upstream of node.dependsOn.keys()) (0,__vite_ssr_import_0__.expect)(order.indexOf(upstream)).toBeLessThan(order.indexOf(node.id));
    };
    (0,__vite_ssr_import_0__.expect)(nodes.find((n) => n.id === "prod-rds").dependsOn.has("prod-vpc")).toBe(true);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBOzs7O0FBV0EsU0FBUyxNQUFNLFdBQW1CLFFBQWtCLENBQUMsR0FBRyxVQUF3QixDQUFDLEdBQWU7QUFDOUYsUUFBTSxPQUFPLE9BQU87QUFBQSxJQUNsQixNQUFNLElBQUksQ0FBQyxhQUFhLENBQUMsUUFBUSxRQUFRLElBQUksRUFBRSxTQUFTLE1BQU0sUUFBUSxFQUFFLFFBQVEsU0FBUyxLQUFLLEdBQUcsUUFBUSxXQUFXLEVBQUUsQ0FBQyxDQUFDO0FBQUEsRUFDMUg7QUFDQSxRQUFNLGNBQWMsTUFBTSxJQUFJLENBQUMsYUFBYSx1Q0FBdUMsUUFBUSxpQkFBaUI7QUFDNUcsU0FBTztBQUFBLElBQ0wsSUFBSSxRQUFRLFNBQVM7QUFBQSxJQUNyQixhQUFhO0FBQUEsSUFDYjtBQUFBLElBQ0EsY0FBYyxRQUFRLGdCQUFnQixDQUFDO0FBQUEsSUFDdkMsTUFBTTtBQUFBLE1BQ0osV0FBVyxFQUFFLFNBQVMsUUFBUSxlQUFlLEVBQUUsT0FBTyxFQUFFLE1BQU0sSUFBSSxFQUFFLElBQUksRUFBRSxJQUFJLEVBQUUsUUFBUSxTQUFTLEtBQUssR0FBRyxTQUFTLFdBQVcsRUFBRSxFQUFFO0FBQUEsTUFDakksTUFBTSxNQUFNLFNBQVMsRUFBRSx3QkFBd0IsS0FBSyxJQUFJO0FBQUEsTUFDeEQsVUFBVTtBQUFBLFFBQ1IsR0FBSSxZQUFZLFNBQVMsRUFBRSxlQUFlLEVBQUUsTUFBTSxFQUFFLFVBQVUsWUFBWSxFQUFFLEVBQUUsSUFBSSxDQUFDO0FBQUEsUUFDbkYsR0FBSSxRQUFRLFVBQVUsRUFBRSxlQUFlLE9BQU8sWUFBWSxRQUFRLFFBQVEsSUFBSSxDQUFDLE1BQU0sQ0FBQyxHQUFHLEVBQUUsUUFBUSxFQUFFLENBQUMsQ0FBQyxDQUFDLEVBQUUsSUFBSSxDQUFDO0FBQUEsTUFDakg7QUFBQSxJQUNGO0FBQUEsRUFDRjtBQUNGO0dBRUEsZ0NBQVMsZUFBZSxNQUFNO0FBQzVCLFFBQU0sVUFBTyx3Q0FBaUIsTUFBTTtBQUVwQywrQkFBRyxrR0FBa0csTUFBTTtBQUN6RyxVQUFNLFdBQVEsa0NBQVcsQ0FBQyxNQUFNLE9BQU8sQ0FBQyxNQUFNLFNBQVMsQ0FBQyxHQUFHLE1BQU0sTUFBTSxDQUFDLFNBQVMsQ0FBQyxHQUFHLE1BQU0sU0FBUyxHQUFHLE1BQU0sS0FBSyxDQUFDLENBQUM7QUFDcEgsd0NBQU8sd0NBQWlCLEtBQUssQ0FBQyxFQUFFLFFBQVEsQ0FBQyxnQkFBZ0IsV0FBVyxZQUFZLFVBQVUsQ0FBQztBQUFBLEVBQzdGLENBQUM7QUFFRCwrQkFBRyw0RkFBNEYsTUFBTTtBQUNuRyxVQUFNLFlBQVksTUFBTSxhQUFhLENBQUMsR0FBRyxFQUFFLFNBQVMsQ0FBQyxPQUFPLEdBQUcsY0FBYyxLQUFLLENBQUM7QUFDbkYsVUFBTSxXQUFRLGtDQUFXLENBQUMsTUFBTSxPQUFPLENBQUMsR0FBRyxFQUFFLGNBQWMsQ0FBQyxhQUFhLEVBQUUsQ0FBQyxHQUFHLE1BQU0sUUFBUSxHQUFHLFNBQVMsQ0FBQztBQUMxRyx3Q0FBTyx3Q0FBaUIsS0FBSyxDQUFDLEVBQUUsUUFBUSxDQUFDLGtCQUFrQixlQUFlLFVBQVUsQ0FBQztBQUNyRixxQ0FBTyxDQUFDLEdBQUcsTUFBTSxDQUFDLEVBQUUsVUFBVSxRQUFRLENBQUMsQ0FBQyxFQUFFLFFBQVE7QUFBQSxNQUNoRCxDQUFDLGVBQWUsQ0FBQyxrQkFBa0IsQ0FBQztBQUFBLE1BQ3BDLENBQUMsa0JBQWtCLENBQUMsMEJBQTBCLENBQUM7QUFBQSxJQUNqRCxDQUFDO0FBQUEsRUFDSCxDQUFDO0FBRUQsK0JBQUcsK0NBQStDLE1BQU07QUFDdEQsVUFBTSxXQUFRLGtDQUFXLENBQUMsTUFBTSxLQUFLLENBQUMsR0FBRyxDQUFDLEdBQUcsTUFBTSxLQUFLLENBQUMsR0FBRyxDQUFDLEdBQUcsTUFBTSxLQUFLLENBQUMsR0FBRyxDQUFDLEdBQUcsTUFBTSxHQUFHLENBQUMsQ0FBQztBQUM5RixxQ0FBTyxTQUFNLHdDQUFpQixLQUFLLENBQUMsRUFBRSxXQUFRLDJDQUFvQjtBQUNsRSxRQUFJO0FBQ0YsaURBQWlCLEtBQUs7QUFBQSxJQUN4QixTQUFTLE9BQU87QUFDZCxZQUFNLFFBQVMsTUFBK0I7QUFDOUMsdUNBQU8sTUFBTSxDQUFDLENBQUMsRUFBRSxLQUFLLE1BQU0sTUFBTSxTQUFTLENBQUMsQ0FBQztBQUM3Qyx1Q0FBTyxJQUFJLElBQUksS0FBSyxDQUFDLEVBQUUsUUFBUSxvQkFBSSxJQUFJLENBQUMsVUFBVSxVQUFVLFFBQVEsQ0FBQyxDQUFDO0FBQUEsSUFDeEU7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRywrQ0FBK0MsTUFBTTtBQUN0RCxxQ0FBTyxTQUFNLGtDQUFXLENBQUMsTUFBTSxPQUFPLENBQUMsT0FBTyxDQUFDLENBQUMsQ0FBQyxDQUFDLEVBQUUsUUFBUSxrRUFBa0U7QUFBQSxFQUNoSSxDQUFDO0FBRUQsK0JBQUcsa0VBQWtFLE1BQU07QUFDekUsVUFBTSxXQUFRLGtDQUFXLENBQUMsTUFBTSxTQUFTLEdBQUcsTUFBTSxNQUFNLENBQUMsU0FBUyxDQUFDLEdBQUcsTUFBTSxPQUFPLENBQUMsTUFBTSxTQUFTLENBQUMsR0FBRyxNQUFNLEtBQUssQ0FBQyxDQUFDO0FBQ3BILHdDQUFPLGlDQUFVLEtBQUssRUFBRSxNQUFNLElBQUksQ0FBQyxFQUFFLFFBQVEsQ0FBQyxZQUFZLG9CQUFvQixnQkFBZ0IsT0FBTyxDQUFDO0FBQUEsRUFDeEcsQ0FBQztBQUVELCtCQUFHLHVHQUF1RyxNQUFNO0FBQzlHLFVBQU0sU0FBUyxLQUFLLFNBQVMsSUFBSSxDQUFDLE9BQU87QUFDdkMsWUFBTSxZQUFZLEdBQUcsTUFBTSxRQUFRLE1BQU07QUFDekMsYUFBTyxFQUFFLElBQUksYUFBYSxRQUFRLFdBQVcsTUFBTSxLQUFLLE1BQU0sU0FBUyxFQUFFLE1BQTRCLGNBQWMsQ0FBQyxFQUFFO0FBQUEsSUFDeEgsQ0FBQztBQUNELFVBQU0sV0FBUSxrQ0FBVyxNQUFNO0FBQy9CLFVBQU0sV0FBUSx3Q0FBaUIsS0FBSztBQUNwQyxxQ0FBTyxNQUFNLE1BQU0sR0FBRyxDQUFDLENBQUMsRUFBRSxRQUFRLENBQUMsa0JBQWtCLGtCQUFrQixDQUFDO0FBQ3hFLGVBQVcsUUFBUSxPQUFPO0FBQ3hCLGlCQUFXLFlBQVksS0FBSyxVQUFVLEtBQUssRUFBRyxrQ0FBTyxNQUFNLFFBQVEsUUFBUSxDQUFDLEVBQUUsYUFBYSxNQUFNLFFBQVEsS0FBSyxFQUFFLENBQUM7QUFBQSxJQUNuSDtBQUNBLHFDQUFPLE1BQU0sS0FBSyxDQUFDLE1BQU0sRUFBRSxPQUFPLFVBQVUsRUFBRyxVQUFVLElBQUksVUFBVSxDQUFDLEVBQUUsS0FBSyxJQUFJO0FBQUEsRUFDckYsQ0FBQztBQUNILENBQUMiLCJuYW1lcyI6W10sImlnbm9yZUxpc3QiOltdLCJzb3VyY2VzIjpbInN0YWNrLWdyYXBoLnRlc3QudHMiXSwic291cmNlc0NvbnRlbnQiOlsiaW1wb3J0IHsgZGVzY3JpYmUsIGV4cGVjdCwgaXQgfSBmcm9tIFwidml0ZXN0XCI7XG5pbXBvcnQgeyBEZXBlbmRlbmN5Q3ljbGVFcnJvciwgR3JhcGhJbnB1dCwgc3RhY2tHcmFwaCwgdG9NZXJtYWlkLCB0b3BvbG9naWNhbE9yZGVyIH0gZnJvbSBcIi4uLy4uL3NjcmlwdHMvc3RhY2stZ3JhcGhcIjtcbmltcG9ydCB7IHN5bnRoRW52aXJvbm1lbnQgfSBmcm9tIFwiLi4vc3VwcG9ydC9zeW50aFwiO1xuXG5pbnRlcmZhY2UgU3RhY2tPcHRpb25zIHtcbiAgcmVhZG9ubHkgZGVwZW5kZW5jaWVzPzogc3RyaW5nW107XG4gIC8qKiBCdWNrZXRzIHRoZSBzdGFjayBjcmVhdGVzLiAqL1xuICByZWFkb25seSBidWNrZXRzPzogc3RyaW5nW107XG4gIC8qKiBLZWVwIHN0YXRlIGxvY2FsbHkgaW5zdGVhZCBvZiBpbiB0aGUgYHN0YXRlYCBidWNrZXQuICovXG4gIHJlYWRvbmx5IGxvY2FsQmFja2VuZD86IGJvb2xlYW47XG59XG5cbi8qKiBBIG1pbmltYWwgc3ludGhlc2l6ZWQgc3RhY2s6IFMzIGJhY2tlbmQgYXQgYHN0YXRlLzxjb21wb25lbnQ+LnRmc3RhdGVgLCByZW1vdGUtc3RhdGUgcmVhZHMgb2YgYHJlYWRzYC4gKi9cbmZ1bmN0aW9uIHN0YWNrKGNvbXBvbmVudDogc3RyaW5nLCByZWFkczogc3RyaW5nW10gPSBbXSwgb3B0aW9uczogU3RhY2tPcHRpb25zID0ge30pOiBHcmFwaElucHV0IHtcbiAgY29uc3QgZGF0YSA9IE9iamVjdC5mcm9tRW50cmllcyhcbiAgICByZWFkcy5tYXAoKHVwc3RyZWFtKSA9PiBbYHJlYWRfJHt1cHN0cmVhbX1gLCB7IGJhY2tlbmQ6IFwiczNcIiwgY29uZmlnOiB7IGJ1Y2tldDogXCJzdGF0ZVwiLCBrZXk6IGAke3Vwc3RyZWFtfS50ZnN0YXRlYCB9IH1dKSxcbiAgKTtcbiAgY29uc3Qgb3V0cHV0c1JlYWQgPSByZWFkcy5tYXAoKHVwc3RyZWFtKSA9PiBgXFwke2RhdGEudGVycmFmb3JtX3JlbW90ZV9zdGF0ZS5yZWFkXyR7dXBzdHJlYW19Lm91dHB1dHMudmFsdWV9YCk7XG4gIHJldHVybiB7XG4gICAgaWQ6IGBwcm9kLSR7Y29tcG9uZW50fWAsXG4gICAgZW52aXJvbm1lbnQ6IFwicHJvZFwiLFxuICAgIGNvbXBvbmVudCxcbiAgICBkZXBlbmRlbmNpZXM6IG9wdGlvbnMuZGVwZW5kZW5jaWVzID8/IFtdLFxuICAgIGpzb246IHtcbiAgICAgIHRlcnJhZm9ybTogeyBiYWNrZW5kOiBvcHRpb25zLmxvY2FsQmFja2VuZCA/IHsgbG9jYWw6IHsgcGF0aDogXCJ4XCIgfSB9IDogeyBzMzogeyBidWNrZXQ6IFwic3RhdGVcIiwga2V5OiBgJHtjb21wb25lbnR9LnRmc3RhdGVgIH0gfSB9LFxuICAgICAgZGF0YTogcmVhZHMubGVuZ3RoID8geyB0ZXJyYWZvcm1fcmVtb3RlX3N0YXRlOiBkYXRhIH0gOiB1bmRlZmluZWQsXG4gICAgICByZXNvdXJjZToge1xuICAgICAgICAuLi4ob3V0cHV0c1JlYWQubGVuZ3RoID8geyBudWxsX3Jlc291cmNlOiB7IHVzZXM6IHsgdHJpZ2dlcnM6IG91dHB1dHNSZWFkIH0gfSB9IDoge30pLFxuICAgICAgICAuLi4ob3B0aW9ucy5idWNrZXRzID8geyBhd3NfczNfYnVja2V0OiBPYmplY3QuZnJvbUVudHJpZXMob3B0aW9ucy5idWNrZXRzLm1hcCgoYikgPT4gW2IsIHsgYnVja2V0OiBiIH1dKSkgfSA6IHt9KSxcbiAgICAgIH0sXG4gICAgfSxcbiAgfTtcbn1cblxuZGVzY3JpYmUoXCJzdGFjayBncmFwaFwiLCAoKSA9PiB7XG4gIGNvbnN0IHByb2QgPSBzeW50aEVudmlyb25tZW50KFwicHJvZFwiKTtcblxuICBpdChcIm9yZGVycyBzdGFja3MgYWZ0ZXIgdGhlIHN0YWNrcyB3aG9zZSBzdGF0ZSB0aGV5IHJlYWQsIGtlZXBpbmcgdGhlIGlucHV0IG9yZGVyIGFtb25nIHJlYWR5IG9uZXNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IG5vZGVzID0gc3RhY2tHcmFwaChbc3RhY2soXCJhcHBcIiwgW1wiZGJcIiwgXCJuZXR3b3JrXCJdKSwgc3RhY2soXCJkYlwiLCBbXCJuZXR3b3JrXCJdKSwgc3RhY2soXCJuZXR3b3JrXCIpLCBzdGFjayhcImRuc1wiKV0pO1xuICAgIGV4cGVjdCh0b3BvbG9naWNhbE9yZGVyKG5vZGVzKSkudG9FcXVhbChbXCJwcm9kLW5ldHdvcmtcIiwgXCJwcm9kLWRiXCIsIFwicHJvZC1hcHBcIiwgXCJwcm9kLWRuc1wiXSk7XG4gIH0pO1xuXG4gIGl0KFwicHV0cyB0aGUgc3RhY2sgdGhhdCBjcmVhdGVzIHRoZSBzdGF0ZSBidWNrZXQgZmlyc3QsIGFuZCBmb2xsb3dzIGNka3RmJ3Mgb3duIGRlcGVuZGVuY2llc1wiLCAoKSA9PiB7XG4gICAgY29uc3QgYm9vdHN0cmFwID0gc3RhY2soXCJib290c3RyYXBcIiwgW10sIHsgYnVja2V0czogW1wic3RhdGVcIl0sIGxvY2FsQmFja2VuZDogdHJ1ZSB9KTtcbiAgICBjb25zdCBub2RlcyA9IHN0YWNrR3JhcGgoW3N0YWNrKFwiYXBwXCIsIFtdLCB7IGRlcGVuZGVuY2llczogW1wicHJvZC13b3JrZXJcIl0gfSksIHN0YWNrKFwid29ya2VyXCIpLCBib290c3RyYXBdKTtcbiAgICBleHBlY3QodG9wb2xvZ2ljYWxPcmRlcihub2RlcykpLnRvRXF1YWwoW1wicHJvZC1ib290c3RyYXBcIiwgXCJwcm9kLXdvcmtlclwiLCBcInByb2QtYXBwXCJdKTtcbiAgICBleHBlY3QoWy4uLm5vZGVzWzBdLmRlcGVuZHNPbi5lbnRyaWVzKCldKS50b0VxdWFsKFtcbiAgICAgIFtcInByb2Qtd29ya2VyXCIsIFtcImNka3RmIGRlcGVuZGVuY3lcIl1dLFxuICAgICAgW1wicHJvZC1ib290c3RyYXBcIiwgW1wiY3JlYXRlcyBpdHMgc3RhdGUgYnVja2V0XCJdXSxcbiAgICBdKTtcbiAgfSk7XG5cbiAgaXQoXCJmYWlscyBvbiBhIGN5Y2xlIGFuZCBuYW1lcyB0aGUgc3RhY2tzIGluIGl0XCIsICgpID0+IHtcbiAgICBjb25zdCBub2RlcyA9IHN0YWNrR3JhcGgoW3N0YWNrKFwiYVwiLCBbXCJjXCJdKSwgc3RhY2soXCJiXCIsIFtcImFcIl0pLCBzdGFjayhcImNcIiwgW1wiYlwiXSksIHN0YWNrKFwiZFwiKV0pO1xuICAgIGV4cGVjdCgoKSA9PiB0b3BvbG9naWNhbE9yZGVyKG5vZGVzKSkudG9UaHJvdyhEZXBlbmRlbmN5Q3ljbGVFcnJvcik7XG4gICAgdHJ5IHtcbiAgICAgIHRvcG9sb2dpY2FsT3JkZXIobm9kZXMpO1xuICAgIH0gY2F0Y2ggKGVycm9yKSB7XG4gICAgICBjb25zdCBjeWNsZSA9IChlcnJvciBhcyBEZXBlbmRlbmN5Q3ljbGVFcnJvcikuY3ljbGU7XG4gICAgICBleHBlY3QoY3ljbGVbMF0pLnRvQmUoY3ljbGVbY3ljbGUubGVuZ3RoIC0gMV0pO1xuICAgICAgZXhwZWN0KG5ldyBTZXQoY3ljbGUpKS50b0VxdWFsKG5ldyBTZXQoW1wicHJvZC1hXCIsIFwicHJvZC1iXCIsIFwicHJvZC1jXCJdKSk7XG4gICAgfVxuICB9KTtcblxuICBpdChcInJlZnVzZXMgYSByZW1vdGUgc3RhdGUgdGhhdCBubyBzdGFjayB3cml0ZXNcIiwgKCkgPT4ge1xuICAgIGV4cGVjdCgoKSA9PiBzdGFja0dyYXBoKFtzdGFjayhcImFwcFwiLCBbXCJnaG9zdFwiXSldKSkudG9UaHJvdygvcHJvZC1hcHAgcmVhZHMgc3RhdGUgc3RhdGVcXC9naG9zdC50ZnN0YXRlLCB3aGljaCBubyBzdGFjayB3cml0ZXMvKTtcbiAgfSk7XG5cbiAgaXQoXCJkcmF3cyBtZXJtYWlkIHdpdGhvdXQgdGhlIGFycm93cyBhIGxvbmdlciBwYXRoIGFscmVhZHkgaW1wbGllc1wiLCAoKSA9PiB7XG4gICAgY29uc3Qgbm9kZXMgPSBzdGFja0dyYXBoKFtzdGFjayhcIm5ldHdvcmtcIiksIHN0YWNrKFwiZGJcIiwgW1wibmV0d29ya1wiXSksIHN0YWNrKFwiYXBwXCIsIFtcImRiXCIsIFwibmV0d29ya1wiXSksIHN0YWNrKFwiZG5zXCIpXSk7XG4gICAgZXhwZWN0KHRvTWVybWFpZChub2Rlcykuc3BsaXQoXCJcXG5cIikpLnRvRXF1YWwoW1wiZ3JhcGggVERcIiwgXCIgIG5ldHdvcmsgLS0+IGRiXCIsIFwiICBkYiAtLT4gYXBwXCIsIFwiICBkbnNcIl0pO1xuICB9KTtcblxuICBpdChcIm9yZGVycyB0aGUgcmVhbCBwcm9kIHN0YWNrczogYm9vdHN0cmFwLCB0aGVuIHNlY3JldHMta21zLCBhbmQgZXZlcnkgc3RhY2sgYWZ0ZXIgZWFjaCBzdGFjayBpdCByZWFkc1wiLCAoKSA9PiB7XG4gICAgY29uc3QgaW5wdXRzID0gcHJvZC5zdGFja0lkcy5tYXAoKGlkKSA9PiB7XG4gICAgICBjb25zdCBjb21wb25lbnQgPSBpZC5zbGljZShcInByb2QtXCIubGVuZ3RoKTtcbiAgICAgIHJldHVybiB7IGlkLCBlbnZpcm9ubWVudDogXCJwcm9kXCIsIGNvbXBvbmVudCwganNvbjogcHJvZC5zdGFjayhjb21wb25lbnQpLmpzb24gYXMgR3JhcGhJbnB1dFtcImpzb25cIl0sIGRlcGVuZGVuY2llczogW10gfTtcbiAgICB9KTtcbiAgICBjb25zdCBub2RlcyA9IHN0YWNrR3JhcGgoaW5wdXRzKTtcbiAgICBjb25zdCBvcmRlciA9IHRvcG9sb2dpY2FsT3JkZXIobm9kZXMpO1xuICAgIGV4cGVjdChvcmRlci5zbGljZSgwLCAyKSkudG9FcXVhbChbXCJwcm9kLWJvb3RzdHJhcFwiLCBcInByb2Qtc2VjcmV0cy1rbXNcIl0pO1xuICAgIGZvciAoY29uc3Qgbm9kZSBvZiBub2Rlcykge1xuICAgICAgZm9yIChjb25zdCB1cHN0cmVhbSBvZiBub2RlLmRlcGVuZHNPbi5rZXlzKCkpIGV4cGVjdChvcmRlci5pbmRleE9mKHVwc3RyZWFtKSkudG9CZUxlc3NUaGFuKG9yZGVyLmluZGV4T2Yobm9kZS5pZCkpO1xuICAgIH1cbiAgICBleHBlY3Qobm9kZXMuZmluZCgobikgPT4gbi5pZCA9PT0gXCJwcm9kLXJkc1wiKSEuZGVwZW5kc09uLmhhcyhcInByb2QtdnBjXCIpKS50b0JlKHRydWUpO1xuICB9KTtcbn0pO1xuIl0sImZpbGUiOiIvd29yay9tYWluL19fdGVzdHNfXy91bml0L3N0YWNrLWdyYXBoLnRlc3QudHMifQ==
