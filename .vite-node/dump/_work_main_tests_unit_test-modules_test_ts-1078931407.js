// /work/main/__tests__/unit/test-modules.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket", {"importedNames":["S3Bucket"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("cdktf", {"importedNames":["App","TerraformStack"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("cdktf/lib/tokens/private/resolve");
const __vite_ssr_import_3__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["loadBlueprints"]});
const __vite_ssr_import_5__ = await __vite_ssr_import__("/dist/test-modules/shims/patches/fast-resolve.cjs", {"importedNames":["resolve"]});
const __vite_ssr_import_6__ = await __vite_ssr_import__("/dist/test-modules/shims/stacks/app.cjs", {"importedNames":["buildPlatformApp"]});







(0,__vite_ssr_import_3__.describe)("the code under test", () => {
  const { app } = (0,__vite_ssr_import_6__.buildPlatformApp)({ configs: (0,__vite_ssr_import_4__.loadBlueprints)("voice-ai", "dev") });
  (0,__vite_ssr_import_3__.it)("uses the cdktf the tests import", () => {
    (0,__vite_ssr_import_3__.expect)(app).toBeInstanceOf((0,__vite_ssr_import_1__.App));
    (0,__vite_ssr_import_3__.expect)(app.node.children.every((child) => child instanceof __vite_ssr_import_1__.TerraformStack)).toBe(true);
  });
  (0,__vite_ssr_import_3__.it)("uses the provider classes the tests import", () => {
    const buckets = app.node.findAll().filter((construct) => construct instanceof __vite_ssr_import_0__.S3Bucket);
    (0,__vite_ssr_import_3__.expect)(buckets.length).toBeGreaterThan(0);
  });
  (0,__vite_ssr_import_3__.it)("runs with the fast resolver in place of cdktf's", () => {
    (0,__vite_ssr_import_3__.expect)(__vite_ssr_import_2__.resolve).toBe((0,__vite_ssr_import_5__.resolve));
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7Ozs7Ozs7O0dBS0EsZ0NBQVMsdUJBQXVCLE1BQU07QUFDcEMsUUFBTSxFQUFFLElBQUksT0FBSSx3Q0FBaUIsRUFBRSxZQUFTLHNDQUFlLFlBQVksS0FBSyxFQUFFLENBQUM7QUFFL0UsK0JBQUcsbUNBQW1DLE1BQU07QUFDMUMscUNBQU8sR0FBRyxFQUFFLGtCQUFlLDBCQUFHO0FBQzlCLHFDQUFPLElBQUksS0FBSyxTQUFTLE1BQU0sQ0FBQyxVQUFVLGlCQUFpQixvQ0FBYyxDQUFDLEVBQUUsS0FBSyxJQUFJO0FBQUEsRUFDdkYsQ0FBQztBQUVELCtCQUFHLDhDQUE4QyxNQUFNO0FBQ3JELFVBQU0sVUFBVSxJQUFJLEtBQUssUUFBUSxFQUFFLE9BQU8sQ0FBQyxjQUFjLHFCQUFxQiw4QkFBUTtBQUN0RixxQ0FBTyxRQUFRLE1BQU0sRUFBRSxnQkFBZ0IsQ0FBQztBQUFBLEVBQzFDLENBQUM7QUFFRCwrQkFBRyxtREFBbUQsTUFBTTtBQUMxRCxxQ0FBTyxzQkFBYyxPQUFPLEVBQUUsUUFBSyw4QkFBVztBQUFBLEVBQ2hELENBQUM7QUFDSCxDQUFDIiwibmFtZXMiOltdLCJpZ25vcmVMaXN0IjpbXSwic291cmNlcyI6WyJ0ZXN0LW1vZHVsZXMudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBTM0J1Y2tldCB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zMy1idWNrZXRcIjtcbmltcG9ydCB7IEFwcCwgVGVycmFmb3JtU3RhY2sgfSBmcm9tIFwiY2RrdGZcIjtcbmltcG9ydCAqIGFzIHJlc29sdmVNb2R1bGUgZnJvbSBcImNka3RmL2xpYi90b2tlbnMvcHJpdmF0ZS9yZXNvbHZlXCI7XG5pbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IGxvYWRCbHVlcHJpbnRzIH0gZnJvbSBcIi4uLy4uL2NvbmZpZ1wiO1xuaW1wb3J0IHsgcmVzb2x2ZSBhcyBmYXN0UmVzb2x2ZSB9IGZyb20gXCIuLi8uLi9wYXRjaGVzL2Zhc3QtcmVzb2x2ZVwiO1xuaW1wb3J0IHsgYnVpbGRQbGF0Zm9ybUFwcCB9IGZyb20gXCIuLi8uLi9zdGFja3MvYXBwXCI7XG5cbi8vIFRoZSB0ZXN0cyBsb2FkIHRoZSBhcHAgYW5kIGl0cyBwYWNrYWdlcyBmcm9tIG9uZSBwcmVidWlsdCBidW5kbGUgKHNjcmlwdHMvdGVzdC1tb2R1bGVzLm1qcykuIFdlcmUgYSBwYWNrYWdlXG4vLyBsb2FkZWQgdHdpY2UgKHRoZSBidW5kbGUncyBjb3B5IGFuZCBOb2RlJ3MpLCBjbGFzc2VzIHdvdWxkIHN0b3AgbWF0Y2hpbmcgYW5kIHRoZSBwYXRjaGVzIHdvdWxkIG1pc3MgdGhlIGNvcHlcbi8vIHRoZSBzdGFja3MgdXNlOyB0aGVzZSB3b3VsZCBmYWlsIGZpcnN0LlxuZGVzY3JpYmUoXCJ0aGUgY29kZSB1bmRlciB0ZXN0XCIsICgpID0+IHtcbiAgY29uc3QgeyBhcHAgfSA9IGJ1aWxkUGxhdGZvcm1BcHAoeyBjb25maWdzOiBsb2FkQmx1ZXByaW50cyhcInZvaWNlLWFpXCIsIFwiZGV2XCIpIH0pO1xuXG4gIGl0KFwidXNlcyB0aGUgY2RrdGYgdGhlIHRlc3RzIGltcG9ydFwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KGFwcCkudG9CZUluc3RhbmNlT2YoQXBwKTtcbiAgICBleHBlY3QoYXBwLm5vZGUuY2hpbGRyZW4uZXZlcnkoKGNoaWxkKSA9PiBjaGlsZCBpbnN0YW5jZW9mIFRlcnJhZm9ybVN0YWNrKSkudG9CZSh0cnVlKTtcbiAgfSk7XG5cbiAgaXQoXCJ1c2VzIHRoZSBwcm92aWRlciBjbGFzc2VzIHRoZSB0ZXN0cyBpbXBvcnRcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGJ1Y2tldHMgPSBhcHAubm9kZS5maW5kQWxsKCkuZmlsdGVyKChjb25zdHJ1Y3QpID0+IGNvbnN0cnVjdCBpbnN0YW5jZW9mIFMzQnVja2V0KTtcbiAgICBleHBlY3QoYnVja2V0cy5sZW5ndGgpLnRvQmVHcmVhdGVyVGhhbigwKTtcbiAgfSk7XG5cbiAgaXQoXCJydW5zIHdpdGggdGhlIGZhc3QgcmVzb2x2ZXIgaW4gcGxhY2Ugb2YgY2RrdGYnc1wiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHJlc29sdmVNb2R1bGUucmVzb2x2ZSkudG9CZShmYXN0UmVzb2x2ZSk7XG4gIH0pO1xufSk7XG4iXSwiZmlsZSI6Ii93b3JrL21haW4vX190ZXN0c19fL3VuaXQvdGVzdC1tb2R1bGVzLnRlc3QudHMifQ==
