// /work/main/__tests__/unit/secrets-kms-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/kms-key", {"importedNames":["KmsKey"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/stacks/secrets-kms-stack.cjs", {"importedNames":["KEY_PURPOSES"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["resourcesOf","synthEnvironment"]});




__vite_ssr_import_1__.describe.each(["dev", "staging", "prod"])("%s secrets-kms stack", (env) => {
  const synth = (0,__vite_ssr_import_3__.synthEnvironment)(env);
  const stack = synth.stack("secrets-kms");
  const { config } = synth;
  (0,__vite_ssr_import_1__.it)("has one rotating CMK per purpose with the configured deletion window", () => {
    const keys = (0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_kms_key");
    for (const purpose of __vite_ssr_import_2__.KEY_PURPOSES) {
      (0,__vite_ssr_import_1__.expect)(keys[`${purpose.replace(/-/g, "_")}_key`]).toEqual(
        __vite_ssr_import_1__.expect.objectContaining({
          enable_key_rotation: true,
          deletion_window_in_days: config.kms.deletionWindowDays
        })
      );
    };
    (0,__vite_ssr_import_1__.expect)(Object.values(keys).every((k) => k.enable_key_rotation === true)).toBe(true);
  });
  (0,__vite_ssr_import_1__.it)("names aliases after project and environment", () => {
    const aliases = Object.values((0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_kms_alias")).map((a) => a.name);
    (0,__vite_ssr_import_1__.expect)(aliases).toContain(`alias/${config.project}-${env}-rds`);
    (0,__vite_ssr_import_1__.expect)(aliases.every((name) => name.startsWith(`alias/${config.project}-${env}-`))).toBe(true);
  });
  (0,__vite_ssr_import_1__.it)("lets CloudWatch Logs use only the logs key, bound to this account's log groups", () => {
    const logsPolicy = JSON.parse((0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_kms_key").logs_key.policy);
    const grant = logsPolicy.Statement.find((s) => s.Principal?.Service === `logs.${config.region}.amazonaws.com`);
    (0,__vite_ssr_import_1__.expect)(grant.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).toBe(
      `arn:aws:logs:${config.region}:${config.accountId}:log-group:*`
    );
    const rdsPolicy = JSON.parse((0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_kms_key").rds_key.policy);
    (0,__vite_ssr_import_1__.expect)(rdsPolicy.Statement.map((s) => s.Principal)).toEqual([{ AWS: `arn:aws:iam::${config.accountId}:root` }]);
  });
  (0,__vite_ssr_import_1__.it)("encrypts every secret with the secrets key and names it <env>/<project>/<name>", () => {
    const secrets = Object.values((0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_secretsmanager_secret"));
    (0,__vite_ssr_import_1__.expect)(secrets.map((s) => s.name).sort()).toEqual(
      [...config.secrets.externalApiKeys, "jwt-secret", "redis-auth-token", "redis-url"].map((name) => `${env}/${config.project}/${name}`).sort()
    );
    for (const secret of secrets) {
      (0,__vite_ssr_import_1__.expect)(secret.kms_key_id).toBe("${aws_kms_key.secrets_key.arn}");
      (0,__vite_ssr_import_1__.expect)(secret.recovery_window_in_days).toBe(config.secrets.recoveryWindowDays);
    }
  });
  (0,__vite_ssr_import_1__.it)("generates the Redis AUTH token and JWT key without characters ElastiCache rejects", () => {
    const passwords = (0,__vite_ssr_import_3__.resourcesOf)(stack, "random_password");
    (0,__vite_ssr_import_1__.expect)(Object.keys(passwords).sort()).toEqual(["jwt_secret_value", "redis_auth_token_value"]);
    for (const password of Object.values(passwords)) {
      (0,__vite_ssr_import_1__.expect)(password).toEqual(__vite_ssr_import_1__.expect.objectContaining({ special: false, length: config.secrets.generatedLength }));
    };
    const versions = Object.values((0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_secretsmanager_secret_version"));
    (0,__vite_ssr_import_1__.expect)(versions.map((v) => v.secret_string).sort()).toEqual([
      "${random_password.jwt_secret_value.result}",
      "${random_password.redis_auth_token_value.result}"
    ]);
  });
  (0,__vite_ssr_import_1__.it)("only exports secrets as sensitive outputs", () => {
    for (const [name, output] of Object.entries(stack.json.output ?? {})) {
      (0,__vite_ssr_import_1__.expect)(output.sensitive, name).toBe(true);
    }
  });
  (0,__vite_ssr_import_1__.it)(config.dr.enabled ? "puts the DR key in the DR region" : "has no DR key without DR", () => {
    const drKey = (0,__vite_ssr_import_3__.resourcesOf)(stack, "aws_kms_key").dr_key;
    if (config.dr.enabled) {
      (0,__vite_ssr_import_1__.expect)(drKey.provider).toBe("aws.dr");
      (0,__vite_ssr_import_1__.expect)(stack.text).toHaveProviderWithProperties({ tfResourceType: "aws" }, { alias: "dr", region: config.dr.region });
    } else {
      (0,__vite_ssr_import_1__.expect)(drKey).toBeUndefined();
    };
    (0,__vite_ssr_import_1__.expect)(stack.text).toHaveResource((0,__vite_ssr_import_0__.KmsKey));
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7Ozs7O0FBRUEsK0JBQVMsS0FBSyxDQUFDLE9BQU8sV0FBVyxNQUFNLENBQUMsRUFBRSx3QkFBd0IsQ0FBQyxRQUFRO0FBQ3pFLFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUNsQyxRQUFNLFFBQVEsTUFBTSxNQUFNLGFBQWE7QUFDdkMsUUFBTSxFQUFFLE9BQU8sSUFBSTtBQUVuQiwrQkFBRyx3RUFBd0UsTUFBTTtBQUMvRSxVQUFNLFVBQU8sbUNBQVksT0FBTyxhQUFhO0FBQzdDLGVBQVcsV0FBVyxvQ0FBYztBQUNsQyx1Q0FBTyxLQUFLLEdBQUcsUUFBUSxRQUFRLE1BQU0sR0FBRyxDQUFDLE1BQU0sQ0FBQyxFQUFFO0FBQUEsUUFDaEQsNkJBQU8saUJBQWlCO0FBQUEsVUFDdEIscUJBQXFCO0FBQUEsVUFDckIseUJBQXlCLE9BQU8sSUFBSTtBQUFBLFFBQ3RDLENBQUM7QUFBQSxNQUNIO0FBQUEsSUFDRjtBQUNBLHFDQUFPLE9BQU8sT0FBTyxJQUFJLEVBQUUsTUFBTSxDQUFDLE1BQU0sRUFBRSx3QkFBd0IsSUFBSSxDQUFDLEVBQUUsS0FBSyxJQUFJO0FBQUEsRUFDcEYsQ0FBQztBQUVELCtCQUFHLCtDQUErQyxNQUFNO0FBQ3RELFVBQU0sVUFBVSxPQUFPLFVBQU8sbUNBQVksT0FBTyxlQUFlLENBQUMsRUFBRSxJQUFJLENBQUMsTUFBTSxFQUFFLElBQUk7QUFDcEYscUNBQU8sT0FBTyxFQUFFLFVBQVUsU0FBUyxPQUFPLE9BQU8sSUFBSSxHQUFHLE1BQU07QUFDOUQscUNBQU8sUUFBUSxNQUFNLENBQUMsU0FBUyxLQUFLLFdBQVcsU0FBUyxPQUFPLE9BQU8sSUFBSSxHQUFHLEdBQUcsQ0FBQyxDQUFDLEVBQUUsS0FBSyxJQUFJO0FBQUEsRUFDL0YsQ0FBQztBQUVELCtCQUFHLGtGQUFrRixNQUFNO0FBQ3pGLFVBQU0sYUFBYSxLQUFLLFNBQU0sbUNBQVksT0FBTyxhQUFhLEVBQUUsU0FBUyxNQUFNO0FBQy9FLFVBQU0sUUFBUSxXQUFXLFVBQVUsS0FBSyxDQUFDLE1BQVcsRUFBRSxXQUFXLFlBQVksUUFBUSxPQUFPLE1BQU0sZ0JBQWdCO0FBQ2xILHFDQUFPLE1BQU0sVUFBVSxRQUFRLG9DQUFvQyxDQUFDLEVBQUU7QUFBQSxNQUNwRSxnQkFBZ0IsT0FBTyxNQUFNLElBQUksT0FBTyxTQUFTO0FBQUEsSUFDbkQ7QUFDQSxVQUFNLFlBQVksS0FBSyxTQUFNLG1DQUFZLE9BQU8sYUFBYSxFQUFFLFFBQVEsTUFBTTtBQUM3RSxxQ0FBTyxVQUFVLFVBQVUsSUFBSSxDQUFDLE1BQVcsRUFBRSxTQUFTLENBQUMsRUFBRSxRQUFRLENBQUMsRUFBRSxLQUFLLGdCQUFnQixPQUFPLFNBQVMsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUNySCxDQUFDO0FBRUQsK0JBQUcsa0ZBQWtGLE1BQU07QUFDekYsVUFBTSxVQUFVLE9BQU8sVUFBTyxtQ0FBWSxPQUFPLDJCQUEyQixDQUFDO0FBQzdFLHFDQUFPLFFBQVEsSUFBSSxDQUFDLE1BQU0sRUFBRSxJQUFJLEVBQUUsS0FBSyxDQUFDLEVBQUU7QUFBQSxNQUN4QyxDQUFDLEdBQUcsT0FBTyxRQUFRLGlCQUFpQixjQUFjLG9CQUFvQixXQUFXLEVBQzlFLElBQUksQ0FBQyxTQUFTLEdBQUcsR0FBRyxJQUFJLE9BQU8sT0FBTyxJQUFJLElBQUksRUFBRSxFQUNoRCxLQUFLO0FBQUEsSUFDVjtBQUNBLGVBQVcsVUFBVSxTQUFTO0FBQzVCLHVDQUFPLE9BQU8sVUFBVSxFQUFFLEtBQUssZ0NBQWdDO0FBQy9ELHVDQUFPLE9BQU8sdUJBQXVCLEVBQUUsS0FBSyxPQUFPLFFBQVEsa0JBQWtCO0FBQUEsSUFDL0U7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRyxxRkFBcUYsTUFBTTtBQUM1RixVQUFNLGVBQVksbUNBQVksT0FBTyxpQkFBaUI7QUFDdEQscUNBQU8sT0FBTyxLQUFLLFNBQVMsRUFBRSxLQUFLLENBQUMsRUFBRSxRQUFRLENBQUMsb0JBQW9CLHdCQUF3QixDQUFDO0FBQzVGLGVBQVcsWUFBWSxPQUFPLE9BQU8sU0FBUyxHQUFHO0FBQy9DLHVDQUFPLFFBQVEsRUFBRSxRQUFRLDZCQUFPLGlCQUFpQixFQUFFLFNBQVMsT0FBTyxRQUFRLE9BQU8sUUFBUSxnQkFBZ0IsQ0FBQyxDQUFDO0FBQUEsSUFDOUc7QUFDQSxVQUFNLFdBQVcsT0FBTyxVQUFPLG1DQUFZLE9BQU8sbUNBQW1DLENBQUM7QUFDdEYscUNBQU8sU0FBUyxJQUFJLENBQUMsTUFBTSxFQUFFLGFBQWEsRUFBRSxLQUFLLENBQUMsRUFBRSxRQUFRO0FBQUEsTUFDMUQ7QUFBQSxNQUNBO0FBQUEsSUFDRixDQUFDO0FBQUEsRUFDSCxDQUFDO0FBRUQsK0JBQUcsNkNBQTZDLE1BQU07QUFDcEQsZUFBVyxDQUFDLE1BQU0sTUFBTSxLQUFLLE9BQU8sUUFBUSxNQUFNLEtBQUssVUFBVSxDQUFDLENBQUMsR0FBRztBQUNwRSx1Q0FBTyxPQUFPLFdBQVcsSUFBSSxFQUFFLEtBQUssSUFBSTtBQUFBLElBQzFDO0FBQUEsRUFDRixDQUFDO0FBRUQsK0JBQUcsT0FBTyxHQUFHLFVBQVUscUNBQXFDLDRCQUE0QixNQUFNO0FBQzVGLFVBQU0sV0FBUSxtQ0FBWSxPQUFPLGFBQWEsRUFBRTtBQUNoRCxRQUFJLE9BQU8sR0FBRyxTQUFTO0FBQ3JCLHVDQUFPLE1BQU0sUUFBUSxFQUFFLEtBQUssUUFBUTtBQUNwQyx1Q0FBTyxNQUFNLElBQUksRUFBRSw2QkFBNkIsRUFBRSxnQkFBZ0IsTUFBTSxHQUFHLEVBQUUsT0FBTyxNQUFNLFFBQVEsT0FBTyxHQUFHLE9BQU8sQ0FBQztBQUFBLElBQ3RILE9BQU87QUFDTCx1Q0FBTyxLQUFLLEVBQUUsY0FBYztBQUFBLElBQzlCO0FBQ0EscUNBQU8sTUFBTSxJQUFJLEVBQUUsa0JBQWUsNkJBQU07QUFBQSxFQUMxQyxDQUFDO0FBQ0gsQ0FBQyIsIm5hbWVzIjpbXSwiaWdub3JlTGlzdCI6W10sInNvdXJjZXMiOlsic2VjcmV0cy1rbXMtc3RhY2sudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBLbXNLZXkgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIva21zLWtleVwiO1xuaW1wb3J0IHsgZGVzY3JpYmUsIGV4cGVjdCwgaXQgfSBmcm9tIFwidml0ZXN0XCI7XG5pbXBvcnQgeyBLRVlfUFVSUE9TRVMgfSBmcm9tIFwiLi4vLi4vc3RhY2tzL3NlY3JldHMta21zLXN0YWNrXCI7XG5pbXBvcnQgeyByZXNvdXJjZXNPZiwgc3ludGhFbnZpcm9ubWVudCB9IGZyb20gXCIuLi9zdXBwb3J0L3N5bnRoXCI7XG5cbmRlc2NyaWJlLmVhY2goW1wiZGV2XCIsIFwic3RhZ2luZ1wiLCBcInByb2RcIl0pKFwiJXMgc2VjcmV0cy1rbXMgc3RhY2tcIiwgKGVudikgPT4ge1xuICBjb25zdCBzeW50aCA9IHN5bnRoRW52aXJvbm1lbnQoZW52KTtcbiAgY29uc3Qgc3RhY2sgPSBzeW50aC5zdGFjayhcInNlY3JldHMta21zXCIpO1xuICBjb25zdCB7IGNvbmZpZyB9ID0gc3ludGg7XG5cbiAgaXQoXCJoYXMgb25lIHJvdGF0aW5nIENNSyBwZXIgcHVycG9zZSB3aXRoIHRoZSBjb25maWd1cmVkIGRlbGV0aW9uIHdpbmRvd1wiLCAoKSA9PiB7XG4gICAgY29uc3Qga2V5cyA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19rbXNfa2V5XCIpO1xuICAgIGZvciAoY29uc3QgcHVycG9zZSBvZiBLRVlfUFVSUE9TRVMpIHtcbiAgICAgIGV4cGVjdChrZXlzW2Ake3B1cnBvc2UucmVwbGFjZSgvLS9nLCBcIl9cIil9X2tleWBdKS50b0VxdWFsKFxuICAgICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgICAgZW5hYmxlX2tleV9yb3RhdGlvbjogdHJ1ZSxcbiAgICAgICAgICBkZWxldGlvbl93aW5kb3dfaW5fZGF5czogY29uZmlnLmttcy5kZWxldGlvbldpbmRvd0RheXMsXG4gICAgICAgIH0pLFxuICAgICAgKTtcbiAgICB9XG4gICAgZXhwZWN0KE9iamVjdC52YWx1ZXMoa2V5cykuZXZlcnkoKGspID0+IGsuZW5hYmxlX2tleV9yb3RhdGlvbiA9PT0gdHJ1ZSkpLnRvQmUodHJ1ZSk7XG4gIH0pO1xuXG4gIGl0KFwibmFtZXMgYWxpYXNlcyBhZnRlciBwcm9qZWN0IGFuZCBlbnZpcm9ubWVudFwiLCAoKSA9PiB7XG4gICAgY29uc3QgYWxpYXNlcyA9IE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX2ttc19hbGlhc1wiKSkubWFwKChhKSA9PiBhLm5hbWUpO1xuICAgIGV4cGVjdChhbGlhc2VzKS50b0NvbnRhaW4oYGFsaWFzLyR7Y29uZmlnLnByb2plY3R9LSR7ZW52fS1yZHNgKTtcbiAgICBleHBlY3QoYWxpYXNlcy5ldmVyeSgobmFtZSkgPT4gbmFtZS5zdGFydHNXaXRoKGBhbGlhcy8ke2NvbmZpZy5wcm9qZWN0fS0ke2Vudn0tYCkpKS50b0JlKHRydWUpO1xuICB9KTtcblxuICBpdChcImxldHMgQ2xvdWRXYXRjaCBMb2dzIHVzZSBvbmx5IHRoZSBsb2dzIGtleSwgYm91bmQgdG8gdGhpcyBhY2NvdW50J3MgbG9nIGdyb3Vwc1wiLCAoKSA9PiB7XG4gICAgY29uc3QgbG9nc1BvbGljeSA9IEpTT04ucGFyc2UocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX2ttc19rZXlcIikubG9nc19rZXkucG9saWN5KTtcbiAgICBjb25zdCBncmFudCA9IGxvZ3NQb2xpY3kuU3RhdGVtZW50LmZpbmQoKHM6IGFueSkgPT4gcy5QcmluY2lwYWw/LlNlcnZpY2UgPT09IGBsb2dzLiR7Y29uZmlnLnJlZ2lvbn0uYW1hem9uYXdzLmNvbWApO1xuICAgIGV4cGVjdChncmFudC5Db25kaXRpb24uQXJuTGlrZVtcImttczpFbmNyeXB0aW9uQ29udGV4dDphd3M6bG9nczphcm5cIl0pLnRvQmUoXG4gICAgICBgYXJuOmF3czpsb2dzOiR7Y29uZmlnLnJlZ2lvbn06JHtjb25maWcuYWNjb3VudElkfTpsb2ctZ3JvdXA6KmAsXG4gICAgKTtcbiAgICBjb25zdCByZHNQb2xpY3kgPSBKU09OLnBhcnNlKHJlc291cmNlc09mKHN0YWNrLCBcImF3c19rbXNfa2V5XCIpLnJkc19rZXkucG9saWN5KTtcbiAgICBleHBlY3QocmRzUG9saWN5LlN0YXRlbWVudC5tYXAoKHM6IGFueSkgPT4gcy5QcmluY2lwYWwpKS50b0VxdWFsKFt7IEFXUzogYGFybjphd3M6aWFtOjoke2NvbmZpZy5hY2NvdW50SWR9OnJvb3RgIH1dKTtcbiAgfSk7XG5cbiAgaXQoXCJlbmNyeXB0cyBldmVyeSBzZWNyZXQgd2l0aCB0aGUgc2VjcmV0cyBrZXkgYW5kIG5hbWVzIGl0IDxlbnY+Lzxwcm9qZWN0Pi88bmFtZT5cIiwgKCkgPT4ge1xuICAgIGNvbnN0IHNlY3JldHMgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zZWNyZXRzbWFuYWdlcl9zZWNyZXRcIikpO1xuICAgIGV4cGVjdChzZWNyZXRzLm1hcCgocykgPT4gcy5uYW1lKS5zb3J0KCkpLnRvRXF1YWwoXG4gICAgICBbLi4uY29uZmlnLnNlY3JldHMuZXh0ZXJuYWxBcGlLZXlzLCBcImp3dC1zZWNyZXRcIiwgXCJyZWRpcy1hdXRoLXRva2VuXCIsIFwicmVkaXMtdXJsXCJdXG4gICAgICAgIC5tYXAoKG5hbWUpID0+IGAke2Vudn0vJHtjb25maWcucHJvamVjdH0vJHtuYW1lfWApXG4gICAgICAgIC5zb3J0KCksXG4gICAgKTtcbiAgICBmb3IgKGNvbnN0IHNlY3JldCBvZiBzZWNyZXRzKSB7XG4gICAgICBleHBlY3Qoc2VjcmV0Lmttc19rZXlfaWQpLnRvQmUoXCIke2F3c19rbXNfa2V5LnNlY3JldHNfa2V5LmFybn1cIik7XG4gICAgICBleHBlY3Qoc2VjcmV0LnJlY292ZXJ5X3dpbmRvd19pbl9kYXlzKS50b0JlKGNvbmZpZy5zZWNyZXRzLnJlY292ZXJ5V2luZG93RGF5cyk7XG4gICAgfVxuICB9KTtcblxuICBpdChcImdlbmVyYXRlcyB0aGUgUmVkaXMgQVVUSCB0b2tlbiBhbmQgSldUIGtleSB3aXRob3V0IGNoYXJhY3RlcnMgRWxhc3RpQ2FjaGUgcmVqZWN0c1wiLCAoKSA9PiB7XG4gICAgY29uc3QgcGFzc3dvcmRzID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwicmFuZG9tX3Bhc3N3b3JkXCIpO1xuICAgIGV4cGVjdChPYmplY3Qua2V5cyhwYXNzd29yZHMpLnNvcnQoKSkudG9FcXVhbChbXCJqd3Rfc2VjcmV0X3ZhbHVlXCIsIFwicmVkaXNfYXV0aF90b2tlbl92YWx1ZVwiXSk7XG4gICAgZm9yIChjb25zdCBwYXNzd29yZCBvZiBPYmplY3QudmFsdWVzKHBhc3N3b3JkcykpIHtcbiAgICAgIGV4cGVjdChwYXNzd29yZCkudG9FcXVhbChleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7IHNwZWNpYWw6IGZhbHNlLCBsZW5ndGg6IGNvbmZpZy5zZWNyZXRzLmdlbmVyYXRlZExlbmd0aCB9KSk7XG4gICAgfVxuICAgIGNvbnN0IHZlcnNpb25zID0gT2JqZWN0LnZhbHVlcyhyZXNvdXJjZXNPZihzdGFjaywgXCJhd3Nfc2VjcmV0c21hbmFnZXJfc2VjcmV0X3ZlcnNpb25cIikpO1xuICAgIGV4cGVjdCh2ZXJzaW9ucy5tYXAoKHYpID0+IHYuc2VjcmV0X3N0cmluZykuc29ydCgpKS50b0VxdWFsKFtcbiAgICAgIFwiJHtyYW5kb21fcGFzc3dvcmQuand0X3NlY3JldF92YWx1ZS5yZXN1bHR9XCIsXG4gICAgICBcIiR7cmFuZG9tX3Bhc3N3b3JkLnJlZGlzX2F1dGhfdG9rZW5fdmFsdWUucmVzdWx0fVwiLFxuICAgIF0pO1xuICB9KTtcblxuICBpdChcIm9ubHkgZXhwb3J0cyBzZWNyZXRzIGFzIHNlbnNpdGl2ZSBvdXRwdXRzXCIsICgpID0+IHtcbiAgICBmb3IgKGNvbnN0IFtuYW1lLCBvdXRwdXRdIG9mIE9iamVjdC5lbnRyaWVzKHN0YWNrLmpzb24ub3V0cHV0ID8/IHt9KSkge1xuICAgICAgZXhwZWN0KG91dHB1dC5zZW5zaXRpdmUsIG5hbWUpLnRvQmUodHJ1ZSk7XG4gICAgfVxuICB9KTtcblxuICBpdChjb25maWcuZHIuZW5hYmxlZCA/IFwicHV0cyB0aGUgRFIga2V5IGluIHRoZSBEUiByZWdpb25cIiA6IFwiaGFzIG5vIERSIGtleSB3aXRob3V0IERSXCIsICgpID0+IHtcbiAgICBjb25zdCBkcktleSA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19rbXNfa2V5XCIpLmRyX2tleTtcbiAgICBpZiAoY29uZmlnLmRyLmVuYWJsZWQpIHtcbiAgICAgIGV4cGVjdChkcktleS5wcm92aWRlcikudG9CZShcImF3cy5kclwiKTtcbiAgICAgIGV4cGVjdChzdGFjay50ZXh0KS50b0hhdmVQcm92aWRlcldpdGhQcm9wZXJ0aWVzKHsgdGZSZXNvdXJjZVR5cGU6IFwiYXdzXCIgfSwgeyBhbGlhczogXCJkclwiLCByZWdpb246IGNvbmZpZy5kci5yZWdpb24gfSk7XG4gICAgfSBlbHNlIHtcbiAgICAgIGV4cGVjdChkcktleSkudG9CZVVuZGVmaW5lZCgpO1xuICAgIH1cbiAgICBleHBlY3Qoc3RhY2sudGV4dCkudG9IYXZlUmVzb3VyY2UoS21zS2V5KTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9zZWNyZXRzLWttcy1zdGFjay50ZXN0LnRzIn0=
