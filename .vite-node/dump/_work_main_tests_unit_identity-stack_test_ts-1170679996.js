// /work/main/__tests__/unit/identity-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/cognito-user-pool", {"importedNames":["CognitoUserPool"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ENVIRONMENTS"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("/__tests__/support/optional-sections.ts", {"importedNames":["guardrailErrors","synthVariant","synthWithOptionalSections"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["resourcesOf","synthEnvironment"]});





__vite_ssr_import_1__.describe.each(["dev", "prod"])("%s identity stack (sections added)", (env) => {
  const synth = (0,__vite_ssr_import_3__.synthWithOptionalSections)(env);
  const stack = synth.stack("identity");
  const pool = (0,__vite_ssr_import_4__.resourcesOf)(stack, "aws_cognito_user_pool").user_pool;
  const client = (0,__vite_ssr_import_4__.resourcesOf)(stack, "aws_cognito_user_pool_client").app_client;
  (0,__vite_ssr_import_1__.it)("enforces the configured password policy", () => {
    (0,__vite_ssr_import_1__.expect)(stack.text).toHaveResourceWithProperties((0,__vite_ssr_import_0__.CognitoUserPool), {
      name: `voice-ai-${env}-users`,
      password_policy: {
        minimum_length: 12,
        require_lowercase: true,
        require_uppercase: true,
        require_numbers: true,
        require_symbols: true,
        temporary_password_validity_days: 3
      }
    });
  });
  (0,__vite_ssr_import_1__.it)("requires MFA by authenticator app and enforces threat protection on the Plus plan", () => {
    (0,__vite_ssr_import_1__.expect)(pool.mfa_configuration).toBe("ON");
    (0,__vite_ssr_import_1__.expect)(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    (0,__vite_ssr_import_1__.expect)(pool.user_pool_add_ons).toEqual({ advanced_security_mode: "ENFORCED" });
    (0,__vite_ssr_import_1__.expect)(pool.user_pool_tier).toBe("PLUS");
    (0,__vite_ssr_import_1__.expect)(pool.deletion_protection).toBe("ACTIVE");
  });
  (0,__vite_ssr_import_1__.it)("signs users in by e-mail, recovers only through verified e-mail, and lets only admins create users", () => {
    (0,__vite_ssr_import_1__.expect)(pool.username_attributes).toEqual(["email"]);
    (0,__vite_ssr_import_1__.expect)(pool.account_recovery_setting.recovery_mechanism).toEqual([{ name: "verified_email", priority: 1 }]);
    (0,__vite_ssr_import_1__.expect)(pool.admin_create_user_config.allow_admin_create_user_only).toBe(true);
  });
  (0,__vite_ssr_import_1__.it)("gives the app client the code flow over HTTPS callbacks, SRP only, and the configured token lifetimes", () => {
    (0,__vite_ssr_import_1__.expect)(client).toEqual(
      __vite_ssr_import_1__.expect.objectContaining({
        allowed_oauth_flows: ["code"],
        callback_urls: ["https://app.example.com/auth/callback"],
        explicit_auth_flows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        prevent_user_existence_errors: "ENABLED",
        enable_token_revocation: true,
        access_token_validity: 60,
        id_token_validity: 60,
        refresh_token_validity: 30,
        token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }]
      })
    );
  });
  (0,__vite_ssr_import_1__.it)("exports no client secret and reads no other stack", () => {
    (0,__vite_ssr_import_1__.expect)(stack.text).not.toMatch(/client_secret/);
    (0,__vite_ssr_import_1__.expect)(stack.json.data?.terraform_remote_state).toBeUndefined();
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_4__.resourcesOf)(stack, "aws_cognito_user_pool_domain").hosted_domain.domain).toBe("saprism-login");
  });
  (0,__vite_ssr_import_1__.it)("passes the guardrails with zero errors", () => {
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_3__.guardrailErrors)(synth, "identity")).toEqual([]);
  });
});
(0,__vite_ssr_import_1__.describe)("identity configured leniently (dev)", () => {
  const synth = (0,__vite_ssr_import_3__.synthVariant)();
  const stack = synth.stack("identity");
  const pool = (0,__vite_ssr_import_4__.resourcesOf)(stack, "aws_cognito_user_pool").user_pool;
  (0,__vite_ssr_import_1__.it)("turns MFA off without enabling an MFA method, and stays on the Essentials plan", () => {
    (0,__vite_ssr_import_1__.expect)(pool.mfa_configuration).toBe("OFF");
    (0,__vite_ssr_import_1__.expect)(pool.software_token_mfa_configuration).toBeUndefined();
    (0,__vite_ssr_import_1__.expect)(pool.user_pool_tier).toBe("ESSENTIALS");
    (0,__vite_ssr_import_1__.expect)(pool.deletion_protection).toBe("INACTIVE");
    (0,__vite_ssr_import_1__.expect)(pool.admin_create_user_config.allow_admin_create_user_only).toBe(false);
    (0,__vite_ssr_import_1__.expect)((0,__vite_ssr_import_4__.resourcesOf)(stack, "aws_cognito_user_pool_domain")).toEqual({});
  });
});
__vite_ssr_import_1__.describe.each(Object.keys((0,__vite_ssr_import_2__.ENVIRONMENTS)))("%s as shipped", (env) => {
  const synth = (0,__vite_ssr_import_4__.synthEnvironment)(env);
  (0,__vite_ssr_import_1__.it)("has no identity stack", () => {
    (0,__vite_ssr_import_1__.expect)(synth.stackIds).not.toContain(`${env}-identity`);
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTs7Ozs7O0FBRUEsK0JBQVMsS0FBSyxDQUFDLE9BQU8sTUFBTSxDQUFDLEVBQUUsc0NBQXNDLENBQUMsUUFBUTtBQUM1RSxRQUFNLFdBQVEsaURBQTBCLEdBQUc7QUFDM0MsUUFBTSxRQUFRLE1BQU0sTUFBTSxVQUFVO0FBQ3BDLFFBQU0sVUFBTyxtQ0FBWSxPQUFPLHVCQUF1QixFQUFFO0FBQ3pELFFBQU0sWUFBUyxtQ0FBWSxPQUFPLDhCQUE4QixFQUFFO0FBRWxFLCtCQUFHLDJDQUEyQyxNQUFNO0FBQ2xELHFDQUFPLE1BQU0sSUFBSSxFQUFFLGdDQUE2Qix3Q0FBaUI7QUFBQSxNQUMvRCxNQUFNLFlBQVksR0FBRztBQUFBLE1BQ3JCLGlCQUFpQjtBQUFBLFFBQ2YsZ0JBQWdCO0FBQUEsUUFDaEIsbUJBQW1CO0FBQUEsUUFDbkIsbUJBQW1CO0FBQUEsUUFDbkIsaUJBQWlCO0FBQUEsUUFDakIsaUJBQWlCO0FBQUEsUUFDakIsa0NBQWtDO0FBQUEsTUFDcEM7QUFBQSxJQUNGLENBQUM7QUFBQSxFQUNILENBQUM7QUFFRCwrQkFBRyxxRkFBcUYsTUFBTTtBQUM1RixxQ0FBTyxLQUFLLGlCQUFpQixFQUFFLEtBQUssSUFBSTtBQUN4QyxxQ0FBTyxLQUFLLGdDQUFnQyxFQUFFLFFBQVEsRUFBRSxTQUFTLEtBQUssQ0FBQztBQUN2RSxxQ0FBTyxLQUFLLGlCQUFpQixFQUFFLFFBQVEsRUFBRSx3QkFBd0IsV0FBVyxDQUFDO0FBQzdFLHFDQUFPLEtBQUssY0FBYyxFQUFFLEtBQUssTUFBTTtBQUN2QyxxQ0FBTyxLQUFLLG1CQUFtQixFQUFFLEtBQUssUUFBUTtBQUFBLEVBQ2hELENBQUM7QUFFRCwrQkFBRyxzR0FBc0csTUFBTTtBQUM3RyxxQ0FBTyxLQUFLLG1CQUFtQixFQUFFLFFBQVEsQ0FBQyxPQUFPLENBQUM7QUFDbEQscUNBQU8sS0FBSyx5QkFBeUIsa0JBQWtCLEVBQUUsUUFBUSxDQUFDLEVBQUUsTUFBTSxrQkFBa0IsVUFBVSxFQUFFLENBQUMsQ0FBQztBQUMxRyxxQ0FBTyxLQUFLLHlCQUF5Qiw0QkFBNEIsRUFBRSxLQUFLLElBQUk7QUFBQSxFQUM5RSxDQUFDO0FBRUQsK0JBQUcseUdBQXlHLE1BQU07QUFDaEgscUNBQU8sTUFBTSxFQUFFO0FBQUEsTUFDYiw2QkFBTyxpQkFBaUI7QUFBQSxRQUN0QixxQkFBcUIsQ0FBQyxNQUFNO0FBQUEsUUFDNUIsZUFBZSxDQUFDLHVDQUF1QztBQUFBLFFBQ3ZELHFCQUFxQixDQUFDLHVCQUF1QiwwQkFBMEI7QUFBQSxRQUN2RSwrQkFBK0I7QUFBQSxRQUMvQix5QkFBeUI7QUFBQSxRQUN6Qix1QkFBdUI7QUFBQSxRQUN2QixtQkFBbUI7QUFBQSxRQUNuQix3QkFBd0I7QUFBQSxRQUN4QixzQkFBc0IsQ0FBQyxFQUFFLGNBQWMsV0FBVyxVQUFVLFdBQVcsZUFBZSxPQUFPLENBQUM7QUFBQSxNQUNoRyxDQUFDO0FBQUEsSUFDSDtBQUFBLEVBQ0YsQ0FBQztBQUVELCtCQUFHLHFEQUFxRCxNQUFNO0FBQzVELHFDQUFPLE1BQU0sSUFBSSxFQUFFLElBQUksUUFBUSxlQUFlO0FBQzlDLHFDQUFPLE1BQU0sS0FBSyxNQUFNLHNCQUFzQixFQUFFLGNBQWM7QUFDOUQsd0NBQU8sbUNBQVksT0FBTyw4QkFBOEIsRUFBRSxjQUFjLE1BQU0sRUFBRSxLQUFLLGVBQWU7QUFBQSxFQUN0RyxDQUFDO0FBRUQsK0JBQUcsMENBQTBDLE1BQU07QUFDakQsd0NBQU8sdUNBQWdCLE9BQU8sVUFBVSxDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUN2RCxDQUFDO0FBQ0gsQ0FBQztHQUVELGdDQUFTLHVDQUF1QyxNQUFNO0FBQ3BELFFBQU0sV0FBUSxvQ0FBYTtBQUMzQixRQUFNLFFBQVEsTUFBTSxNQUFNLFVBQVU7QUFDcEMsUUFBTSxVQUFPLG1DQUFZLE9BQU8sdUJBQXVCLEVBQUU7QUFFekQsK0JBQUcsa0ZBQWtGLE1BQU07QUFDekYscUNBQU8sS0FBSyxpQkFBaUIsRUFBRSxLQUFLLEtBQUs7QUFDekMscUNBQU8sS0FBSyxnQ0FBZ0MsRUFBRSxjQUFjO0FBQzVELHFDQUFPLEtBQUssY0FBYyxFQUFFLEtBQUssWUFBWTtBQUM3QyxxQ0FBTyxLQUFLLG1CQUFtQixFQUFFLEtBQUssVUFBVTtBQUNoRCxxQ0FBTyxLQUFLLHlCQUF5Qiw0QkFBNEIsRUFBRSxLQUFLLEtBQUs7QUFDN0Usd0NBQU8sbUNBQVksT0FBTyw4QkFBOEIsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQUEsRUFDdkUsQ0FBQztBQUNILENBQUM7QUFFRCwrQkFBUyxLQUFLLE9BQU8sUUFBSyxtQ0FBWSxDQUFDLEVBQUUsaUJBQWlCLENBQUMsUUFBUTtBQUNqRSxRQUFNLFdBQVEsd0NBQWlCLEdBQUc7QUFFbEMsK0JBQUcseUJBQXlCLE1BQU07QUFDaEMscUNBQU8sTUFBTSxRQUFRLEVBQUUsSUFBSSxVQUFVLEdBQUcsR0FBRyxXQUFXO0FBQUEsRUFDeEQsQ0FBQztBQUNILENBQUMiLCJuYW1lcyI6W10sImlnbm9yZUxpc3QiOltdLCJzb3VyY2VzIjpbImlkZW50aXR5LXN0YWNrLnRlc3QudHMiXSwic291cmNlc0NvbnRlbnQiOlsiaW1wb3J0IHsgQ29nbml0b1VzZXJQb29sIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2NvZ25pdG8tdXNlci1wb29sXCI7XG5pbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IEVOVklST05NRU5UUyB9IGZyb20gXCIuLi8uLi9jb25maWdcIjtcbmltcG9ydCB7IGd1YXJkcmFpbEVycm9ycywgc3ludGhWYXJpYW50LCBzeW50aFdpdGhPcHRpb25hbFNlY3Rpb25zIH0gZnJvbSBcIi4uL3N1cHBvcnQvb3B0aW9uYWwtc2VjdGlvbnNcIjtcbmltcG9ydCB7IHJlc291cmNlc09mLCBzeW50aEVudmlyb25tZW50IH0gZnJvbSBcIi4uL3N1cHBvcnQvc3ludGhcIjtcblxuZGVzY3JpYmUuZWFjaChbXCJkZXZcIiwgXCJwcm9kXCJdKShcIiVzIGlkZW50aXR5IHN0YWNrIChzZWN0aW9ucyBhZGRlZClcIiwgKGVudikgPT4ge1xuICBjb25zdCBzeW50aCA9IHN5bnRoV2l0aE9wdGlvbmFsU2VjdGlvbnMoZW52KTtcbiAgY29uc3Qgc3RhY2sgPSBzeW50aC5zdGFjayhcImlkZW50aXR5XCIpO1xuICBjb25zdCBwb29sID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX2NvZ25pdG9fdXNlcl9wb29sXCIpLnVzZXJfcG9vbDtcbiAgY29uc3QgY2xpZW50ID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX2NvZ25pdG9fdXNlcl9wb29sX2NsaWVudFwiKS5hcHBfY2xpZW50O1xuXG4gIGl0KFwiZW5mb3JjZXMgdGhlIGNvbmZpZ3VyZWQgcGFzc3dvcmQgcG9saWN5XCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3RhY2sudGV4dCkudG9IYXZlUmVzb3VyY2VXaXRoUHJvcGVydGllcyhDb2duaXRvVXNlclBvb2wsIHtcbiAgICAgIG5hbWU6IGB2b2ljZS1haS0ke2Vudn0tdXNlcnNgLFxuICAgICAgcGFzc3dvcmRfcG9saWN5OiB7XG4gICAgICAgIG1pbmltdW1fbGVuZ3RoOiAxMixcbiAgICAgICAgcmVxdWlyZV9sb3dlcmNhc2U6IHRydWUsXG4gICAgICAgIHJlcXVpcmVfdXBwZXJjYXNlOiB0cnVlLFxuICAgICAgICByZXF1aXJlX251bWJlcnM6IHRydWUsXG4gICAgICAgIHJlcXVpcmVfc3ltYm9sczogdHJ1ZSxcbiAgICAgICAgdGVtcG9yYXJ5X3Bhc3N3b3JkX3ZhbGlkaXR5X2RheXM6IDMsXG4gICAgICB9LFxuICAgIH0pO1xuICB9KTtcblxuICBpdChcInJlcXVpcmVzIE1GQSBieSBhdXRoZW50aWNhdG9yIGFwcCBhbmQgZW5mb3JjZXMgdGhyZWF0IHByb3RlY3Rpb24gb24gdGhlIFBsdXMgcGxhblwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHBvb2wubWZhX2NvbmZpZ3VyYXRpb24pLnRvQmUoXCJPTlwiKTtcbiAgICBleHBlY3QocG9vbC5zb2Z0d2FyZV90b2tlbl9tZmFfY29uZmlndXJhdGlvbikudG9FcXVhbCh7IGVuYWJsZWQ6IHRydWUgfSk7XG4gICAgZXhwZWN0KHBvb2wudXNlcl9wb29sX2FkZF9vbnMpLnRvRXF1YWwoeyBhZHZhbmNlZF9zZWN1cml0eV9tb2RlOiBcIkVORk9SQ0VEXCIgfSk7XG4gICAgZXhwZWN0KHBvb2wudXNlcl9wb29sX3RpZXIpLnRvQmUoXCJQTFVTXCIpO1xuICAgIGV4cGVjdChwb29sLmRlbGV0aW9uX3Byb3RlY3Rpb24pLnRvQmUoXCJBQ1RJVkVcIik7XG4gIH0pO1xuXG4gIGl0KFwic2lnbnMgdXNlcnMgaW4gYnkgZS1tYWlsLCByZWNvdmVycyBvbmx5IHRocm91Z2ggdmVyaWZpZWQgZS1tYWlsLCBhbmQgbGV0cyBvbmx5IGFkbWlucyBjcmVhdGUgdXNlcnNcIiwgKCkgPT4ge1xuICAgIGV4cGVjdChwb29sLnVzZXJuYW1lX2F0dHJpYnV0ZXMpLnRvRXF1YWwoW1wiZW1haWxcIl0pO1xuICAgIGV4cGVjdChwb29sLmFjY291bnRfcmVjb3Zlcnlfc2V0dGluZy5yZWNvdmVyeV9tZWNoYW5pc20pLnRvRXF1YWwoW3sgbmFtZTogXCJ2ZXJpZmllZF9lbWFpbFwiLCBwcmlvcml0eTogMSB9XSk7XG4gICAgZXhwZWN0KHBvb2wuYWRtaW5fY3JlYXRlX3VzZXJfY29uZmlnLmFsbG93X2FkbWluX2NyZWF0ZV91c2VyX29ubHkpLnRvQmUodHJ1ZSk7XG4gIH0pO1xuXG4gIGl0KFwiZ2l2ZXMgdGhlIGFwcCBjbGllbnQgdGhlIGNvZGUgZmxvdyBvdmVyIEhUVFBTIGNhbGxiYWNrcywgU1JQIG9ubHksIGFuZCB0aGUgY29uZmlndXJlZCB0b2tlbiBsaWZldGltZXNcIiwgKCkgPT4ge1xuICAgIGV4cGVjdChjbGllbnQpLnRvRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIGFsbG93ZWRfb2F1dGhfZmxvd3M6IFtcImNvZGVcIl0sXG4gICAgICAgIGNhbGxiYWNrX3VybHM6IFtcImh0dHBzOi8vYXBwLmV4YW1wbGUuY29tL2F1dGgvY2FsbGJhY2tcIl0sXG4gICAgICAgIGV4cGxpY2l0X2F1dGhfZmxvd3M6IFtcIkFMTE9XX1VTRVJfU1JQX0FVVEhcIiwgXCJBTExPV19SRUZSRVNIX1RPS0VOX0FVVEhcIl0sXG4gICAgICAgIHByZXZlbnRfdXNlcl9leGlzdGVuY2VfZXJyb3JzOiBcIkVOQUJMRURcIixcbiAgICAgICAgZW5hYmxlX3Rva2VuX3Jldm9jYXRpb246IHRydWUsXG4gICAgICAgIGFjY2Vzc190b2tlbl92YWxpZGl0eTogNjAsXG4gICAgICAgIGlkX3Rva2VuX3ZhbGlkaXR5OiA2MCxcbiAgICAgICAgcmVmcmVzaF90b2tlbl92YWxpZGl0eTogMzAsXG4gICAgICAgIHRva2VuX3ZhbGlkaXR5X3VuaXRzOiBbeyBhY2Nlc3NfdG9rZW46IFwibWludXRlc1wiLCBpZF90b2tlbjogXCJtaW51dGVzXCIsIHJlZnJlc2hfdG9rZW46IFwiZGF5c1wiIH1dLFxuICAgICAgfSksXG4gICAgKTtcbiAgfSk7XG5cbiAgaXQoXCJleHBvcnRzIG5vIGNsaWVudCBzZWNyZXQgYW5kIHJlYWRzIG5vIG90aGVyIHN0YWNrXCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3RhY2sudGV4dCkubm90LnRvTWF0Y2goL2NsaWVudF9zZWNyZXQvKTtcbiAgICBleHBlY3Qoc3RhY2suanNvbi5kYXRhPy50ZXJyYWZvcm1fcmVtb3RlX3N0YXRlKS50b0JlVW5kZWZpbmVkKCk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19jb2duaXRvX3VzZXJfcG9vbF9kb21haW5cIikuaG9zdGVkX2RvbWFpbi5kb21haW4pLnRvQmUoXCJzYXByaXNtLWxvZ2luXCIpO1xuICB9KTtcblxuICBpdChcInBhc3NlcyB0aGUgZ3VhcmRyYWlscyB3aXRoIHplcm8gZXJyb3JzXCIsICgpID0+IHtcbiAgICBleHBlY3QoZ3VhcmRyYWlsRXJyb3JzKHN5bnRoLCBcImlkZW50aXR5XCIpKS50b0VxdWFsKFtdKTtcbiAgfSk7XG59KTtcblxuZGVzY3JpYmUoXCJpZGVudGl0eSBjb25maWd1cmVkIGxlbmllbnRseSAoZGV2KVwiLCAoKSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhWYXJpYW50KCk7XG4gIGNvbnN0IHN0YWNrID0gc3ludGguc3RhY2soXCJpZGVudGl0eVwiKTtcbiAgY29uc3QgcG9vbCA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19jb2duaXRvX3VzZXJfcG9vbFwiKS51c2VyX3Bvb2w7XG5cbiAgaXQoXCJ0dXJucyBNRkEgb2ZmIHdpdGhvdXQgZW5hYmxpbmcgYW4gTUZBIG1ldGhvZCwgYW5kIHN0YXlzIG9uIHRoZSBFc3NlbnRpYWxzIHBsYW5cIiwgKCkgPT4ge1xuICAgIGV4cGVjdChwb29sLm1mYV9jb25maWd1cmF0aW9uKS50b0JlKFwiT0ZGXCIpO1xuICAgIGV4cGVjdChwb29sLnNvZnR3YXJlX3Rva2VuX21mYV9jb25maWd1cmF0aW9uKS50b0JlVW5kZWZpbmVkKCk7XG4gICAgZXhwZWN0KHBvb2wudXNlcl9wb29sX3RpZXIpLnRvQmUoXCJFU1NFTlRJQUxTXCIpO1xuICAgIGV4cGVjdChwb29sLmRlbGV0aW9uX3Byb3RlY3Rpb24pLnRvQmUoXCJJTkFDVElWRVwiKTtcbiAgICBleHBlY3QocG9vbC5hZG1pbl9jcmVhdGVfdXNlcl9jb25maWcuYWxsb3dfYWRtaW5fY3JlYXRlX3VzZXJfb25seSkudG9CZShmYWxzZSk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19jb2duaXRvX3VzZXJfcG9vbF9kb21haW5cIikpLnRvRXF1YWwoe30pO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZS5lYWNoKE9iamVjdC5rZXlzKEVOVklST05NRU5UUykpKFwiJXMgYXMgc2hpcHBlZFwiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuXG4gIGl0KFwiaGFzIG5vIGlkZW50aXR5IHN0YWNrXCIsICgpID0+IHtcbiAgICBleHBlY3Qoc3ludGguc3RhY2tJZHMpLm5vdC50b0NvbnRhaW4oYCR7ZW52fS1pZGVudGl0eWApO1xuICB9KTtcbn0pO1xuIl0sImZpbGUiOiIvd29yay9tYWluL19fdGVzdHNfXy91bml0L2lkZW50aXR5LXN0YWNrLnRlc3QudHMifQ==
