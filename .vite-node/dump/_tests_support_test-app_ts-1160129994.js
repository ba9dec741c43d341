// /__tests__/support/test-app.ts
__vite_ssr_exportName__("testApp", () => { try { return testApp } catch {} });
const __vite_ssr_import_0__ = await __vite_ssr_import__("node:fs", {"importedNames":["mkdtempSync","rmSync"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("node:os", {"importedNames":["tmpdir"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("node:path", {"importedNames":["join"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("cdktf", {"importedNames":["Testing"]});




const outdir = (0,__vite_ssr_import_0__.mkdtempSync)((0,__vite_ssr_import_2__.join)((0,__vite_ssr_import_1__.tmpdir)(), "voice-infra-test-app-"));
process.on("exit", () => (0,__vite_ssr_import_0__.rmSync)(outdir, { recursive: true, force: true }));
function testApp() {
  return __vite_ssr_import_3__.Testing.app({ outdir });
}

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IjtBQUFBO0FBQ0E7QUFDQTtBQUNBOzs7OztBQUlBLE1BQU0sWUFBUyxzQ0FBWSwrQkFBSyw4QkFBTyxHQUFHLHVCQUF1QixDQUFDO0FBQ2xFLFFBQVEsR0FBRyxRQUFRLFNBQU0sOEJBQU8sUUFBUSxFQUFFLFdBQVcsTUFBTSxPQUFPLEtBQUssQ0FBQyxDQUFDO0FBR2xFLFNBQVMsVUFBZTtBQUM3QixTQUFPLDhCQUFRLElBQUksRUFBRSxPQUFPLENBQUM7QUFDL0IiLCJuYW1lcyI6W10sImlnbm9yZUxpc3QiOltdLCJzb3VyY2VzIjpbInRlc3QtYXBwLnRzIl0sInNvdXJjZXNDb250ZW50IjpbImltcG9ydCB7IG1rZHRlbXBTeW5jLCBybVN5bmMgfSBmcm9tIFwibm9kZTpmc1wiO1xuaW1wb3J0IHsgdG1wZGlyIH0gZnJvbSBcIm5vZGU6b3NcIjtcbmltcG9ydCB7IGpvaW4gfSBmcm9tIFwibm9kZTpwYXRoXCI7XG5pbXBvcnQgeyBBcHAsIFRlc3RpbmcgfSBmcm9tIFwiY2RrdGZcIjtcblxuLy8gVGVzdGluZy5hcHAoKSBtYWtlcyBhIG5ldyB0ZW1wIGRpcmVjdG9yeSBwZXIgY2FsbCBhbmQgbmV2ZXIgcmVtb3ZlcyBpdDsgdGhlc2UgYXBwcyBhcmUgb25seVxuLy8gaW5zcGVjdGVkIGluIG1lbW9yeSwgc28gb25lIGRpcmVjdG9yeSBwZXIgd29ya2VyIHNlcnZlcyB0aGVtIGFsbCBhbmQgZ29lcyBhd2F5IHdpdGggdGhlIHdvcmtlci5cbmNvbnN0IG91dGRpciA9IG1rZHRlbXBTeW5jKGpvaW4odG1wZGlyKCksIFwidm9pY2UtaW5mcmEtdGVzdC1hcHAtXCIpKTtcbnByb2Nlc3Mub24oXCJleGl0XCIsICgpID0+IHJtU3luYyhvdXRkaXIsIHsgcmVjdXJzaXZlOiB0cnVlLCBmb3JjZTogdHJ1ZSB9KSk7XG5cbi8qKiBBIGNka3RmIHRlc3RpbmcgYXBwIGZvciBzdGFja3MgdGhhdCBhcmUgaW5zcGVjdGVkIGluIG1lbW9yeSAoVGVzdGluZy5zeW50aCksIG5ldmVyIHdyaXR0ZW4gdG8gZGlzay4gKi9cbmV4cG9ydCBmdW5jdGlvbiB0ZXN0QXBwKCk6IEFwcCB7XG4gIHJldHVybiBUZXN0aW5nLmFwcCh7IG91dGRpciB9KTtcbn1cbiJdLCJmaWxlIjoiL19fdGVzdHNfXy9zdXBwb3J0L3Rlc3QtYXBwLnRzIn0=
