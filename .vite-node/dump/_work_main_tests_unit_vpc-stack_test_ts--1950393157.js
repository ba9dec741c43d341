// /work/main/__tests__/unit/vpc-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/default-security-group", {"importedNames":["DefaultSecurityGroup"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/flow-log", {"importedNames":["FlowLog"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/cloudwatch-log-group", {"importedNames":["CloudwatchLogGroup"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/vpc", {"importedNames":["Vpc"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_5__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["resourcesOf","synthEnvironment"]});






__vite_ssr_import_4__.describe.each(["dev", "staging", "prod"])("%s vpc stack", (env) => {
  const synth = (0,__vite_ssr_import_5__.synthEnvironment)(env);
  const vpc = synth.stack("vpc");
  const { network } = synth.config;
  const zones = network.availabilityZones.length;
  (0,__vite_ssr_import_4__.it)("creates the VPC with DNS on", () => {
    (0,__vite_ssr_import_4__.expect)(vpc.text).toHaveResourceWithProperties((0,__vite_ssr_import_3__.Vpc), {
      cidr_block: network.vpcCidr,
      enable_dns_support: true,
      enable_dns_hostnames: true
    });
  });
  (0,__vite_ssr_import_4__.it)("has one subnet per tier and AZ, none of them auto-assigning public IPs", () => {
    const subnets = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_subnet"));
    (0,__vite_ssr_import_4__.expect)(subnets).toHaveLength(3 * zones);
    for (const tier of ["public", "private", "database"]) {
      (0,__vite_ssr_import_4__.expect)(subnets.filter((s) => s.tags.tier === tier)).toHaveLength(zones);
    };
    (0,__vite_ssr_import_4__.expect)(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
  });
  (0,__vite_ssr_import_4__.it)("follows the NAT strategy", () => {
    const nats = Object.keys((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_nat_gateway"));
    (0,__vite_ssr_import_4__.expect)(nats).toHaveLength(network.natGateways === "per-az" ? zones : 1);
    const privateRoutes = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_route")).filter((r) => r.nat_gateway_id);
    (0,__vite_ssr_import_4__.expect)(privateRoutes).toHaveLength(zones);
  });
  (0,__vite_ssr_import_4__.it)("gives database subnets no route out of the VPC", () => {
    const routes = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_route"));
    (0,__vite_ssr_import_4__.expect)(routes.some((r) => String(r.route_table_id).includes("database_route_table"))).toBe(false);
  });
  (0,__vite_ssr_import_4__.it)("locks the default security group", () => {
    (0,__vite_ssr_import_4__.expect)(vpc.text).toHaveResourceWithProperties((0,__vite_ssr_import_0__.DefaultSecurityGroup), { ingress: [], egress: [] });
  });
  (0,__vite_ssr_import_4__.it)("opens 0.0.0.0/0 only on the ALB, only on 80 and 443", () => {
    const openRules = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.cidr_ipv4 === "0.0.0.0/0" || r.cidr_ipv6 === "::/0"
    );
    (0,__vite_ssr_import_4__.expect)(openRules.map((r) => r.from_port).sort()).toEqual([443, 80]);
    (0,__vite_ssr_import_4__.expect)(openRules.every((r) => r.security_group_id === "${aws_security_group.alb_security_group.id}")).toBe(true);
  });
  (0,__vite_ssr_import_4__.it)("lets only ECS tasks reach PostgreSQL and Redis", () => {
    const ingress = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_vpc_security_group_ingress_rule"));
    for (const [group, port] of [["rds_security_group", 5432], ["redis_security_group", 6379]]) {
      const rules = ingress.filter((r) => r.security_group_id === `\${aws_security_group.${group}.id}`);
      (0,__vite_ssr_import_4__.expect)(rules).toEqual([
        __vite_ssr_import_4__.expect.objectContaining({
          from_port: port,
          to_port: port,
          referenced_security_group_id: "${aws_security_group.ecs_security_group.id}"
        })
      ]);
    }
  });
  (0,__vite_ssr_import_4__.it)("creates the configured endpoints", () => {
    const endpoints = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_vpc_endpoint"));
    const services = endpoints.map((e) => String(e.service_name).split(`${synth.config.region}.`)[1]).sort();
    (0,__vite_ssr_import_4__.expect)(services).toEqual([...network.gatewayEndpoints, ...network.interfaceEndpoints].sort());
  });
  (0,__vite_ssr_import_4__.it)("sends flow logs to a log group encrypted with the logs key from secrets-kms (cross-stack)", () => {
    (0,__vite_ssr_import_4__.expect)(vpc.text).toHaveResourceWithProperties((0,__vite_ssr_import_1__.FlowLog), { traffic_type: network.flowLogs.trafficType });
    const group = Object.values((0,__vite_ssr_import_5__.resourcesOf)(vpc, "aws_cloudwatch_log_group"))[0];
    (0,__vite_ssr_import_4__.expect)(group.retention_in_days).toBe(network.flowLogs.retentionDays);
    (0,__vite_ssr_import_4__.expect)(group.kms_key_id).toMatch(/^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\./);
    (0,__vite_ssr_import_4__.expect)(vpc.text).toHaveResource((0,__vite_ssr_import_2__.CloudwatchLogGroup));
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBOzs7Ozs7O0FBRUEsK0JBQVMsS0FBSyxDQUFDLE9BQU8sV0FBVyxNQUFNLENBQUMsRUFBRSxnQkFBZ0IsQ0FBQyxRQUFRO0FBQ2pFLFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUNsQyxRQUFNLE1BQU0sTUFBTSxNQUFNLEtBQUs7QUFDN0IsUUFBTSxFQUFFLFFBQVEsSUFBSSxNQUFNO0FBQzFCLFFBQU0sUUFBUSxRQUFRLGtCQUFrQjtBQUV4QywrQkFBRywrQkFBK0IsTUFBTTtBQUN0QyxxQ0FBTyxJQUFJLElBQUksRUFBRSxnQ0FBNkIsNEJBQUs7QUFBQSxNQUNqRCxZQUFZLFFBQVE7QUFBQSxNQUNwQixvQkFBb0I7QUFBQSxNQUNwQixzQkFBc0I7QUFBQSxJQUN4QixDQUFDO0FBQUEsRUFDSCxDQUFDO0FBRUQsK0JBQUcsMEVBQTBFLE1BQU07QUFDakYsVUFBTSxVQUFVLE9BQU8sVUFBTyxtQ0FBWSxLQUFLLFlBQVksQ0FBQztBQUM1RCxxQ0FBTyxPQUFPLEVBQUUsYUFBYSxJQUFJLEtBQUs7QUFDdEMsZUFBVyxRQUFRLENBQUMsVUFBVSxXQUFXLFVBQVUsR0FBRztBQUNwRCx1Q0FBTyxRQUFRLE9BQU8sQ0FBQyxNQUFNLEVBQUUsS0FBSyxTQUFTLElBQUksQ0FBQyxFQUFFLGFBQWEsS0FBSztBQUFBLElBQ3hFO0FBQ0EscUNBQU8sUUFBUSxNQUFNLENBQUMsTUFBTSxFQUFFLDRCQUE0QixLQUFLLENBQUMsRUFBRSxLQUFLLElBQUk7QUFBQSxFQUM3RSxDQUFDO0FBRUQsK0JBQUcsNEJBQTRCLE1BQU07QUFDbkMsVUFBTSxPQUFPLE9BQU8sUUFBSyxtQ0FBWSxLQUFLLGlCQUFpQixDQUFDO0FBQzVELHFDQUFPLElBQUksRUFBRSxhQUFhLFFBQVEsZ0JBQWdCLFdBQVcsUUFBUSxDQUFDO0FBQ3RFLFVBQU0sZ0JBQWdCLE9BQU8sVUFBTyxtQ0FBWSxLQUFLLFdBQVcsQ0FBQyxFQUFFLE9BQU8sQ0FBQyxNQUFNLEVBQUUsY0FBYztBQUNqRyxxQ0FBTyxhQUFhLEVBQUUsYUFBYSxLQUFLO0FBQUEsRUFDMUMsQ0FBQztBQUVELCtCQUFHLGtEQUFrRCxNQUFNO0FBQ3pELFVBQU0sU0FBUyxPQUFPLFVBQU8sbUNBQVksS0FBSyxXQUFXLENBQUM7QUFDMUQscUNBQU8sT0FBTyxLQUFLLENBQUMsTUFBTSxPQUFPLEVBQUUsY0FBYyxFQUFFLFNBQVMsc0JBQXNCLENBQUMsQ0FBQyxFQUFFLEtBQUssS0FBSztBQUFBLEVBQ2xHLENBQUM7QUFFRCwrQkFBRyxvQ0FBb0MsTUFBTTtBQUMzQyxxQ0FBTyxJQUFJLElBQUksRUFBRSxnQ0FBNkIsNkNBQXNCLEVBQUUsU0FBUyxDQUFDLEdBQUcsUUFBUSxDQUFDLEVBQUUsQ0FBQztBQUFBLEVBQ2pHLENBQUM7QUFFRCwrQkFBRyx1REFBdUQsTUFBTTtBQUM5RCxVQUFNLFlBQVksT0FBTyxVQUFPLG1DQUFZLEtBQUsscUNBQXFDLENBQUMsRUFBRTtBQUFBLE1BQ3ZGLENBQUMsTUFBTSxFQUFFLGNBQWMsZUFBZSxFQUFFLGNBQWM7QUFBQSxJQUN4RDtBQUNBLHFDQUFPLFVBQVUsSUFBSSxDQUFDLE1BQU0sRUFBRSxTQUFTLEVBQUUsS0FBSyxDQUFDLEVBQUUsUUFBUSxDQUFDLEtBQUssRUFBRSxDQUFDO0FBQ2xFLHFDQUFPLFVBQVUsTUFBTSxDQUFDLE1BQU0sRUFBRSxzQkFBc0IsNkNBQTZDLENBQUMsRUFBRSxLQUFLLElBQUk7QUFBQSxFQUNqSCxDQUFDO0FBRUQsK0JBQUcsa0RBQWtELE1BQU07QUFDekQsVUFBTSxVQUFVLE9BQU8sVUFBTyxtQ0FBWSxLQUFLLHFDQUFxQyxDQUFDO0FBQ3JGLGVBQVcsQ0FBQyxPQUFPLElBQUksS0FBSyxDQUFDLENBQUMsc0JBQXNCLElBQUksR0FBRyxDQUFDLHdCQUF3QixJQUFJLENBQUMsR0FBWTtBQUNuRyxZQUFNLFFBQVEsUUFBUSxPQUFPLENBQUMsTUFBTSxFQUFFLHNCQUFzQix5QkFBeUIsS0FBSyxNQUFNO0FBQ2hHLHVDQUFPLEtBQUssRUFBRSxRQUFRO0FBQUEsUUFDcEIsNkJBQU8saUJBQWlCO0FBQUEsVUFDdEIsV0FBVztBQUFBLFVBQ1gsU0FBUztBQUFBLFVBQ1QsOEJBQThCO0FBQUEsUUFDaEMsQ0FBQztBQUFBLE1BQ0gsQ0FBQztBQUFBLElBQ0g7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRyxvQ0FBb0MsTUFBTTtBQUMzQyxVQUFNLFlBQVksT0FBTyxVQUFPLG1DQUFZLEtBQUssa0JBQWtCLENBQUM7QUFDcEUsVUFBTSxXQUFXLFVBQVUsSUFBSSxDQUFDLE1BQU0sT0FBTyxFQUFFLFlBQVksRUFBRSxNQUFNLEdBQUcsTUFBTSxPQUFPLE1BQU0sR0FBRyxFQUFFLENBQUMsQ0FBQyxFQUFFLEtBQUs7QUFDdkcscUNBQU8sUUFBUSxFQUFFLFFBQVEsQ0FBQyxHQUFHLFFBQVEsa0JBQWtCLEdBQUcsUUFBUSxrQkFBa0IsRUFBRSxLQUFLLENBQUM7QUFBQSxFQUM5RixDQUFDO0FBRUQsK0JBQUcsNkZBQTZGLE1BQU07QUFDcEcscUNBQU8sSUFBSSxJQUFJLEVBQUUsZ0NBQTZCLGdDQUFTLEVBQUUsY0FBYyxRQUFRLFNBQVMsWUFBWSxDQUFDO0FBQ3JHLFVBQU0sUUFBUSxPQUFPLFVBQU8sbUNBQVksS0FBSywwQkFBMEIsQ0FBQyxFQUFFLENBQUM7QUFDM0UscUNBQU8sTUFBTSxpQkFBaUIsRUFBRSxLQUFLLFFBQVEsU0FBUyxhQUFhO0FBQ25FLHFDQUFPLE1BQU0sVUFBVSxFQUFFLFFBQVEsMkZBQTJGO0FBQzVILHFDQUFPLElBQUksSUFBSSxFQUFFLGtCQUFlLHlDQUFrQjtBQUFBLEVBQ3BELENBQUM7QUFDSCxDQUFDIiwibmFtZXMiOltdLCJpZ25vcmVMaXN0IjpbXSwic291cmNlcyI6WyJ2cGMtc3RhY2sudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBEZWZhdWx0U2VjdXJpdHlHcm91cCB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9kZWZhdWx0LXNlY3VyaXR5LWdyb3VwXCI7XG5pbXBvcnQgeyBGbG93TG9nIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2Zsb3ctbG9nXCI7XG5pbXBvcnQgeyBDbG91ZHdhdGNoTG9nR3JvdXAgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvY2xvdWR3YXRjaC1sb2ctZ3JvdXBcIjtcbmltcG9ydCB7IFZwYyB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi92cGNcIjtcbmltcG9ydCB7IGRlc2NyaWJlLCBleHBlY3QsIGl0IH0gZnJvbSBcInZpdGVzdFwiO1xuaW1wb3J0IHsgcmVzb3VyY2VzT2YsIHN5bnRoRW52aXJvbm1lbnQgfSBmcm9tIFwiLi4vc3VwcG9ydC9zeW50aFwiO1xuXG5kZXNjcmliZS5lYWNoKFtcImRldlwiLCBcInN0YWdpbmdcIiwgXCJwcm9kXCJdKShcIiVzIHZwYyBzdGFja1wiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuICBjb25zdCB2cGMgPSBzeW50aC5zdGFjayhcInZwY1wiKTtcbiAgY29uc3QgeyBuZXR3b3JrIH0gPSBzeW50aC5jb25maWc7XG4gIGNvbnN0IHpvbmVzID0gbmV0d29yay5hdmFpbGFiaWxpdHlab25lcy5sZW5ndGg7XG5cbiAgaXQoXCJjcmVhdGVzIHRoZSBWUEMgd2l0aCBETlMgb25cIiwgKCkgPT4ge1xuICAgIGV4cGVjdCh2cGMudGV4dCkudG9IYXZlUmVzb3VyY2VXaXRoUHJvcGVydGllcyhWcGMsIHtcbiAgICAgIGNpZHJfYmxvY2s6IG5ldHdvcmsudnBjQ2lkcixcbiAgICAgIGVuYWJsZV9kbnNfc3VwcG9ydDogdHJ1ZSxcbiAgICAgIGVuYWJsZV9kbnNfaG9zdG5hbWVzOiB0cnVlLFxuICAgIH0pO1xuICB9KTtcblxuICBpdChcImhhcyBvbmUgc3VibmV0IHBlciB0aWVyIGFuZCBBWiwgbm9uZSBvZiB0aGVtIGF1dG8tYXNzaWduaW5nIHB1YmxpYyBJUHNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHN1Ym5ldHMgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHZwYywgXCJhd3Nfc3VibmV0XCIpKTtcbiAgICBleHBlY3Qoc3VibmV0cykudG9IYXZlTGVuZ3RoKDMgKiB6b25lcyk7XG4gICAgZm9yIChjb25zdCB0aWVyIG9mIFtcInB1YmxpY1wiLCBcInByaXZhdGVcIiwgXCJkYXRhYmFzZVwiXSkge1xuICAgICAgZXhwZWN0KHN1Ym5ldHMuZmlsdGVyKChzKSA9PiBzLnRhZ3MudGllciA9PT0gdGllcikpLnRvSGF2ZUxlbmd0aCh6b25lcyk7XG4gICAgfVxuICAgIGV4cGVjdChzdWJuZXRzLmV2ZXJ5KChzKSA9PiBzLm1hcF9wdWJsaWNfaXBfb25fbGF1bmNoID09PSBmYWxzZSkpLnRvQmUodHJ1ZSk7XG4gIH0pO1xuXG4gIGl0KFwiZm9sbG93cyB0aGUgTkFUIHN0cmF0ZWd5XCIsICgpID0+IHtcbiAgICBjb25zdCBuYXRzID0gT2JqZWN0LmtleXMocmVzb3VyY2VzT2YodnBjLCBcImF3c19uYXRfZ2F0ZXdheVwiKSk7XG4gICAgZXhwZWN0KG5hdHMpLnRvSGF2ZUxlbmd0aChuZXR3b3JrLm5hdEdhdGV3YXlzID09PSBcInBlci1helwiID8gem9uZXMgOiAxKTtcbiAgICBjb25zdCBwcml2YXRlUm91dGVzID0gT2JqZWN0LnZhbHVlcyhyZXNvdXJjZXNPZih2cGMsIFwiYXdzX3JvdXRlXCIpKS5maWx0ZXIoKHIpID0+IHIubmF0X2dhdGV3YXlfaWQpO1xuICAgIGV4cGVjdChwcml2YXRlUm91dGVzKS50b0hhdmVMZW5ndGgoem9uZXMpO1xuICB9KTtcblxuICBpdChcImdpdmVzIGRhdGFiYXNlIHN1Ym5ldHMgbm8gcm91dGUgb3V0IG9mIHRoZSBWUENcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHJvdXRlcyA9IE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2YodnBjLCBcImF3c19yb3V0ZVwiKSk7XG4gICAgZXhwZWN0KHJvdXRlcy5zb21lKChyKSA9PiBTdHJpbmcoci5yb3V0ZV90YWJsZV9pZCkuaW5jbHVkZXMoXCJkYXRhYmFzZV9yb3V0ZV90YWJsZVwiKSkpLnRvQmUoZmFsc2UpO1xuICB9KTtcblxuICBpdChcImxvY2tzIHRoZSBkZWZhdWx0IHNlY3VyaXR5IGdyb3VwXCIsICgpID0+IHtcbiAgICBleHBlY3QodnBjLnRleHQpLnRvSGF2ZVJlc291cmNlV2l0aFByb3BlcnRpZXMoRGVmYXVsdFNlY3VyaXR5R3JvdXAsIHsgaW5ncmVzczogW10sIGVncmVzczogW10gfSk7XG4gIH0pO1xuXG4gIGl0KFwib3BlbnMgMC4wLjAuMC8wIG9ubHkgb24gdGhlIEFMQiwgb25seSBvbiA4MCBhbmQgNDQzXCIsICgpID0+IHtcbiAgICBjb25zdCBvcGVuUnVsZXMgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHZwYywgXCJhd3NfdnBjX3NlY3VyaXR5X2dyb3VwX2luZ3Jlc3NfcnVsZVwiKSkuZmlsdGVyKFxuICAgICAgKHIpID0+IHIuY2lkcl9pcHY0ID09PSBcIjAuMC4wLjAvMFwiIHx8IHIuY2lkcl9pcHY2ID09PSBcIjo6LzBcIixcbiAgICApO1xuICAgIGV4cGVjdChvcGVuUnVsZXMubWFwKChyKSA9PiByLmZyb21fcG9ydCkuc29ydCgpKS50b0VxdWFsKFs0NDMsIDgwXSk7XG4gICAgZXhwZWN0KG9wZW5SdWxlcy5ldmVyeSgocikgPT4gci5zZWN1cml0eV9ncm91cF9pZCA9PT0gXCIke2F3c19zZWN1cml0eV9ncm91cC5hbGJfc2VjdXJpdHlfZ3JvdXAuaWR9XCIpKS50b0JlKHRydWUpO1xuICB9KTtcblxuICBpdChcImxldHMgb25seSBFQ1MgdGFza3MgcmVhY2ggUG9zdGdyZVNRTCBhbmQgUmVkaXNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGluZ3Jlc3MgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHZwYywgXCJhd3NfdnBjX3NlY3VyaXR5X2dyb3VwX2luZ3Jlc3NfcnVsZVwiKSk7XG4gICAgZm9yIChjb25zdCBbZ3JvdXAsIHBvcnRdIG9mIFtbXCJyZHNfc2VjdXJpdHlfZ3JvdXBcIiwgNTQzMl0sIFtcInJlZGlzX3NlY3VyaXR5X2dyb3VwXCIsIDYzNzldXSBhcyBjb25zdCkge1xuICAgICAgY29uc3QgcnVsZXMgPSBpbmdyZXNzLmZpbHRlcigocikgPT4gci5zZWN1cml0eV9ncm91cF9pZCA9PT0gYFxcJHthd3Nfc2VjdXJpdHlfZ3JvdXAuJHtncm91cH0uaWR9YCk7XG4gICAgICBleHBlY3QocnVsZXMpLnRvRXF1YWwoW1xuICAgICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgICAgZnJvbV9wb3J0OiBwb3J0LFxuICAgICAgICAgIHRvX3BvcnQ6IHBvcnQsXG4gICAgICAgICAgcmVmZXJlbmNlZF9zZWN1cml0eV9ncm91cF9pZDogXCIke2F3c19zZWN1cml0eV9ncm91cC5lY3Nfc2VjdXJpdHlfZ3JvdXAuaWR9XCIsXG4gICAgICAgIH0pLFxuICAgICAgXSk7XG4gICAgfVxuICB9KTtcblxuICBpdChcImNyZWF0ZXMgdGhlIGNvbmZpZ3VyZWQgZW5kcG9pbnRzXCIsICgpID0+IHtcbiAgICBjb25zdCBlbmRwb2ludHMgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHZwYywgXCJhd3NfdnBjX2VuZHBvaW50XCIpKTtcbiAgICBjb25zdCBzZXJ2aWNlcyA9IGVuZHBvaW50cy5tYXAoKGUpID0+IFN0cmluZyhlLnNlcnZpY2VfbmFtZSkuc3BsaXQoYCR7c3ludGguY29uZmlnLnJlZ2lvbn0uYClbMV0pLnNvcnQoKTtcbiAgICBleHBlY3Qoc2VydmljZXMpLnRvRXF1YWwoWy4uLm5ldHdvcmsuZ2F0ZXdheUVuZHBvaW50cywgLi4ubmV0d29yay5pbnRlcmZhY2VFbmRwb2ludHNdLnNvcnQoKSk7XG4gIH0pO1xuXG4gIGl0KFwic2VuZHMgZmxvdyBsb2dzIHRvIGEgbG9nIGdyb3VwIGVuY3J5cHRlZCB3aXRoIHRoZSBsb2dzIGtleSBmcm9tIHNlY3JldHMta21zIChjcm9zcy1zdGFjaylcIiwgKCkgPT4ge1xuICAgIGV4cGVjdCh2cGMudGV4dCkudG9IYXZlUmVzb3VyY2VXaXRoUHJvcGVydGllcyhGbG93TG9nLCB7IHRyYWZmaWNfdHlwZTogbmV0d29yay5mbG93TG9ncy50cmFmZmljVHlwZSB9KTtcbiAgICBjb25zdCBncm91cCA9IE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2YodnBjLCBcImF3c19jbG91ZHdhdGNoX2xvZ19ncm91cFwiKSlbMF07XG4gICAgZXhwZWN0KGdyb3VwLnJldGVudGlvbl9pbl9kYXlzKS50b0JlKG5ldHdvcmsuZmxvd0xvZ3MucmV0ZW50aW9uRGF5cyk7XG4gICAgZXhwZWN0KGdyb3VwLmttc19rZXlfaWQpLnRvTWF0Y2goL15cXCRcXHtkYXRhXFwudGVycmFmb3JtX3JlbW90ZV9zdGF0ZVxcLmNyb3NzX3N0YWNrX3JlZmVyZW5jZV9pbnB1dF9cXHcrX3NlY3JldHNfa21zXFwub3V0cHV0c1xcLi8pO1xuICAgIGV4cGVjdCh2cGMudGV4dCkudG9IYXZlUmVzb3VyY2UoQ2xvdWR3YXRjaExvZ0dyb3VwKTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC92cGMtc3RhY2sudGVzdC50cyJ9
