// /work/main/__tests__/unit/fast-resolve.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket", {"importedNames":["S3Bucket"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("cdktf", {"importedNames":["DefaultTokenResolver","Fn","Lazy","StringConcat","TerraformStack","Token","Tokenization"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/dist/test-modules/shims/patches.cjs", {"importedNames":["withCdktfResolver"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("/__tests__/support/test-app.ts", {"importedNames":["testApp"]});





const stack = new __vite_ssr_import_1__.TerraformStack((0,__vite_ssr_import_4__.testApp)(), "resolve");
const bucket = new __vite_ssr_import_0__.S3Bucket(stack, "bucket", { bucket: "b" });
function resolveBoth(value, preparing = false) {
  const resolve = () => __vite_ssr_import_1__.Tokenization.resolve(value, { scope: stack, resolver: new __vite_ssr_import_1__.DefaultTokenResolver(new __vite_ssr_import_1__.StringConcat()), preparing });
  const outcome = (run) => {
    try {
      return { value: run() };
    } catch (error) {
      return { error: error.message };
    }
  };
  return { fast: outcome(resolve), cdktf: outcome(() => (0,__vite_ssr_import_3__.withCdktfResolver)(resolve)) };
}
const nested = (depth) => depth === 0 ? "leaf" : [nested(depth - 1)];
const CASES = {
  "plain data": { a: "text", b: 1.5, c: true, d: null, e: [1, "two", false], f: { g: {} }, h: [] },
  "undefined values and holes are dropped": { a: void 0, b: [1, void 0, 3], c: [, 2] },
  "a reference": { id: bucket.id },
  "a reference inside a string": `arn:${bucket.arn}/*`,
  "references as keys": { [bucket.bucket]: bucket.id, plain: "x" },
  "a list token": bucket.corsRule,
  "a list token in a list": { tags: __vite_ssr_import_1__.Token.asList(bucket.id) },
  "a number token": __vite_ssr_import_1__.Token.asNumber(bucket.id),
  "a number token in a string": `${__vite_ssr_import_1__.Token.asNumber(bucket.id)} buckets`,
  "a string map token": __vite_ssr_import_1__.Token.asStringMap(bucket.tags),
  "an any map token": { tags: __vite_ssr_import_1__.Token.asAnyMap(bucket.tagsAll) },
  "a lazy value producing a reference": __vite_ssr_import_1__.Lazy.anyValue({ produce: () => ({ nested: [bucket.arn] }) }),
  "a function call over a reference": __vite_ssr_import_1__.Fn.jsonencode({ Resource: [bucket.arn, `${bucket.arn}/*`], Effect: "Allow" }),
  "escaped interpolation": "literal $${not.a.reference} and ${var.raw}",
  "strings that look like numbers": ["1e5", "ap-southeast-1", "3.2e+10", "-e-", "e", "2024-06-01e"],
  "a date": /* @__PURE__ */ new Date(0),
  "the string map marker": __vite_ssr_import_1__.Token.STRING_MAP_TOKEN_VALUE,
  "a function": { f: () => 1 },
  "a construct": { bucket },
  "nesting at the depth limit": nested(200),
  "nesting past the depth limit": nested(201)
};
(0,__vite_ssr_import_2__.describe)("the fast resolver gives cdktf's results", () => {
  __vite_ssr_import_2__.it.each(Object.entries(CASES))("%s", (_, value) => {
    const { fast, cdktf } = resolveBoth(value);
    (0,__vite_ssr_import_2__.expect)(fast).toEqual(cdktf);
  });
  (0,__vite_ssr_import_2__.it)("while preparing, too", () => {
    const { fast, cdktf } = resolveBoth({ id: bucket.id, list: bucket.corsRule, lazy: __vite_ssr_import_1__.Lazy.stringValue({ produce: () => bucket.arn }) }, true);
    (0,__vite_ssr_import_2__.expect)(fast).toEqual(cdktf);
  });
  (0,__vite_ssr_import_2__.it)("and the cases above cover values, errors and references", () => {
    const outcomes = Object.values(CASES).map((value) => resolveBoth(value).fast);
    (0,__vite_ssr_import_2__.expect)(outcomes.filter((o) => o.error !== void 0).length).toBeGreaterThanOrEqual(4);
    (0,__vite_ssr_import_2__.expect)(JSON.stringify(outcomes.map((o) => o.value))).toContain("${aws_s3_bucket.bucket.arn}");
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTs7Ozs7O0FBS0EsTUFBTSxRQUFRLElBQUksd0NBQWUsK0JBQVEsR0FBRyxTQUFTO0FBQ3JELE1BQU0sU0FBUyxJQUFJLCtCQUFTLE9BQU8sVUFBVSxFQUFFLFFBQVEsSUFBSSxDQUFDO0FBRTVELFNBQVMsWUFBWSxPQUFnQixZQUFZLE9BQTBDO0FBQ3pGLFFBQU0sVUFBVSxNQUFNLG1DQUFhLFFBQVEsT0FBTyxFQUFFLE9BQU8sT0FBTyxVQUFVLElBQUksMkNBQXFCLElBQUksbUNBQWEsQ0FBQyxHQUFHLFVBQVUsQ0FBQztBQUNySSxRQUFNLFVBQVUsQ0FBQyxRQUF1QjtBQUN0QyxRQUFJO0FBQ0YsYUFBTyxFQUFFLE9BQU8sSUFBSSxFQUFFO0FBQUEsSUFDeEIsU0FBUyxPQUFPO0FBQ2QsYUFBTyxFQUFFLE9BQVEsTUFBZ0IsUUFBUTtBQUFBLElBQzNDO0FBQUEsRUFDRjtBQUNBLFNBQU8sRUFBRSxNQUFNLFFBQVEsT0FBTyxHQUFHLE9BQU8sUUFBUSxTQUFNLHlDQUFrQixPQUFPLENBQUMsRUFBRTtBQUNwRjtBQUdBLE1BQU0sU0FBUyxDQUFDLFVBQTRCLFVBQVUsSUFBSSxTQUFTLENBQUMsT0FBTyxRQUFRLENBQUMsQ0FBQztBQUVyRixNQUFNLFFBQWlDO0FBQUEsRUFDckMsY0FBYyxFQUFFLEdBQUcsUUFBUSxHQUFHLEtBQUssR0FBRyxNQUFNLEdBQUcsTUFBTSxHQUFHLENBQUMsR0FBRyxPQUFPLEtBQUssR0FBRyxHQUFHLEVBQUUsR0FBRyxDQUFDLEVBQUUsR0FBRyxHQUFHLENBQUMsRUFBRTtBQUFBLEVBQy9GLDBDQUEwQyxFQUFFLEdBQUcsUUFBVyxHQUFHLENBQUMsR0FBRyxRQUFXLENBQUMsR0FBRyxHQUFHLENBQUMsRUFBRSxDQUFDLEVBQUU7QUFBQSxFQUN6RixlQUFlLEVBQUUsSUFBSSxPQUFPLEdBQUc7QUFBQSxFQUMvQiwrQkFBK0IsT0FBTyxPQUFPLEdBQUc7QUFBQSxFQUNoRCxzQkFBc0IsRUFBRSxDQUFDLE9BQU8sTUFBTSxHQUFHLE9BQU8sSUFBSSxPQUFPLElBQUk7QUFBQSxFQUMvRCxnQkFBZ0IsT0FBTztBQUFBLEVBQ3ZCLDBCQUEwQixFQUFFLE1BQU0sNEJBQU0sT0FBTyxPQUFPLEVBQUUsRUFBRTtBQUFBLEVBQzFELGtCQUFrQiw0QkFBTSxTQUFTLE9BQU8sRUFBRTtBQUFBLEVBQzFDLDhCQUE4QixHQUFHLDRCQUFNLFNBQVMsT0FBTyxFQUFFLENBQUM7QUFBQSxFQUMxRCxzQkFBc0IsNEJBQU0sWUFBWSxPQUFPLElBQUk7QUFBQSxFQUNuRCxvQkFBb0IsRUFBRSxNQUFNLDRCQUFNLFNBQVMsT0FBTyxPQUFPLEVBQUU7QUFBQSxFQUMzRCxzQ0FBc0MsMkJBQUssU0FBUyxFQUFFLFNBQVMsT0FBTyxFQUFFLFFBQVEsQ0FBQyxPQUFPLEdBQUcsRUFBRSxHQUFHLENBQUM7QUFBQSxFQUNqRyxvQ0FBb0MseUJBQUcsV0FBVyxFQUFFLFVBQVUsQ0FBQyxPQUFPLEtBQUssR0FBRyxPQUFPLEdBQUcsSUFBSSxHQUFHLFFBQVEsUUFBUSxDQUFDO0FBQUEsRUFDaEgseUJBQXlCO0FBQUEsRUFDekIsa0NBQWtDLENBQUMsT0FBTyxrQkFBa0IsV0FBVyxPQUFPLEtBQUssYUFBYTtBQUFBLEVBQ2hHLFVBQVUsb0JBQUksS0FBSyxDQUFDO0FBQUEsRUFDcEIseUJBQXlCLDRCQUFNO0FBQUEsRUFDL0IsY0FBYyxFQUFFLEdBQUcsTUFBTSxFQUFFO0FBQUEsRUFDM0IsZUFBZSxFQUFFLE9BQU87QUFBQSxFQUN4Qiw4QkFBOEIsT0FBTyxHQUFHO0FBQUEsRUFDeEMsZ0NBQWdDLE9BQU8sR0FBRztBQUM1QztHQUVBLGdDQUFTLDJDQUEyQyxNQUFNO0FBQ3hELDJCQUFHLEtBQUssT0FBTyxRQUFRLEtBQUssQ0FBQyxFQUFFLE1BQU0sQ0FBQyxHQUFHLFVBQVU7QUFDakQsVUFBTSxFQUFFLE1BQU0sTUFBTSxJQUFJLFlBQVksS0FBSztBQUN6QyxxQ0FBTyxJQUFJLEVBQUUsUUFBUSxLQUFLO0FBQUEsRUFDNUIsQ0FBQztBQUVELCtCQUFHLHdCQUF3QixNQUFNO0FBQy9CLFVBQU0sRUFBRSxNQUFNLE1BQU0sSUFBSSxZQUFZLEVBQUUsSUFBSSxPQUFPLElBQUksTUFBTSxPQUFPLFVBQVUsTUFBTSwyQkFBSyxZQUFZLEVBQUUsU0FBUyxNQUFNLE9BQU8sSUFBSSxDQUFDLEVBQUUsR0FBRyxJQUFJO0FBQ3pJLHFDQUFPLElBQUksRUFBRSxRQUFRLEtBQUs7QUFBQSxFQUM1QixDQUFDO0FBRUQsK0JBQUcsMkRBQTJELE1BQU07QUFDbEUsVUFBTSxXQUFXLE9BQU8sT0FBTyxLQUFLLEVBQUUsSUFBSSxDQUFDLFVBQVUsWUFBWSxLQUFLLEVBQUUsSUFBMkM7QUFDbkgscUNBQU8sU0FBUyxPQUFPLENBQUMsTUFBTSxFQUFFLFVBQVUsTUFBUyxFQUFFLE1BQU0sRUFBRSx1QkFBdUIsQ0FBQztBQUNyRixxQ0FBTyxLQUFLLFVBQVUsU0FBUyxJQUFJLENBQUMsTUFBTSxFQUFFLEtBQUssQ0FBQyxDQUFDLEVBQUUsVUFBVSw2QkFBNkI7QUFBQSxFQUM5RixDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsiZmFzdC1yZXNvbHZlLnRlc3QudHMiXSwic291cmNlc0NvbnRlbnQiOlsiaW1wb3J0IHsgUzNCdWNrZXQgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvczMtYnVja2V0XCI7XG5pbXBvcnQgeyBEZWZhdWx0VG9rZW5SZXNvbHZlciwgRm4sIExhenksIFN0cmluZ0NvbmNhdCwgVGVycmFmb3JtU3RhY2ssIFRva2VuLCBUb2tlbml6YXRpb24gfSBmcm9tIFwiY2RrdGZcIjtcbmltcG9ydCB7IGRlc2NyaWJlLCBleHBlY3QsIGl0IH0gZnJvbSBcInZpdGVzdFwiO1xuaW1wb3J0IHsgd2l0aENka3RmUmVzb2x2ZXIgfSBmcm9tIFwiLi4vLi4vcGF0Y2hlc1wiO1xuaW1wb3J0IHsgdGVzdEFwcCB9IGZyb20gXCIuLi9zdXBwb3J0L3Rlc3QtYXBwXCI7XG5cbi8vIFRoZSBmYXN0IHJlc29sdmVyIChwYXRjaGVzL2Zhc3QtcmVzb2x2ZS50cykgbXVzdCBnaXZlIHdoYXQgY2RrdGYncyBnaXZlcywgdmFsdWUgZm9yIHZhbHVlIGFuZCBlcnJvciBmb3IgZXJyb3IuXG4vLyBUaGUgaW50ZWdyYXRpb24gc3VpdGUgY29tcGFyZXMgd2hvbGUgc3ludGhlc2l6ZWQgYmx1ZXByaW50czsgdGhlc2UgYXJlIHRoZSB0b2tlbiBraW5kcyBvbmUgYnkgb25lLlxuXG5jb25zdCBzdGFjayA9IG5ldyBUZXJyYWZvcm1TdGFjayh0ZXN0QXBwKCksIFwicmVzb2x2ZVwiKTtcbmNvbnN0IGJ1Y2tldCA9IG5ldyBTM0J1Y2tldChzdGFjaywgXCJidWNrZXRcIiwgeyBidWNrZXQ6IFwiYlwiIH0pO1xuXG5mdW5jdGlvbiByZXNvbHZlQm90aCh2YWx1ZTogdW5rbm93biwgcHJlcGFyaW5nID0gZmFsc2UpOiB7IGZhc3Q6IHVua25vd247IGNka3RmOiB1bmtub3duIH0ge1xuICBjb25zdCByZXNvbHZlID0gKCkgPT4gVG9rZW5pemF0aW9uLnJlc29sdmUodmFsdWUsIHsgc2NvcGU6IHN0YWNrLCByZXNvbHZlcjogbmV3IERlZmF1bHRUb2tlblJlc29sdmVyKG5ldyBTdHJpbmdDb25jYXQoKSksIHByZXBhcmluZyB9KTtcbiAgY29uc3Qgb3V0Y29tZSA9IChydW46ICgpID0+IHVua25vd24pID0+IHtcbiAgICB0cnkge1xuICAgICAgcmV0dXJuIHsgdmFsdWU6IHJ1bigpIH07XG4gICAgfSBjYXRjaCAoZXJyb3IpIHtcbiAgICAgIHJldHVybiB7IGVycm9yOiAoZXJyb3IgYXMgRXJyb3IpLm1lc3NhZ2UgfTtcbiAgICB9XG4gIH07XG4gIHJldHVybiB7IGZhc3Q6IG91dGNvbWUocmVzb2x2ZSksIGNka3RmOiBvdXRjb21lKCgpID0+IHdpdGhDZGt0ZlJlc29sdmVyKHJlc29sdmUpKSB9O1xufVxuXG4vKiogTmVzdGVkIGBkZXB0aGAgbGV2ZWxzIGRlZXAgaW4gYXJyYXlzLiAqL1xuY29uc3QgbmVzdGVkID0gKGRlcHRoOiBudW1iZXIpOiB1bmtub3duID0+IChkZXB0aCA9PT0gMCA/IFwibGVhZlwiIDogW25lc3RlZChkZXB0aCAtIDEpXSk7XG5cbmNvbnN0IENBU0VTOiBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPiA9IHtcbiAgXCJwbGFpbiBkYXRhXCI6IHsgYTogXCJ0ZXh0XCIsIGI6IDEuNSwgYzogdHJ1ZSwgZDogbnVsbCwgZTogWzEsIFwidHdvXCIsIGZhbHNlXSwgZjogeyBnOiB7fSB9LCBoOiBbXSB9LFxuICBcInVuZGVmaW5lZCB2YWx1ZXMgYW5kIGhvbGVzIGFyZSBkcm9wcGVkXCI6IHsgYTogdW5kZWZpbmVkLCBiOiBbMSwgdW5kZWZpbmVkLCAzXSwgYzogWywgMl0gfSxcbiAgXCJhIHJlZmVyZW5jZVwiOiB7IGlkOiBidWNrZXQuaWQgfSxcbiAgXCJhIHJlZmVyZW5jZSBpbnNpZGUgYSBzdHJpbmdcIjogYGFybjoke2J1Y2tldC5hcm59LypgLFxuICBcInJlZmVyZW5jZXMgYXMga2V5c1wiOiB7IFtidWNrZXQuYnVja2V0XTogYnVja2V0LmlkLCBwbGFpbjogXCJ4XCIgfSxcbiAgXCJhIGxpc3QgdG9rZW5cIjogYnVja2V0LmNvcnNSdWxlLFxuICBcImEgbGlzdCB0b2tlbiBpbiBhIGxpc3RcIjogeyB0YWdzOiBUb2tlbi5hc0xpc3QoYnVja2V0LmlkKSB9LFxuICBcImEgbnVtYmVyIHRva2VuXCI6IFRva2VuLmFzTnVtYmVyKGJ1Y2tldC5pZCksXG4gIFwiYSBudW1iZXIgdG9rZW4gaW4gYSBzdHJpbmdcIjogYCR7VG9rZW4uYXNOdW1iZXIoYnVja2V0LmlkKX0gYnVja2V0c2AsXG4gIFwiYSBzdHJpbmcgbWFwIHRva2VuXCI6IFRva2VuLmFzU3RyaW5nTWFwKGJ1Y2tldC50YWdzKSxcbiAgXCJhbiBhbnkgbWFwIHRva2VuXCI6IHsgdGFnczogVG9rZW4uYXNBbnlNYXAoYnVja2V0LnRhZ3NBbGwpIH0sXG4gIFwiYSBsYXp5IHZhbHVlIHByb2R1Y2luZyBhIHJlZmVyZW5jZVwiOiBMYXp5LmFueVZhbHVlKHsgcHJvZHVjZTogKCkgPT4gKHsgbmVzdGVkOiBbYnVja2V0LmFybl0gfSkgfSksXG4gIFwiYSBmdW5jdGlvbiBjYWxsIG92ZXIgYSByZWZlcmVuY2VcIjogRm4uanNvbmVuY29kZSh7IFJlc291cmNlOiBbYnVja2V0LmFybiwgYCR7YnVja2V0LmFybn0vKmBdLCBFZmZlY3Q6IFwiQWxsb3dcIiB9KSxcbiAgXCJlc2NhcGVkIGludGVycG9sYXRpb25cIjogXCJsaXRlcmFsICQke25vdC5hLnJlZmVyZW5jZX0gYW5kICR7dmFyLnJhd31cIixcbiAgXCJzdHJpbmdzIHRoYXQgbG9vayBsaWtlIG51bWJlcnNcIjogW1wiMWU1XCIsIFwiYXAtc291dGhlYXN0LTFcIiwgXCIzLjJlKzEwXCIsIFwiLWUtXCIsIFwiZVwiLCBcIjIwMjQtMDYtMDFlXCJdLFxuICBcImEgZGF0ZVwiOiBuZXcgRGF0ZSgwKSxcbiAgXCJ0aGUgc3RyaW5nIG1hcCBtYXJrZXJcIjogVG9rZW4uU1RSSU5HX01BUF9UT0tFTl9WQUxVRSxcbiAgXCJhIGZ1bmN0aW9uXCI6IHsgZjogKCkgPT4gMSB9LFxuICBcImEgY29uc3RydWN0XCI6IHsgYnVja2V0IH0sXG4gIFwibmVzdGluZyBhdCB0aGUgZGVwdGggbGltaXRcIjogbmVzdGVkKDIwMCksXG4gIFwibmVzdGluZyBwYXN0IHRoZSBkZXB0aCBsaW1pdFwiOiBuZXN0ZWQoMjAxKSxcbn07XG5cbmRlc2NyaWJlKFwidGhlIGZhc3QgcmVzb2x2ZXIgZ2l2ZXMgY2RrdGYncyByZXN1bHRzXCIsICgpID0+IHtcbiAgaXQuZWFjaChPYmplY3QuZW50cmllcyhDQVNFUykpKFwiJXNcIiwgKF8sIHZhbHVlKSA9PiB7XG4gICAgY29uc3QgeyBmYXN0LCBjZGt0ZiB9ID0gcmVzb2x2ZUJvdGgodmFsdWUpO1xuICAgIGV4cGVjdChmYXN0KS50b0VxdWFsKGNka3RmKTtcbiAgfSk7XG5cbiAgaXQoXCJ3aGlsZSBwcmVwYXJpbmcsIHRvb1wiLCAoKSA9PiB7XG4gICAgY29uc3QgeyBmYXN0LCBjZGt0ZiB9ID0gcmVzb2x2ZUJvdGgoeyBpZDogYnVja2V0LmlkLCBsaXN0OiBidWNrZXQuY29yc1J1bGUsIGxhenk6IExhenkuc3RyaW5nVmFsdWUoeyBwcm9kdWNlOiAoKSA9PiBidWNrZXQuYXJuIH0pIH0sIHRydWUpO1xuICAgIGV4cGVjdChmYXN0KS50b0VxdWFsKGNka3RmKTtcbiAgfSk7XG5cbiAgaXQoXCJhbmQgdGhlIGNhc2VzIGFib3ZlIGNvdmVyIHZhbHVlcywgZXJyb3JzIGFuZCByZWZlcmVuY2VzXCIsICgpID0+IHtcbiAgICBjb25zdCBvdXRjb21lcyA9IE9iamVjdC52YWx1ZXMoQ0FTRVMpLm1hcCgodmFsdWUpID0+IHJlc29sdmVCb3RoKHZhbHVlKS5mYXN0IGFzIHsgdmFsdWU/OiB1bmtub3duOyBlcnJvcj86IHN0cmluZyB9KTtcbiAgICBleHBlY3Qob3V0Y29tZXMuZmlsdGVyKChvKSA9PiBvLmVycm9yICE9PSB1bmRlZmluZWQpLmxlbmd0aCkudG9CZUdyZWF0ZXJUaGFuT3JFcXVhbCg0KTtcbiAgICBleHBlY3QoSlNPTi5zdHJpbmdpZnkob3V0Y29tZXMubWFwKChvKSA9PiBvLnZhbHVlKSkpLnRvQ29udGFpbihcIiR7YXdzX3MzX2J1Y2tldC5idWNrZXQuYXJufVwiKTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9mYXN0LXJlc29sdmUudGVzdC50cyJ9
