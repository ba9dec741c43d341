// /work/main/__tests__/unit/dynamodb-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/dynamodb-table", {"importedNames":["DynamodbTable"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ENVIRONMENTS"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/__tests__/support/optional-sections.ts", {"importedNames":["guardrailErrors","synthVariant","synthWithOptionalSections"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("/__tests__/support/remote-state.ts", {"importedNames":["remoteOutputRef","remoteStateSources"]});
const __vite_ssr_import_5__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["resourcesOf","synthEnvironment"]});






__vite_ssr_import_1__.describe.each(["dev", "prod"])("%s data-dynamodb stack (sections added)", (env) => {
  const synth = (0,__vite_ssr_import_3__.synthWithOptionalSections)(env);
  const stack = synth.stack("data-dynamodb");
  const tables = (0,__vite_ssr_import_5__.resourcesOf)(stack, "aws_dynamodb_table");
  (0,__vite_ssr_import_1__.it)("has one table per configured table, named <project>-<env>-<name>, with a readable address", () => {
    (0,__vite_ssr_import_1__.expect)(Object.keys(tables).sort()).toEqual(["call_audit", "handover_tokens"]);
    (0,__vite_ssr_import_1__.expect)(tables.handover_tokens.name).toBe(`voice-ai-${env}-handover-tokens`);
    (0,__vite_ssr_import_1__.expect)(stack.json.terraform.backend?.s3.key).toBe(`voice-ai/${env}/data-dynamodb.tfstate`);
  });
  (0,__vite_ssr_import_1__.it)("expires handover tokens through TTL on the configured attribute", () => {
    (0,__vite_ssr_import_1__.expect)(stack.text).toHaveResourceWithProperties((0,__vite_ssr_import_0__.DynamodbTable), {
      name: `voice-ai-${env}-handover-tokens`,
      ttl: { enabled: true, attribute_name: "expires_at" }
    });
    (0,__vite_ssr_import_1__.expect)(tables.call_audit.ttl).toBeUndefined();
  });
  (0,__vite_ssr_import_1__.it)("encrypts every table with the dynamodb CMK of secrets-kms", () => {
    for (const table of Object.values(tables)) {
      (0,__vite_ssr_import_1__.expect)(table.server_side_encryption.enabled).toBe(true);
      (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_4__.remoteOutputRef)(synth, table.server_side_encryption.kms_key_arn)).toEqual({
        stack: "secrets-kms",
        value: "${aws_kms_key.dynamodb_key.arn}"
      });
    };
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_4__.remoteStateSources)(synth, stack)).toEqual(["secrets-kms"]);
  });
  (0,__vite_ssr_import_1__.it)("keeps point-in-time recovery and deletion protection on as configured", () => {
    for (const table of Object.values(tables)) {
      (0,__vite_ssr_import_1__.expect)(table.point_in_time_recovery).toEqual({ enabled: true });
      (0,__vite_ssr_import_1__.expect)(table.deletion_protection_enabled).toBe(true);
      (0,__vite_ssr_import_1__.expect)(table.billing_mode).toBe("PAY_PER_REQUEST");
      (0,__vite_ssr_import_1__.expect)(table.read_capacity).toBeUndefined();
    }
  });
  (0,__vite_ssr_import_1__.it)("defines each key attribute once, including index keys, and nothing else", () => {
    (0,__vite_ssr_import_1__.expect)(tables.handover_tokens.attribute).toEqual([
      { name: "token", type: "S" },
      { name: "caller_number", type: "S" }
    ]);
    (0,__vite_ssr_import_1__.expect)(tables.handover_tokens.global_secondary_index).toEqual([{ name: "by-caller", hash_key: "caller_number", projection_type: "KEYS_ONLY" }]);
    (0,__vite_ssr_import_1__.expect)(tables.call_audit.attribute).toEqual([
      { name: "call_id", type: "S" },
      { name: "at", type: "N" }
    ]);
    (0,__vite_ssr_import_1__.expect)(tables.call_audit.global_secondary_index).toBeUndefined();
  });
  (0,__vite_ssr_import_1__.it)("gets a rotating dynamodb key in secrets-kms", () => {
    const key = (0,__vite_ssr_import_5__.resourcesOf)(synth.stack("secrets-kms"), "aws_kms_key").dynamodb_key;
    (0,__vite_ssr_import_1__.expect)(key).toEqual(__vite_ssr_import_1__.expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: synth.config.kms.deletionWindowDays }));
  });
  (0,__vite_ssr_import_1__.it)("passes the guardrails with zero errors", () => {
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_3__.guardrailErrors)(synth, "data-dynamodb")).toEqual([]);
  });
});
__vite_ssr_import_1__.describe.each(Object.keys((0,__vite_ssr_import_2__.ENVIRONMENTS)))("%s as shipped", (env) => {
  const synth = (0,__vite_ssr_import_5__.synthEnvironment)(env);
  (0,__vite_ssr_import_1__.it)("has no data-dynamodb stack and no dynamodb key", () => {
    (0,__vite_ssr_import_1__.expect)(synth.stackIds).not.toContain(`${env}-data-dynamodb`);
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_5__.resourcesOf)(synth.stack("secrets-kms"), "aws_kms_key").dynamodb_key).toBeUndefined();
    (0,__vite_ssr_import_1__.expect)(synth.stacks.dynamodb).toBeUndefined();
  });
});
(0,__vite_ssr_import_1__.describe)("a provisioned table", () => {
  const synth = (0,__vite_ssr_import_3__.synthVariant)();
  (0,__vite_ssr_import_1__.it)("gets its capacity, and so do its indexes", () => {
    const table = (0,__vite_ssr_import_5__.resourcesOf)(synth.stack("data-dynamodb"), "aws_dynamodb_table").handover_tokens;
    (0,__vite_ssr_import_1__.expect)(table).toEqual(__vite_ssr_import_1__.expect.objectContaining({ billing_mode: "PROVISIONED", read_capacity: 5, write_capacity: 2 }));
    (0,__vite_ssr_import_1__.expect)(table.global_secondary_index[0]).toEqual(__vite_ssr_import_1__.expect.objectContaining({ read_capacity: 3, write_capacity: 1 }));
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBOzs7Ozs7O0FBRUEsK0JBQVMsS0FBSyxDQUFDLE9BQU8sTUFBTSxDQUFDLEVBQUUsMkNBQTJDLENBQUMsUUFBUTtBQUNqRixRQUFNLFdBQVEsaURBQTBCLEdBQUc7QUFDM0MsUUFBTSxRQUFRLE1BQU0sTUFBTSxlQUFlO0FBQ3pDLFFBQU0sWUFBUyxtQ0FBWSxPQUFPLG9CQUFvQjtBQUV0RCwrQkFBRyw2RkFBNkYsTUFBTTtBQUNwRyxxQ0FBTyxPQUFPLEtBQUssTUFBTSxFQUFFLEtBQUssQ0FBQyxFQUFFLFFBQVEsQ0FBQyxjQUFjLGlCQUFpQixDQUFDO0FBQzVFLHFDQUFPLE9BQU8sZ0JBQWdCLElBQUksRUFBRSxLQUFLLFlBQVksR0FBRyxrQkFBa0I7QUFDMUUscUNBQU8sTUFBTSxLQUFLLFVBQVUsU0FBUyxHQUFHLEdBQUcsRUFBRSxLQUFLLFlBQVksR0FBRyx3QkFBd0I7QUFBQSxFQUMzRixDQUFDO0FBRUQsK0JBQUcsbUVBQW1FLE1BQU07QUFDMUUscUNBQU8sTUFBTSxJQUFJLEVBQUUsZ0NBQTZCLHNDQUFlO0FBQUEsTUFDN0QsTUFBTSxZQUFZLEdBQUc7QUFBQSxNQUNyQixLQUFLLEVBQUUsU0FBUyxNQUFNLGdCQUFnQixhQUFhO0FBQUEsSUFDckQsQ0FBQztBQUNELHFDQUFPLE9BQU8sV0FBVyxHQUFHLEVBQUUsY0FBYztBQUFBLEVBQzlDLENBQUM7QUFFRCwrQkFBRyw2REFBNkQsTUFBTTtBQUNwRSxlQUFXLFNBQVMsT0FBTyxPQUFPLE1BQU0sR0FBRztBQUN6Qyx1Q0FBTyxNQUFNLHVCQUF1QixPQUFPLEVBQUUsS0FBSyxJQUFJO0FBQ3RELDBDQUFPLHVDQUFnQixPQUFPLE1BQU0sdUJBQXVCLFdBQVcsQ0FBQyxFQUFFLFFBQVE7QUFBQSxRQUMvRSxPQUFPO0FBQUEsUUFDUCxPQUFPO0FBQUEsTUFDVCxDQUFDO0FBQUEsSUFDSDtBQUNBLHdDQUFPLDBDQUFtQixPQUFPLEtBQUssQ0FBQyxFQUFFLFFBQVEsQ0FBQyxhQUFhLENBQUM7QUFBQSxFQUNsRSxDQUFDO0FBRUQsK0JBQUcseUVBQXlFLE1BQU07QUFDaEYsZUFBVyxTQUFTLE9BQU8sT0FBTyxNQUFNLEdBQUc7QUFDekMsdUNBQU8sTUFBTSxzQkFBc0IsRUFBRSxRQUFRLEVBQUUsU0FBUyxLQUFLLENBQUM7QUFDOUQsdUNBQU8sTUFBTSwyQkFBMkIsRUFBRSxLQUFLLElBQUk7QUFDbkQsdUNBQU8sTUFBTSxZQUFZLEVBQUUsS0FBSyxpQkFBaUI7QUFDakQsdUNBQU8sTUFBTSxhQUFhLEVBQUUsY0FBYztBQUFBLElBQzVDO0FBQUEsRUFDRixDQUFDO0FBRUQsK0JBQUcsMkVBQTJFLE1BQU07QUFDbEYscUNBQU8sT0FBTyxnQkFBZ0IsU0FBUyxFQUFFLFFBQVE7QUFBQSxNQUMvQyxFQUFFLE1BQU0sU0FBUyxNQUFNLElBQUk7QUFBQSxNQUMzQixFQUFFLE1BQU0saUJBQWlCLE1BQU0sSUFBSTtBQUFBLElBQ3JDLENBQUM7QUFDRCxxQ0FBTyxPQUFPLGdCQUFnQixzQkFBc0IsRUFBRSxRQUFRLENBQUMsRUFBRSxNQUFNLGFBQWEsVUFBVSxpQkFBaUIsaUJBQWlCLFlBQVksQ0FBQyxDQUFDO0FBQzlJLHFDQUFPLE9BQU8sV0FBVyxTQUFTLEVBQUUsUUFBUTtBQUFBLE1BQzFDLEVBQUUsTUFBTSxXQUFXLE1BQU0sSUFBSTtBQUFBLE1BQzdCLEVBQUUsTUFBTSxNQUFNLE1BQU0sSUFBSTtBQUFBLElBQzFCLENBQUM7QUFDRCxxQ0FBTyxPQUFPLFdBQVcsc0JBQXNCLEVBQUUsY0FBYztBQUFBLEVBQ2pFLENBQUM7QUFFRCwrQkFBRywrQ0FBK0MsTUFBTTtBQUN0RCxVQUFNLFNBQU0sbUNBQVksTUFBTSxNQUFNLGFBQWEsR0FBRyxhQUFhLEVBQUU7QUFDbkUscUNBQU8sR0FBRyxFQUFFLFFBQVEsNkJBQU8saUJBQWlCLEVBQUUscUJBQXFCLE1BQU0seUJBQXlCLE1BQU0sT0FBTyxJQUFJLG1CQUFtQixDQUFDLENBQUM7QUFBQSxFQUMxSSxDQUFDO0FBRUQsK0JBQUcsMENBQTBDLE1BQU07QUFDakQsd0NBQU8sdUNBQWdCLE9BQU8sZUFBZSxDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUM1RCxDQUFDO0FBQ0gsQ0FBQztBQUVELCtCQUFTLEtBQUssT0FBTyxRQUFLLG1DQUFZLENBQUMsRUFBRSxpQkFBaUIsQ0FBQyxRQUFRO0FBQ2pFLFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUVsQywrQkFBRyxrREFBa0QsTUFBTTtBQUN6RCxxQ0FBTyxNQUFNLFFBQVEsRUFBRSxJQUFJLFVBQVUsR0FBRyxHQUFHLGdCQUFnQjtBQUMzRCx3Q0FBTyxtQ0FBWSxNQUFNLE1BQU0sYUFBYSxHQUFHLGFBQWEsRUFBRSxZQUFZLEVBQUUsY0FBYztBQUMxRixxQ0FBTyxNQUFNLE9BQU8sUUFBUSxFQUFFLGNBQWM7QUFBQSxFQUM5QyxDQUFDO0FBQ0gsQ0FBQztHQUVELGdDQUFTLHVCQUF1QixNQUFNO0FBQ3BDLFFBQU0sV0FBUSxvQ0FBYTtBQUUzQiwrQkFBRyw0Q0FBNEMsTUFBTTtBQUNuRCxVQUFNLFdBQVEsbUNBQVksTUFBTSxNQUFNLGVBQWUsR0FBRyxvQkFBb0IsRUFBRTtBQUM5RSxxQ0FBTyxLQUFLLEVBQUUsUUFBUSw2QkFBTyxpQkFBaUIsRUFBRSxjQUFjLGVBQWUsZUFBZSxHQUFHLGdCQUFnQixFQUFFLENBQUMsQ0FBQztBQUNuSCxxQ0FBTyxNQUFNLHVCQUF1QixDQUFDLENBQUMsRUFBRSxRQUFRLDZCQUFPLGlCQUFpQixFQUFFLGVBQWUsR0FBRyxnQkFBZ0IsRUFBRSxDQUFDLENBQUM7QUFBQSxFQUNsSCxDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsiZHluYW1vZGItc3RhY2sudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBEeW5hbW9kYlRhYmxlIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2R5bmFtb2RiLXRhYmxlXCI7XG5pbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IEVOVklST05NRU5UUyB9IGZyb20gXCIuLi8uLi9jb25maWdcIjtcbmltcG9ydCB7IGd1YXJkcmFpbEVycm9ycywgc3ludGhWYXJpYW50LCBzeW50aFdpdGhPcHRpb25hbFNlY3Rpb25zIH0gZnJvbSBcIi4uL3N1cHBvcnQvb3B0aW9uYWwtc2VjdGlvbnNcIjtcbmltcG9ydCB7IHJlbW90ZU91dHB1dFJlZiwgcmVtb3RlU3RhdGVTb3VyY2VzIH0gZnJvbSBcIi4uL3N1cHBvcnQvcmVtb3RlLXN0YXRlXCI7XG5pbXBvcnQgeyByZXNvdXJjZXNPZiwgc3ludGhFbnZpcm9ubWVudCB9IGZyb20gXCIuLi9zdXBwb3J0L3N5bnRoXCI7XG5cbmRlc2NyaWJlLmVhY2goW1wiZGV2XCIsIFwicHJvZFwiXSkoXCIlcyBkYXRhLWR5bmFtb2RiIHN0YWNrIChzZWN0aW9ucyBhZGRlZClcIiwgKGVudikgPT4ge1xuICBjb25zdCBzeW50aCA9IHN5bnRoV2l0aE9wdGlvbmFsU2VjdGlvbnMoZW52KTtcbiAgY29uc3Qgc3RhY2sgPSBzeW50aC5zdGFjayhcImRhdGEtZHluYW1vZGJcIik7XG4gIGNvbnN0IHRhYmxlcyA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19keW5hbW9kYl90YWJsZVwiKTtcblxuICBpdChcImhhcyBvbmUgdGFibGUgcGVyIGNvbmZpZ3VyZWQgdGFibGUsIG5hbWVkIDxwcm9qZWN0Pi08ZW52Pi08bmFtZT4sIHdpdGggYSByZWFkYWJsZSBhZGRyZXNzXCIsICgpID0+IHtcbiAgICBleHBlY3QoT2JqZWN0LmtleXModGFibGVzKS5zb3J0KCkpLnRvRXF1YWwoW1wiY2FsbF9hdWRpdFwiLCBcImhhbmRvdmVyX3Rva2Vuc1wiXSk7XG4gICAgZXhwZWN0KHRhYmxlcy5oYW5kb3Zlcl90b2tlbnMubmFtZSkudG9CZShgdm9pY2UtYWktJHtlbnZ9LWhhbmRvdmVyLXRva2Vuc2ApO1xuICAgIGV4cGVjdChzdGFjay5qc29uLnRlcnJhZm9ybS5iYWNrZW5kPy5zMy5rZXkpLnRvQmUoYHZvaWNlLWFpLyR7ZW52fS9kYXRhLWR5bmFtb2RiLnRmc3RhdGVgKTtcbiAgfSk7XG5cbiAgaXQoXCJleHBpcmVzIGhhbmRvdmVyIHRva2VucyB0aHJvdWdoIFRUTCBvbiB0aGUgY29uZmlndXJlZCBhdHRyaWJ1dGVcIiwgKCkgPT4ge1xuICAgIGV4cGVjdChzdGFjay50ZXh0KS50b0hhdmVSZXNvdXJjZVdpdGhQcm9wZXJ0aWVzKER5bmFtb2RiVGFibGUsIHtcbiAgICAgIG5hbWU6IGB2b2ljZS1haS0ke2Vudn0taGFuZG92ZXItdG9rZW5zYCxcbiAgICAgIHR0bDogeyBlbmFibGVkOiB0cnVlLCBhdHRyaWJ1dGVfbmFtZTogXCJleHBpcmVzX2F0XCIgfSxcbiAgICB9KTtcbiAgICBleHBlY3QodGFibGVzLmNhbGxfYXVkaXQudHRsKS50b0JlVW5kZWZpbmVkKCk7XG4gIH0pO1xuXG4gIGl0KFwiZW5jcnlwdHMgZXZlcnkgdGFibGUgd2l0aCB0aGUgZHluYW1vZGIgQ01LIG9mIHNlY3JldHMta21zXCIsICgpID0+IHtcbiAgICBmb3IgKGNvbnN0IHRhYmxlIG9mIE9iamVjdC52YWx1ZXModGFibGVzKSkge1xuICAgICAgZXhwZWN0KHRhYmxlLnNlcnZlcl9zaWRlX2VuY3J5cHRpb24uZW5hYmxlZCkudG9CZSh0cnVlKTtcbiAgICAgIGV4cGVjdChyZW1vdGVPdXRwdXRSZWYoc3ludGgsIHRhYmxlLnNlcnZlcl9zaWRlX2VuY3J5cHRpb24ua21zX2tleV9hcm4pKS50b0VxdWFsKHtcbiAgICAgICAgc3RhY2s6IFwic2VjcmV0cy1rbXNcIixcbiAgICAgICAgdmFsdWU6IFwiJHthd3Nfa21zX2tleS5keW5hbW9kYl9rZXkuYXJufVwiLFxuICAgICAgfSk7XG4gICAgfVxuICAgIGV4cGVjdChyZW1vdGVTdGF0ZVNvdXJjZXMoc3ludGgsIHN0YWNrKSkudG9FcXVhbChbXCJzZWNyZXRzLWttc1wiXSk7XG4gIH0pO1xuXG4gIGl0KFwia2VlcHMgcG9pbnQtaW4tdGltZSByZWNvdmVyeSBhbmQgZGVsZXRpb24gcHJvdGVjdGlvbiBvbiBhcyBjb25maWd1cmVkXCIsICgpID0+IHtcbiAgICBmb3IgKGNvbnN0IHRhYmxlIG9mIE9iamVjdC52YWx1ZXModGFibGVzKSkge1xuICAgICAgZXhwZWN0KHRhYmxlLnBvaW50X2luX3RpbWVfcmVjb3ZlcnkpLnRvRXF1YWwoeyBlbmFibGVkOiB0cnVlIH0pO1xuICAgICAgZXhwZWN0KHRhYmxlLmRlbGV0aW9uX3Byb3RlY3Rpb25fZW5hYmxlZCkudG9CZSh0cnVlKTtcbiAgICAgIGV4cGVjdCh0YWJsZS5iaWxsaW5nX21vZGUpLnRvQmUoXCJQQVlfUEVSX1JFUVVFU1RcIik7XG4gICAgICBleHBlY3QodGFibGUucmVhZF9jYXBhY2l0eSkudG9CZVVuZGVmaW5lZCgpO1xuICAgIH1cbiAgfSk7XG5cbiAgaXQoXCJkZWZpbmVzIGVhY2gga2V5IGF0dHJpYnV0ZSBvbmNlLCBpbmNsdWRpbmcgaW5kZXgga2V5cywgYW5kIG5vdGhpbmcgZWxzZVwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHRhYmxlcy5oYW5kb3Zlcl90b2tlbnMuYXR0cmlidXRlKS50b0VxdWFsKFtcbiAgICAgIHsgbmFtZTogXCJ0b2tlblwiLCB0eXBlOiBcIlNcIiB9LFxuICAgICAgeyBuYW1lOiBcImNhbGxlcl9udW1iZXJcIiwgdHlwZTogXCJTXCIgfSxcbiAgICBdKTtcbiAgICBleHBlY3QodGFibGVzLmhhbmRvdmVyX3Rva2Vucy5nbG9iYWxfc2Vjb25kYXJ5X2luZGV4KS50b0VxdWFsKFt7IG5hbWU6IFwiYnktY2FsbGVyXCIsIGhhc2hfa2V5OiBcImNhbGxlcl9udW1iZXJcIiwgcHJvamVjdGlvbl90eXBlOiBcIktFWVNfT05MWVwiIH1dKTtcbiAgICBleHBlY3QodGFibGVzLmNhbGxfYXVkaXQuYXR0cmlidXRlKS50b0VxdWFsKFtcbiAgICAgIHsgbmFtZTogXCJjYWxsX2lkXCIsIHR5cGU6IFwiU1wiIH0sXG4gICAgICB7IG5hbWU6IFwiYXRcIiwgdHlwZTogXCJOXCIgfSxcbiAgICBdKTtcbiAgICBleHBlY3QodGFibGVzLmNhbGxfYXVkaXQuZ2xvYmFsX3NlY29uZGFyeV9pbmRleCkudG9CZVVuZGVmaW5lZCgpO1xuICB9KTtcblxuICBpdChcImdldHMgYSByb3RhdGluZyBkeW5hbW9kYiBrZXkgaW4gc2VjcmV0cy1rbXNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGtleSA9IHJlc291cmNlc09mKHN5bnRoLnN0YWNrKFwic2VjcmV0cy1rbXNcIiksIFwiYXdzX2ttc19rZXlcIikuZHluYW1vZGJfa2V5O1xuICAgIGV4cGVjdChrZXkpLnRvRXF1YWwoZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoeyBlbmFibGVfa2V5X3JvdGF0aW9uOiB0cnVlLCBkZWxldGlvbl93aW5kb3dfaW5fZGF5czogc3ludGguY29uZmlnLmttcy5kZWxldGlvbldpbmRvd0RheXMgfSkpO1xuICB9KTtcblxuICBpdChcInBhc3NlcyB0aGUgZ3VhcmRyYWlscyB3aXRoIHplcm8gZXJyb3JzXCIsICgpID0+IHtcbiAgICBleHBlY3QoZ3VhcmRyYWlsRXJyb3JzKHN5bnRoLCBcImRhdGEtZHluYW1vZGJcIikpLnRvRXF1YWwoW10pO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZS5lYWNoKE9iamVjdC5rZXlzKEVOVklST05NRU5UUykpKFwiJXMgYXMgc2hpcHBlZFwiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuXG4gIGl0KFwiaGFzIG5vIGRhdGEtZHluYW1vZGIgc3RhY2sgYW5kIG5vIGR5bmFtb2RiIGtleVwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHN5bnRoLnN0YWNrSWRzKS5ub3QudG9Db250YWluKGAke2Vudn0tZGF0YS1keW5hbW9kYmApO1xuICAgIGV4cGVjdChyZXNvdXJjZXNPZihzeW50aC5zdGFjayhcInNlY3JldHMta21zXCIpLCBcImF3c19rbXNfa2V5XCIpLmR5bmFtb2RiX2tleSkudG9CZVVuZGVmaW5lZCgpO1xuICAgIGV4cGVjdChzeW50aC5zdGFja3MuZHluYW1vZGIpLnRvQmVVbmRlZmluZWQoKTtcbiAgfSk7XG59KTtcblxuZGVzY3JpYmUoXCJhIHByb3Zpc2lvbmVkIHRhYmxlXCIsICgpID0+IHtcbiAgY29uc3Qgc3ludGggPSBzeW50aFZhcmlhbnQoKTtcblxuICBpdChcImdldHMgaXRzIGNhcGFjaXR5LCBhbmQgc28gZG8gaXRzIGluZGV4ZXNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHRhYmxlID0gcmVzb3VyY2VzT2Yoc3ludGguc3RhY2soXCJkYXRhLWR5bmFtb2RiXCIpLCBcImF3c19keW5hbW9kYl90YWJsZVwiKS5oYW5kb3Zlcl90b2tlbnM7XG4gICAgZXhwZWN0KHRhYmxlKS50b0VxdWFsKGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgYmlsbGluZ19tb2RlOiBcIlBST1ZJU0lPTkVEXCIsIHJlYWRfY2FwYWNpdHk6IDUsIHdyaXRlX2NhcGFjaXR5OiAyIH0pKTtcbiAgICBleHBlY3QodGFibGUuZ2xvYmFsX3NlY29uZGFyeV9pbmRleFswXSkudG9FcXVhbChleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7IHJlYWRfY2FwYWNpdHk6IDMsIHdyaXRlX2NhcGFjaXR5OiAxIH0pKTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9keW5hbW9kYi1zdGFjay50ZXN0LnRzIn0=
