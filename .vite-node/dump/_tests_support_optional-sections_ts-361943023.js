// /__tests__/support/optional-sections.ts
__vite_ssr_exportName__("CONNECT_INSTANCE_ID", () => { try { return CONNECT_INSTANCE_ID } catch {} });
__vite_ssr_exportName__("dynamodbSection", () => { try { return dynamodbSection } catch {} });
__vite_ssr_exportName__("functionsSection", () => { try { return functionsSection } catch {} });
__vite_ssr_exportName__("identitySection", () => { try { return identitySection } catch {} });
__vite_ssr_exportName__("parametersSection", () => { try { return parametersSection } catch {} });
__vite_ssr_exportName__("addOptionalSections", () => { try { return addOptionalSections } catch {} });
__vite_ssr_exportName__("synthWithOptionalSections", () => { try { return synthWithOptionalSections } catch {} });
__vite_ssr_exportName__("variantSections", () => { try { return variantSections } catch {} });
__vite_ssr_exportName__("synthVariant", () => { try { return synthVariant } catch {} });
__vite_ssr_exportName__("guardrailErrors", () => { try { return guardrailErrors } catch {} });
const __vite_ssr_import_0__ = await __vite_ssr_import__("/dist/test-modules/shims/guardrails.cjs", {"importedNames":["collectFindings"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["editedConfig","synthConfig"]});


const CONNECT_INSTANCE_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
function dynamodbSection() {
  return {
    tables: [
      {
        name: "handover-tokens",
        hashKey: { name: "token", type: "S" },
        ttlAttribute: "expires_at",
        pointInTimeRecovery: true,
        deletionProtection: true,
        billingMode: "PAY_PER_REQUEST",
        globalSecondaryIndexes: [{ name: "by-caller", hashKey: { name: "caller_number", type: "S" }, projection: "KEYS_ONLY" }]
      },
      {
        name: "call-audit",
        hashKey: { name: "call_id", type: "S" },
        rangeKey: { name: "at", type: "N" },
        pointInTimeRecovery: true,
        deletionProtection: true
      }
    ]
  };
};
function functionsSection() {
  return [
    {
      name: "connect-lookup",
      imageTag: "v1.0.0",
      memoryMb: 512,
      timeoutSeconds: 8,
      reservedConcurrency: 50,
      environment: { LOG_LEVEL: "info" },
      tables: [{ name: "handover-tokens", access: "read" }],
      vpc: true,
      logRetentionDays: 30,
      tracing: true,
      connectInstanceId: CONNECT_INSTANCE_ID
    }
  ];
};
function identitySection() {
  return {
    passwordPolicy: {
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      temporaryPasswordValidityDays: 3
    },
    mfa: "ON",
    advancedSecurityMode: "ENFORCED",
    selfSignUp: false,
    deletionProtection: true,
    domainPrefix: "saprism-login",
    appClient: {
      callbackUrls: ["https://app.example.com/auth/callback"],
      logoutUrls: ["https://app.example.com/"],
      scopes: ["openid", "email", "profile"],
      generateSecret: true,
      accessTokenValidityMinutes: 60,
      idTokenValidityMinutes: 60,
      refreshTokenValidityDays: 30
    }
  };
};
function parametersSection() {
  return {
    openai_api_key: { description: "OpenAI API key; set by an operator", type: "SecureString" },
    salesforce_client_id: { description: "Salesforce connected app client id; set by an operator", type: "SecureString" },
    livekit_url: { description: "LiveKit Cloud websocket URL", type: "String", value: "wss://saprism.livekit.cloud" }
  };
};
function addOptionalSections(raw) {
  raw.dynamodb = dynamodbSection();
  raw.functions = functionsSection();
  raw.identity = identitySection();
  raw.parameters = parametersSection();
};
const cache = /* @__PURE__ */ new Map();
function synthWithOptionalSections(env) {
  let result = cache.get(env);
  if (!result) {
    result = (0,__vite_ssr_import_1__.synthConfig)((0,__vite_ssr_import_1__.editedConfig)(env, addOptionalSections));
    cache.set(env, result);
  };
  return result;
};
function variantSections(raw) {
  addOptionalSections(raw);
  const [tokens] = raw.dynamodb.tables;
  Object.assign(tokens, { billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 2 });
  Object.assign(tokens.globalSecondaryIndexes[0], { readCapacity: 3, writeCapacity: 1 });
  const [lookup] = raw.functions;
  Object.assign(lookup, { vpc: false, tracing: false, tables: [{ name: "call-audit", access: "read-write" }] });
  delete lookup.connectInstanceId;
  delete lookup.reservedConcurrency;
  raw.functions.push({ name: "webhook", imageTag: "2024.06.1", memoryMb: 256, timeoutSeconds: 30, vpc: false, logRetentionDays: 7 });
  Object.assign(raw.identity, { mfa: "OFF", advancedSecurityMode: "OFF", selfSignUp: true, deletionProtection: false });
  delete raw.identity.domainPrefix;
};
let variant;
function synthVariant() {
  variant ??= (0,__vite_ssr_import_1__.synthConfig)((0,__vite_ssr_import_1__.editedConfig)("dev", variantSections));
  return variant;
};
function guardrailErrors(synth, component) {
  const stackId = `${synth.config.environment}-${component}`;
  const report = (0,__vite_ssr_import_0__.collectFindings)(synth.stacks.secretsKms.node.root).find((r) => r.stack === stackId);
  if (!report) throw new Error(`no guardrail report for ${stackId}`);
  return report.findings.filter((finding) => finding.level === "error").map((finding) => `${finding.ruleId} ${finding.path}: ${finding.message}`);
}

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6Ijs7Ozs7Ozs7OztBQUlBO0FBQ0E7OztBQUVPLE1BQU0sc0JBQXNCO0FBRzVCLFNBQVMsa0JBQXVCO0FBQ3JDLFNBQU87QUFBQSxJQUNMLFFBQVE7QUFBQSxNQUNOO0FBQUEsUUFDRSxNQUFNO0FBQUEsUUFDTixTQUFTLEVBQUUsTUFBTSxTQUFTLE1BQU0sSUFBSTtBQUFBLFFBQ3BDLGNBQWM7QUFBQSxRQUNkLHFCQUFxQjtBQUFBLFFBQ3JCLG9CQUFvQjtBQUFBLFFBQ3BCLGFBQWE7QUFBQSxRQUNiLHdCQUF3QixDQUFDLEVBQUUsTUFBTSxhQUFhLFNBQVMsRUFBRSxNQUFNLGlCQUFpQixNQUFNLElBQUksR0FBRyxZQUFZLFlBQVksQ0FBQztBQUFBLE1BQ3hIO0FBQUEsTUFDQTtBQUFBLFFBQ0UsTUFBTTtBQUFBLFFBQ04sU0FBUyxFQUFFLE1BQU0sV0FBVyxNQUFNLElBQUk7QUFBQSxRQUN0QyxVQUFVLEVBQUUsTUFBTSxNQUFNLE1BQU0sSUFBSTtBQUFBLFFBQ2xDLHFCQUFxQjtBQUFBLFFBQ3JCLG9CQUFvQjtBQUFBLE1BQ3RCO0FBQUEsSUFDRjtBQUFBLEVBQ0Y7QUFDRjtBQUdPLFNBQVMsbUJBQXdCO0FBQ3RDLFNBQU87QUFBQSxJQUNMO0FBQUEsTUFDRSxNQUFNO0FBQUEsTUFDTixVQUFVO0FBQUEsTUFDVixVQUFVO0FBQUEsTUFDVixnQkFBZ0I7QUFBQSxNQUNoQixxQkFBcUI7QUFBQSxNQUNyQixhQUFhLEVBQUUsV0FBVyxPQUFPO0FBQUEsTUFDakMsUUFBUSxDQUFDLEVBQUUsTUFBTSxtQkFBbUIsUUFBUSxPQUFPLENBQUM7QUFBQSxNQUNwRCxLQUFLO0FBQUEsTUFDTCxrQkFBa0I7QUFBQSxNQUNsQixTQUFTO0FBQUEsTUFDVCxtQkFBbUI7QUFBQSxJQUNyQjtBQUFBLEVBQ0Y7QUFDRjtBQUdPLFNBQVMsa0JBQXVCO0FBQ3JDLFNBQU87QUFBQSxJQUNMLGdCQUFnQjtBQUFBLE1BQ2QsZUFBZTtBQUFBLE1BQ2Ysa0JBQWtCO0FBQUEsTUFDbEIsa0JBQWtCO0FBQUEsTUFDbEIsZ0JBQWdCO0FBQUEsTUFDaEIsZ0JBQWdCO0FBQUEsTUFDaEIsK0JBQStCO0FBQUEsSUFDakM7QUFBQSxJQUNBLEtBQUs7QUFBQSxJQUNMLHNCQUFzQjtBQUFBLElBQ3RCLFlBQVk7QUFBQSxJQUNaLG9CQUFvQjtBQUFBLElBQ3BCLGNBQWM7QUFBQSxJQUNkLFdBQVc7QUFBQSxNQUNULGNBQWMsQ0FBQyx1Q0FBdUM7QUFBQSxNQUN0RCxZQUFZLENBQUMsMEJBQTBCO0FBQUEsTUFDdkMsUUFBUSxDQUFDLFVBQVUsU0FBUyxTQUFTO0FBQUEsTUFDckMsZ0JBQWdCO0FBQUEsTUFDaEIsNEJBQTRCO0FBQUEsTUFDNUIsd0JBQXdCO0FBQUEsTUFDeEIsMEJBQTBCO0FBQUEsSUFDNUI7QUFBQSxFQUNGO0FBQ0Y7QUFHTyxTQUFTLG9CQUF5QjtBQUN2QyxTQUFPO0FBQUEsSUFDTCxnQkFBZ0IsRUFBRSxhQUFhLHNDQUFzQyxNQUFNLGVBQWU7QUFBQSxJQUMxRixzQkFBc0IsRUFBRSxhQUFhLDBEQUEwRCxNQUFNLGVBQWU7QUFBQSxJQUNwSCxhQUFhLEVBQUUsYUFBYSwrQkFBK0IsTUFBTSxVQUFVLE9BQU8sOEJBQThCO0FBQUEsRUFDbEg7QUFDRjtBQUdPLFNBQVMsb0JBQW9CLEtBQWdCO0FBQ2xELE1BQUksV0FBVyxnQkFBZ0I7QUFDL0IsTUFBSSxZQUFZLGlCQUFpQjtBQUNqQyxNQUFJLFdBQVcsZ0JBQWdCO0FBQy9CLE1BQUksYUFBYSxrQkFBa0I7QUFDckM7QUFFQSxNQUFNLFFBQVEsb0JBQUksSUFBb0M7QUFHL0MsU0FBUywwQkFBMEIsS0FBcUM7QUFDN0UsTUFBSSxTQUFTLE1BQU0sSUFBSSxHQUFHO0FBQzFCLE1BQUksQ0FBQyxRQUFRO0FBQ1gsZ0JBQVMsc0NBQVksb0NBQWEsS0FBSyxtQkFBbUIsQ0FBQztBQUMzRCxVQUFNLElBQUksS0FBSyxNQUFNO0FBQUEsRUFDdkI7QUFDQSxTQUFPO0FBQ1Q7QUFPTyxTQUFTLGdCQUFnQixLQUFnQjtBQUM5QyxzQkFBb0IsR0FBRztBQUN2QixRQUFNLENBQUMsTUFBTSxJQUFJLElBQUksU0FBUztBQUM5QixTQUFPLE9BQU8sUUFBUSxFQUFFLGFBQWEsZUFBZSxjQUFjLEdBQUcsZUFBZSxFQUFFLENBQUM7QUFDdkYsU0FBTyxPQUFPLE9BQU8sdUJBQXVCLENBQUMsR0FBRyxFQUFFLGNBQWMsR0FBRyxlQUFlLEVBQUUsQ0FBQztBQUNyRixRQUFNLENBQUMsTUFBTSxJQUFJLElBQUk7QUFDckIsU0FBTyxPQUFPLFFBQVEsRUFBRSxLQUFLLE9BQU8sU0FBUyxPQUFPLFFBQVEsQ0FBQyxFQUFFLE1BQU0sY0FBYyxRQUFRLGFBQWEsQ0FBQyxFQUFFLENBQUM7QUFDNUcsU0FBTyxPQUFPO0FBQ2QsU0FBTyxPQUFPO0FBQ2QsTUFBSSxVQUFVLEtBQUssRUFBRSxNQUFNLFdBQVcsVUFBVSxhQUFhLFVBQVUsS0FBSyxnQkFBZ0IsSUFBSSxLQUFLLE9BQU8sa0JBQWtCLEVBQUUsQ0FBQztBQUNqSSxTQUFPLE9BQU8sSUFBSSxVQUFVLEVBQUUsS0FBSyxPQUFPLHNCQUFzQixPQUFPLFlBQVksTUFBTSxvQkFBb0IsTUFBTSxDQUFDO0FBQ3BILFNBQU8sSUFBSSxTQUFTO0FBQ3RCO0FBRUEsSUFBSTtBQUdHLFNBQVMsZUFBdUM7QUFDckQsaUJBQVksc0NBQVksb0NBQWEsT0FBTyxlQUFlLENBQUM7QUFDNUQsU0FBTztBQUNUO0FBR08sU0FBUyxnQkFBZ0IsT0FBK0IsV0FBNkI7QUFDMUYsUUFBTSxVQUFVLEdBQUcsTUFBTSxPQUFPLFdBQVcsSUFBSSxTQUFTO0FBQ3hELFFBQU0sWUFBUyx1Q0FBZ0IsTUFBTSxPQUFPLFdBQVcsS0FBSyxJQUFJLEVBQUUsS0FBSyxDQUFDLE1BQU0sRUFBRSxVQUFVLE9BQU87QUFDakcsTUFBSSxDQUFDLE9BQVEsT0FBTSxJQUFJLE1BQU0sMkJBQTJCLE9BQU8sRUFBRTtBQUNqRSxTQUFPLE9BQU8sU0FDWCxPQUFPLENBQUMsWUFBWSxRQUFRLFVBQVUsT0FBTyxFQUM3QyxJQUFJLENBQUMsWUFBWSxHQUFHLFFBQVEsTUFBTSxJQUFJLFFBQVEsSUFBSSxLQUFLLFFBQVEsT0FBTyxFQUFFO0FBQzdFIiwibmFtZXMiOltdLCJpZ25vcmVMaXN0IjpbXSwic291cmNlcyI6WyJvcHRpb25hbC1zZWN0aW9ucy50cyJdLCJzb3VyY2VzQ29udGVudCI6WyIvKipcbiAqIFZhbGlkIGBkeW5hbW9kYmAsIGBmdW5jdGlvbnNgLCBgaWRlbnRpdHlgIGFuZCBgcGFyYW1ldGVyc2Agc2VjdGlvbnMgc2hhcGVkIGxpa2Ugc2VlZHMgMDAxIGFuZCAwMDMsIGZvciB0ZXN0cyB0aGF0XG4gKiBhZGQgdGhlbSB0byBhIHNoaXBwZWQgZW52aXJvbm1lbnQgKG5vIHNoaXBwZWQgdm9pY2UtYWkgZW52aXJvbm1lbnQgaGFzIHRoZW0pLlxuICovXG5pbXBvcnQgeyBjb2xsZWN0RmluZGluZ3MgfSBmcm9tIFwiLi4vLi4vZ3VhcmRyYWlsc1wiO1xuaW1wb3J0IHsgU3ludGhlc2l6ZWRFbnZpcm9ubWVudCwgZWRpdGVkQ29uZmlnLCBzeW50aENvbmZpZyB9IGZyb20gXCIuL3N5bnRoXCI7XG5cbmV4cG9ydCBjb25zdCBDT05ORUNUX0lOU1RBTkNFX0lEID0gXCJhYWFhYWFhYS1iYmJiLTRjY2MtOGRkZC1lZWVlZWVlZWVlZWVcIjtcblxuLyoqIFNlZWQgMDAxJ3MgaGFuZG92ZXItdG9rZW4gdGFibGUsIHdpdGggYW4gaW5kZXggYnkgY2FsbGVyIGZvciB0aGUgbG9va3VwLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGR5bmFtb2RiU2VjdGlvbigpOiBhbnkge1xuICByZXR1cm4ge1xuICAgIHRhYmxlczogW1xuICAgICAge1xuICAgICAgICBuYW1lOiBcImhhbmRvdmVyLXRva2Vuc1wiLFxuICAgICAgICBoYXNoS2V5OiB7IG5hbWU6IFwidG9rZW5cIiwgdHlwZTogXCJTXCIgfSxcbiAgICAgICAgdHRsQXR0cmlidXRlOiBcImV4cGlyZXNfYXRcIixcbiAgICAgICAgcG9pbnRJblRpbWVSZWNvdmVyeTogdHJ1ZSxcbiAgICAgICAgZGVsZXRpb25Qcm90ZWN0aW9uOiB0cnVlLFxuICAgICAgICBiaWxsaW5nTW9kZTogXCJQQVlfUEVSX1JFUVVFU1RcIixcbiAgICAgICAgZ2xvYmFsU2Vjb25kYXJ5SW5kZXhlczogW3sgbmFtZTogXCJieS1jYWxsZXJcIiwgaGFzaEtleTogeyBuYW1lOiBcImNhbGxlcl9udW1iZXJcIiwgdHlwZTogXCJTXCIgfSwgcHJvamVjdGlvbjogXCJLRVlTX09OTFlcIiB9XSxcbiAgICAgIH0sXG4gICAgICB7XG4gICAgICAgIG5hbWU6IFwiY2FsbC1hdWRpdFwiLFxuICAgICAgICBoYXNoS2V5OiB7IG5hbWU6IFwiY2FsbF9pZFwiLCB0eXBlOiBcIlNcIiB9LFxuICAgICAgICByYW5nZUtleTogeyBuYW1lOiBcImF0XCIsIHR5cGU6IFwiTlwiIH0sXG4gICAgICAgIHBvaW50SW5UaW1lUmVjb3Zlcnk6IHRydWUsXG4gICAgICAgIGRlbGV0aW9uUHJvdGVjdGlvbjogdHJ1ZSxcbiAgICAgIH0sXG4gICAgXSxcbiAgfTtcbn1cblxuLyoqIFNlZWQgMDAxJ3MgQW1hem9uIENvbm5lY3QgbG9va3VwOiByZWFkcyB0aGUgdG9rZW4gdGFibGUgb25seSwgaW4gdGhlIFZQQy4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmdW5jdGlvbnNTZWN0aW9uKCk6IGFueSB7XG4gIHJldHVybiBbXG4gICAge1xuICAgICAgbmFtZTogXCJjb25uZWN0LWxvb2t1cFwiLFxuICAgICAgaW1hZ2VUYWc6IFwidjEuMC4wXCIsXG4gICAgICBtZW1vcnlNYjogNTEyLFxuICAgICAgdGltZW91dFNlY29uZHM6IDgsXG4gICAgICByZXNlcnZlZENvbmN1cnJlbmN5OiA1MCxcbiAgICAgIGVudmlyb25tZW50OiB7IExPR19MRVZFTDogXCJpbmZvXCIgfSxcbiAgICAgIHRhYmxlczogW3sgbmFtZTogXCJoYW5kb3Zlci10b2tlbnNcIiwgYWNjZXNzOiBcInJlYWRcIiB9XSxcbiAgICAgIHZwYzogdHJ1ZSxcbiAgICAgIGxvZ1JldGVudGlvbkRheXM6IDMwLFxuICAgICAgdHJhY2luZzogdHJ1ZSxcbiAgICAgIGNvbm5lY3RJbnN0YW5jZUlkOiBDT05ORUNUX0lOU1RBTkNFX0lELFxuICAgIH0sXG4gIF07XG59XG5cbi8qKiBTZWVkIDAwMydzIENvZ25pdG8gcG9vbCByZXBsYWNpbmcgUmVwbGl0IGF1dGguICovXG5leHBvcnQgZnVuY3Rpb24gaWRlbnRpdHlTZWN0aW9uKCk6IGFueSB7XG4gIHJldHVybiB7XG4gICAgcGFzc3dvcmRQb2xpY3k6IHtcbiAgICAgIG1pbmltdW1MZW5ndGg6IDEyLFxuICAgICAgcmVxdWlyZUxvd2VyY2FzZTogdHJ1ZSxcbiAgICAgIHJlcXVpcmVVcHBlcmNhc2U6IHRydWUsXG4gICAgICByZXF1aXJlTnVtYmVyczogdHJ1ZSxcbiAgICAgIHJlcXVpcmVTeW1ib2xzOiB0cnVlLFxuICAgICAgdGVtcG9yYXJ5UGFzc3dvcmRWYWxpZGl0eURheXM6IDMsXG4gICAgfSxcbiAgICBtZmE6IFwiT05cIixcbiAgICBhZHZhbmNlZFNlY3VyaXR5TW9kZTogXCJFTkZPUkNFRFwiLFxuICAgIHNlbGZTaWduVXA6IGZhbHNlLFxuICAgIGRlbGV0aW9uUHJvdGVjdGlvbjogdHJ1ZSxcbiAgICBkb21haW5QcmVmaXg6IFwic2FwcmlzbS1sb2dpblwiLFxuICAgIGFwcENsaWVudDoge1xuICAgICAgY2FsbGJhY2tVcmxzOiBbXCJodHRwczovL2FwcC5leGFtcGxlLmNvbS9hdXRoL2NhbGxiYWNrXCJdLFxuICAgICAgbG9nb3V0VXJsczogW1wiaHR0cHM6Ly9hcHAuZXhhbXBsZS5jb20vXCJdLFxuICAgICAgc2NvcGVzOiBbXCJvcGVuaWRcIiwgXCJlbWFpbFwiLCBcInByb2ZpbGVcIl0sXG4gICAgICBnZW5lcmF0ZVNlY3JldDogdHJ1ZSxcbiAgICAgIGFjY2Vzc1Rva2VuVmFsaWRpdHlNaW51dGVzOiA2MCxcbiAgICAgIGlkVG9rZW5WYWxpZGl0eU1pbnV0ZXM6IDYwLFxuICAgICAgcmVmcmVzaFRva2VuVmFsaWRpdHlEYXlzOiAzMCxcbiAgICB9LFxuICB9O1xufVxuXG4vKiogU2VlZCAwMDMncyBTU00gc2V0dGluZ3M6IHRoaXJkLXBhcnR5IGtleXMgYW4gb3BlcmF0b3IgcHV0cywgcGx1cyBhIHBsYWluIHNldHRpbmcuICovXG5leHBvcnQgZnVuY3Rpb24gcGFyYW1ldGVyc1NlY3Rpb24oKTogYW55IHtcbiAgcmV0dXJuIHtcbiAgICBvcGVuYWlfYXBpX2tleTogeyBkZXNjcmlwdGlvbjogXCJPcGVuQUkgQVBJIGtleTsgc2V0IGJ5IGFuIG9wZXJhdG9yXCIsIHR5cGU6IFwiU2VjdXJlU3RyaW5nXCIgfSxcbiAgICBzYWxlc2ZvcmNlX2NsaWVudF9pZDogeyBkZXNjcmlwdGlvbjogXCJTYWxlc2ZvcmNlIGNvbm5lY3RlZCBhcHAgY2xpZW50IGlkOyBzZXQgYnkgYW4gb3BlcmF0b3JcIiwgdHlwZTogXCJTZWN1cmVTdHJpbmdcIiB9LFxuICAgIGxpdmVraXRfdXJsOiB7IGRlc2NyaXB0aW9uOiBcIkxpdmVLaXQgQ2xvdWQgd2Vic29ja2V0IFVSTFwiLCB0eXBlOiBcIlN0cmluZ1wiLCB2YWx1ZTogXCJ3c3M6Ly9zYXByaXNtLmxpdmVraXQuY2xvdWRcIiB9LFxuICB9O1xufVxuXG4vKiogQWRkcyBhbGwgZm91ciBvcHRpb25hbCBzZWN0aW9ucyB0byBhIHJhdyBlbnZpcm9ubWVudCBjb25maWcuICovXG5leHBvcnQgZnVuY3Rpb24gYWRkT3B0aW9uYWxTZWN0aW9ucyhyYXc6IGFueSk6IHZvaWQge1xuICByYXcuZHluYW1vZGIgPSBkeW5hbW9kYlNlY3Rpb24oKTtcbiAgcmF3LmZ1bmN0aW9ucyA9IGZ1bmN0aW9uc1NlY3Rpb24oKTtcbiAgcmF3LmlkZW50aXR5ID0gaWRlbnRpdHlTZWN0aW9uKCk7XG4gIHJhdy5wYXJhbWV0ZXJzID0gcGFyYW1ldGVyc1NlY3Rpb24oKTtcbn1cblxuY29uc3QgY2FjaGUgPSBuZXcgTWFwPHN0cmluZywgU3ludGhlc2l6ZWRFbnZpcm9ubWVudD4oKTtcblxuLyoqIEEgc2hpcHBlZCBlbnZpcm9ubWVudCBwbHVzIGFsbCBmb3VyIG9wdGlvbmFsIHNlY3Rpb25zLCBzeW50aGVzaXplZCBvbmNlIHBlciB0ZXN0IHdvcmtlci4gKi9cbmV4cG9ydCBmdW5jdGlvbiBzeW50aFdpdGhPcHRpb25hbFNlY3Rpb25zKGVudjogc3RyaW5nKTogU3ludGhlc2l6ZWRFbnZpcm9ubWVudCB7XG4gIGxldCByZXN1bHQgPSBjYWNoZS5nZXQoZW52KTtcbiAgaWYgKCFyZXN1bHQpIHtcbiAgICByZXN1bHQgPSBzeW50aENvbmZpZyhlZGl0ZWRDb25maWcoZW52LCBhZGRPcHRpb25hbFNlY3Rpb25zKSk7XG4gICAgY2FjaGUuc2V0KGVudiwgcmVzdWx0KTtcbiAgfVxuICByZXR1cm4gcmVzdWx0O1xufVxuXG4vKipcbiAqIFRoZSBvdGhlciBzaWRlIG9mIGVhY2ggc3dpdGNoLCBpbiBvbmUgZGV2IGNvbmZpZyBzbyBpdCBjb3N0cyBvbmUgc3ludGg6IGEgcHJvdmlzaW9uZWQgdG9rZW4gdGFibGUsIHRoZSBsb29rdXBcbiAqIGZ1bmN0aW9uIG91dHNpZGUgdGhlIFZQQyB3aXRoIHJlYWQtd3JpdGUgYWNjZXNzIHRvIHRoZSBhdWRpdCB0YWJsZSBhbmQgbm8gdHJhY2luZy9jb25jdXJyZW5jeS9Db25uZWN0LCBhIHNlY29uZFxuICogZnVuY3Rpb24gd2l0aG91dCB0YWJsZXMsIGFuZCBhIGxlbmllbnQgdXNlciBwb29sIChNRkEgYW5kIHRocmVhdCBwcm90ZWN0aW9uIG9mZiwgc2VsZiBzaWduLXVwLCBubyBob3N0ZWQgZG9tYWluKS5cbiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHZhcmlhbnRTZWN0aW9ucyhyYXc6IGFueSk6IHZvaWQge1xuICBhZGRPcHRpb25hbFNlY3Rpb25zKHJhdyk7XG4gIGNvbnN0IFt0b2tlbnNdID0gcmF3LmR5bmFtb2RiLnRhYmxlcztcbiAgT2JqZWN0LmFzc2lnbih0b2tlbnMsIHsgYmlsbGluZ01vZGU6IFwiUFJPVklTSU9ORURcIiwgcmVhZENhcGFjaXR5OiA1LCB3cml0ZUNhcGFjaXR5OiAyIH0pO1xuICBPYmplY3QuYXNzaWduKHRva2Vucy5nbG9iYWxTZWNvbmRhcnlJbmRleGVzWzBdLCB7IHJlYWRDYXBhY2l0eTogMywgd3JpdGVDYXBhY2l0eTogMSB9KTtcbiAgY29uc3QgW2xvb2t1cF0gPSByYXcuZnVuY3Rpb25zO1xuICBPYmplY3QuYXNzaWduKGxvb2t1cCwgeyB2cGM6IGZhbHNlLCB0cmFjaW5nOiBmYWxzZSwgdGFibGVzOiBbeyBuYW1lOiBcImNhbGwtYXVkaXRcIiwgYWNjZXNzOiBcInJlYWQtd3JpdGVcIiB9XSB9KTtcbiAgZGVsZXRlIGxvb2t1cC5jb25uZWN0SW5zdGFuY2VJZDtcbiAgZGVsZXRlIGxvb2t1cC5yZXNlcnZlZENvbmN1cnJlbmN5O1xuICByYXcuZnVuY3Rpb25zLnB1c2goeyBuYW1lOiBcIndlYmhvb2tcIiwgaW1hZ2VUYWc6IFwiMjAyNC4wNi4xXCIsIG1lbW9yeU1iOiAyNTYsIHRpbWVvdXRTZWNvbmRzOiAzMCwgdnBjOiBmYWxzZSwgbG9nUmV0ZW50aW9uRGF5czogNyB9KTtcbiAgT2JqZWN0LmFzc2lnbihyYXcuaWRlbnRpdHksIHsgbWZhOiBcIk9GRlwiLCBhZHZhbmNlZFNlY3VyaXR5TW9kZTogXCJPRkZcIiwgc2VsZlNpZ25VcDogdHJ1ZSwgZGVsZXRpb25Qcm90ZWN0aW9uOiBmYWxzZSB9KTtcbiAgZGVsZXRlIHJhdy5pZGVudGl0eS5kb21haW5QcmVmaXg7XG59XG5cbmxldCB2YXJpYW50OiBTeW50aGVzaXplZEVudmlyb25tZW50IHwgdW5kZWZpbmVkO1xuXG4vKiogZGV2IHdpdGggYHZhcmlhbnRTZWN0aW9uc2AsIHN5bnRoZXNpemVkIG9uY2UgcGVyIHRlc3Qgd29ya2VyLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHN5bnRoVmFyaWFudCgpOiBTeW50aGVzaXplZEVudmlyb25tZW50IHtcbiAgdmFyaWFudCA/Pz0gc3ludGhDb25maWcoZWRpdGVkQ29uZmlnKFwiZGV2XCIsIHZhcmlhbnRTZWN0aW9ucykpO1xuICByZXR1cm4gdmFyaWFudDtcbn1cblxuLyoqIEd1YXJkcmFpbCBlcnJvcnMgb2Ygb25lIGNvbXBvbmVudCdzIHN0YWNrLCBhcyBgPHJ1bGU+IDxwYXRoPjogPG1lc3NhZ2U+YCBsaW5lcy4gKi9cbmV4cG9ydCBmdW5jdGlvbiBndWFyZHJhaWxFcnJvcnMoc3ludGg6IFN5bnRoZXNpemVkRW52aXJvbm1lbnQsIGNvbXBvbmVudDogc3RyaW5nKTogc3RyaW5nW10ge1xuICBjb25zdCBzdGFja0lkID0gYCR7c3ludGguY29uZmlnLmVudmlyb25tZW50fS0ke2NvbXBvbmVudH1gO1xuICBjb25zdCByZXBvcnQgPSBjb2xsZWN0RmluZGluZ3Moc3ludGguc3RhY2tzLnNlY3JldHNLbXMubm9kZS5yb290KS5maW5kKChyKSA9PiByLnN0YWNrID09PSBzdGFja0lkKTtcbiAgaWYgKCFyZXBvcnQpIHRocm93IG5ldyBFcnJvcihgbm8gZ3VhcmRyYWlsIHJlcG9ydCBmb3IgJHtzdGFja0lkfWApO1xuICByZXR1cm4gcmVwb3J0LmZpbmRpbmdzXG4gICAgLmZpbHRlcigoZmluZGluZykgPT4gZmluZGluZy5sZXZlbCA9PT0gXCJlcnJvclwiKVxuICAgIC5tYXAoKGZpbmRpbmcpID0+IGAke2ZpbmRpbmcucnVsZUlkfSAke2ZpbmRpbmcucGF0aH06ICR7ZmluZGluZy5tZXNzYWdlfWApO1xufVxuIl0sImZpbGUiOiIvX190ZXN0c19fL3N1cHBvcnQvb3B0aW9uYWwtc2VjdGlvbnMudHMifQ==
